package id.satupintu.identity;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry simulator of the demo: the same answers every time, from the demo citizens file. */
class PopulationRegistrySimulatorTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Nik SITI = Nik.parse("3217015203900001");

    final SimulatedPopulationRegistry registry = new SimulatedPopulationRegistry(JSON);

    @Test
    void aDemoCitizenMatchesWhateverTheCaseAndSpacesOfTheName() {
        RegistryAnswer answer = registry.verify(SITI, "  siti   NURHALIZA ", LocalDate.of(1990, 3, 12));
        assertThat(answer).isEqualTo(new RegistryAnswer.Match("Siti Nurhaliza", "32.17"));
        assertThat(new SimulatedPopulationRegistry(JSON).verify(SITI, "Siti Nurhaliza", LocalDate.of(1990, 3, 12)))
                .as("another simulator, the same answer").isEqualTo(answer);
        assertThat(registry.verify(SITI, "SitiNurhaliza", LocalDate.of(1990, 3, 12))).isEqualTo(answer);
    }

    @Test
    void aWrongNameOrDateOfBirthIsAMismatchThatSaysWhichDiffers() {
        assertThat(registry.verify(SITI, "Siti Aminah", LocalDate.of(1990, 3, 12)))
                .isEqualTo(new RegistryAnswer.Mismatch(Set.of(RegistryAnswer.Field.FULL_NAME)));
        assertThat(registry.verify(SITI, "Siti Nurhaliza", LocalDate.of(1990, 3, 13)))
                .isEqualTo(new RegistryAnswer.Mismatch(Set.of(RegistryAnswer.Field.BIRTH_DATE)));
        assertThat(registry.verify(SITI, "Siti", LocalDate.of(1991, 3, 12))).isEqualTo(new RegistryAnswer.Mismatch(
                Set.of(RegistryAnswer.Field.FULL_NAME, RegistryAnswer.Field.BIRTH_DATE)));
    }

    @Test
    void anyOtherNikIsNotFoundAndTheDeceasedAreSaidToBe() {
        assertThat(registry.verify(Nik.parse("3217015203900099"), "Siti Nurhaliza", LocalDate.of(1990, 3, 12)))
                .isEqualTo(new RegistryAnswer.NotFound());
        assertThat(registry.verify(Nik.parse("3217020202480007"), "Ujang Suryana", LocalDate.of(1948, 2, 2)))
                .isEqualTo(new RegistryAnswer.Deceased());
    }

    @Test
    void theOutageCitizenMakesTheRegistryUnavailable() {
        assertThatThrownBy(() -> registry.verify(Nik.parse("3671030909880008"), "Rahmat Hidayat",
                LocalDate.of(1988, 9, 9)))
                .isInstanceOf(RegistryUnavailable.class)
                .satisfies(e -> assertThat(((RegistryUnavailable) e).retryAfter()).isPositive());
    }

    @Test
    void everyDemoCitizensBirthDateAgreesWithTheirNik() throws Exception {
        SimulatedPopulationRegistry.DemoCitizens demo;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SimulatedPopulationRegistry.RESOURCE)) {
            demo = JSON.readValue(in, SimulatedPopulationRegistry.DemoCitizens.class);
        }
        assertThat(demo.citizens()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(demo.citizens()).extracting(SimulatedPopulationRegistry.DemoCitizen::status)
                .contains(SimulatedPopulationRegistry.Status.DECEASED, SimulatedPopulationRegistry.Status.UNREACHABLE);
        for (SimulatedPopulationRegistry.DemoCitizen citizen : demo.citizens()) {
            Nik nik = Nik.parse(citizen.nik());
            assertThat(nik.birthDayOfYear()).as(citizen.fullName()).isEqualTo(MonthDay.from(citizen.birthDate()));
            assertThat(nik.birthYearTwoDigits()).as(citizen.fullName()).isEqualTo(citizen.birthDate().getYear() % 100);
            assertThat(citizen.regionCode()).as(citizen.fullName()).matches("\\d{2}\\.\\d{2}");
        }
        assertThat(demo.citizens()).extracting(c -> Nik.parse(c.nik()).sex()).contains(Nik.Sex.FEMALE, Nik.Sex.MALE);
    }
}
