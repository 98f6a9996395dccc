package id.satupintu.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import id.satupintu.shared.CitizenId;
import id.satupintu.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Citizens' accounts: the public face of the identity module for what other modules need to know of a citizen. */
@Service
public class Citizens implements PersonalDataColumns {

    private static final Logger log = LoggerFactory.getLogger(Citizens.class);

    static final String COLUMNS = "id, full_name, nik_masked, email, phone, region_code";
    /** The encrypted fields of an account (and of a sign-up code, which becomes one); the account's id binds them. */
    static final String NAME = "full_name";
    static final String EMAIL = "email";
    static final String PHONE = "phone";

    private final JdbcClient jdbc;
    private final NikFingerprints fingerprints;
    private final NikCipher cipher;
    private final PersonalDataCipher personalData;
    private final PopulationRegistry registry;
    private final Clock clock;

    Citizens(JdbcClient jdbc, NikFingerprints fingerprints, NikCipher cipher, PersonalDataCipher personalData,
            PopulationRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.fingerprints = fingerprints;
        this.cipher = cipher;
        this.personalData = personalData;
        this.registry = registry;
        this.clock = clock;
    }

    public Optional<Citizen> find(CitizenId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM citizen WHERE id = :id").param("id", id.value())
                .query(this::citizen).optional();
    }

    /**
     * Opens an account for a trusted integrator (a city super-app that has already identified its user), without a
     * one-time code: the population registry must confirm the person. For a NIK that already has an account, returns
     * that account and changes nothing; the registry must confirm the person all the same.
     *
     * @throws InvalidNikException  when the NIK is not structurally valid
     * @throws CitizenError         {@code CITIZEN_NOT_VERIFIED} when the registry does not confirm the person,
     *                              {@code INVALID_CONTACT} for a malformed e-mail address or phone number
     * @throws RegistryUnavailable when the registry cannot answer now
     */
    public Citizen registerVerified(String nik, String fullName, LocalDate birthDate, String email, String phone) {
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Nik parsed = Nik.parse(nik);
        String storedEmail = Contacts.email(email);
        String storedPhone = Contacts.phone(phone);
        // The registry confirms the person even when the account exists: knowing a NIK is not enough.
        RegistryAnswer.Match match = verify(parsed, fullName, birthDate);
        Optional<Citizen> existing = findByNik(parsed);
        if (existing.isPresent()) {
            return existing.get();
        }
        CitizenId id = CitizenId.random();
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO citizen (id, nik_fingerprint, nik_encrypted, nik_masked, full_name, email, phone,
                                     region_code, created_at)
                VALUES (:id, :fingerprint, :encrypted, :masked, :name, :email, :phone, :region, :now)
                ON CONFLICT (nik_fingerprint) DO NOTHING
                """)
                .param("id", id.value())
                .param("fingerprint", fingerprints.of(parsed))
                .param("encrypted", cipher.encrypt(parsed, id))
                .param("masked", parsed.masked())
                .param("name", personalData.seal(registeredName(match, fullName), NAME, id.value()))
                .param("email", personalData.seal(storedEmail, EMAIL, id.value()))
                .param("phone", personalData.seal(storedPhone, PHONE, id.value()))
                .param("region", match.regionCode())
                .param("now", now)
                .update();
        // Ours, or the one a concurrent registration of the same NIK created a moment earlier.
        return findByNik(parsed).orElseThrow();
    }

    /**
     * The citizen's full NIK, decrypted. This reads personal data: the caller must have a purpose for it and record
     * that purpose in the processing log (UU 27/2022), and must never show or log the number in full.
     */
    public Nik nikOf(CitizenId id) {
        byte[] encrypted = jdbc.sql("SELECT nik_encrypted FROM citizen WHERE id = :id").param("id", id.value())
                .query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException(NotFoundException.Code.ACCOUNT_NOT_FOUND));
        return cipher.decrypt(encrypted, id);
    }

    Optional<Citizen> findByNik(Nik nik) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM citizen WHERE nik_fingerprint = :fingerprint")
                .param("fingerprint", fingerprints.of(nik))
                .query(this::citizen).optional();
    }

    /** Asks the registry and accepts only a match; what else it said stays in the log, masked. */
    RegistryAnswer.Match verify(Nik nik, String fullName, LocalDate birthDate) {
        RegistryAnswer answer = registry.verify(nik, fullName, birthDate);
        if (answer instanceof RegistryAnswer.Match match) {
            return match;
        }
        log.info("Population registry did not confirm {}: {}", nik.masked(), answer);
        throw new CitizenError(CitizenError.Code.CITIZEN_NOT_VERIFIED);
    }

    /** The registry's spelling of the name, else the name as given. */
    static String registeredName(RegistryAnswer.Match match, String givenName) {
        return match.registeredName() != null && !match.registeredName().isBlank() ? match.registeredName()
                : givenName.strip();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    @Override
    public List<Column> personalDataColumns() {
        return List.of(new Column("citizen", "nik_encrypted", NikCipher.FIELD, "id"),
                new Column("citizen", "full_name", NAME, "id"),
                new Column("citizen", "email", EMAIL, "id"),
                new Column("citizen", "phone", PHONE, "id"));
    }

    private Citizen citizen(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Citizen(new CitizenId(id), personalData.open(rs.getBytes("full_name"), NAME, id),
                rs.getString("nik_masked"), personalData.open(rs.getBytes("email"), EMAIL, id),
                personalData.open(rs.getBytes("phone"), PHONE, id), rs.getString("region_code"));
    }
}
