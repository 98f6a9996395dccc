package id.satupintu.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the civil registry, so that the demo runs offline: it knows the demo citizens of
 * {@value #RESOURCE} and no one else. Names are compared as the registry would, ignoring case and spaces. The demo
 * citizen with status {@code UNREACHABLE} makes it fail as if the registry were down.
 */
final class SimulatedPopulationRegistry implements PopulationRegistry {

    static final String RESOURCE = "identity/demo-citizens.json";

    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    enum Status {
        ALIVE,
        DECEASED,
        /** Asking about this person fails as if the registry were down. */
        UNREACHABLE
    }

    record DemoCitizen(String nik, String fullName, LocalDate birthDate, String regionCode, Status status) {
    }

    record DemoCitizens(String about, List<DemoCitizen> citizens) {
    }

    private final Map<Nik, DemoCitizen> citizens;

    SimulatedPopulationRegistry(JsonMapper json) {
        try (InputStream in = SimulatedPopulationRegistry.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Classpath resource " + RESOURCE + " is missing");
            }
            this.citizens = json.readValue(in, DemoCitizens.class).citizens().stream()
                    .collect(Collectors.toUnmodifiableMap(c -> Nik.parse(c.nik()), Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    @Override
    public RegistryAnswer verify(Nik nik, String fullName, LocalDate birthDate) {
        DemoCitizen citizen = citizens.get(nik);
        if (citizen == null) {
            return new RegistryAnswer.NotFound();
        }
        if (citizen.status() == Status.UNREACHABLE) {
            throw new RegistryUnavailable(RETRY_AFTER);
        }
        if (citizen.status() == Status.DECEASED) {
            return new RegistryAnswer.Deceased();
        }
        Set<RegistryAnswer.Field> differ = EnumSet.noneOf(RegistryAnswer.Field.class);
        if (!comparable(citizen.fullName()).equals(comparable(fullName))) {
            differ.add(RegistryAnswer.Field.FULL_NAME);
        }
        if (!citizen.birthDate().equals(birthDate)) {
            differ.add(RegistryAnswer.Field.BIRTH_DATE);
        }
        return differ.isEmpty() ? new RegistryAnswer.Match(citizen.fullName(), citizen.regionCode())
                : new RegistryAnswer.Mismatch(differ);
    }

    /** A name as compared: compatibility-normalised, without white space, in capitals. */
    static String comparable(String name) {
        return name == null ? ""
                : Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
