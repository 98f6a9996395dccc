package id.satupintu.identity;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import id.satupintu.SatuPintuTest;
import id.satupintu.shared.CitizenId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-encryption moves stored personal data to the current key: values of the built-in key (every deployment before
 * keys were configured), of an earlier configured key, and text stored before encryption.
 */
@SatuPintuTest
class PersonalDataReEncryptionTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher current;

    @Autowired
    PersonalDataReEncryption reEncryption;

    @Autowired
    Citizens citizens;

    @Value("${satupintu.security.personal-data-keys}")
    String configuredKeys;

    @Test
    void anAccountStoredUnderEarlierKeysAndInClearEndsUnderTheCurrentKeyAndReadsTheSame() {
        PersonalDataCipher builtIn = new PersonalDataCipher(jdbc, "", "");
        PersonalDataCipher earlier = new PersonalDataCipher(jdbc, "", configuredKeys.split(",")[1]);
        UUID id = UUID.randomUUID();
        Nik nik = Nik.parse("3671010101900099");
        jdbc.sql("""
                INSERT INTO citizen (id, nik_fingerprint, nik_encrypted, nik_masked, full_name, email, phone,
                                     created_at)
                VALUES (:id, :fingerprint, :nik, :masked, :name, :email, :phone, :now)
                """)
                .param("id", id).param("fingerprint", "%064x".formatted(id.getMostSignificantBits()))
                .param("nik", new NikCipher(builtIn).encrypt(nik, new CitizenId(id))).param("masked", nik.masked())
                .param("name", "Rini Wulandari".getBytes(StandardCharsets.UTF_8))
                .param("email", builtIn.seal("rini@example.org", Citizens.EMAIL, id))
                .param("phone", earlier.seal("081234567890", Citizens.PHONE, id))
                .param("now", OffsetDateTime.now())
                .update();

        assertThat(reEncryption.run()).containsKeys("citizen.nik_encrypted", "citizen.full_name",
                "appointment.name", "appointment.email", "complaint.contact_phone", "citizen_code.email");

        Map<String, Object> row = jdbc.sql("SELECT nik_encrypted, full_name, email, phone FROM citizen WHERE id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.values()).allSatisfy(value -> assertThat(startsWith((byte[]) value, current.currentHeader()))
                .isTrue());
        Citizen rini = citizens.find(new CitizenId(id)).orElseThrow();
        assertThat(rini.fullName()).isEqualTo("Rini Wulandari");
        assertThat(rini.email()).isEqualTo("rini@example.org");
        assertThat(rini.phone()).isEqualTo("081234567890");
        assertThat(citizens.nikOf(rini.id())).isEqualTo(nik);

        assertThat(reEncryption.run().values()).as("a second run finds nothing left to do").allMatch(n -> n == 0);
        jdbc.sql("DELETE FROM citizen WHERE id = :id").param("id", id).update();
    }

    @Test
    void twoInstancesReEncryptingAtOnceMoveEachValueOnce() throws Exception {
        List<UUID> ids = jdbc.sql("""
                INSERT INTO citizen_code (id, purpose, code_hash, email, created_at, expires_at)
                SELECT gen_random_uuid(), 'SIGN_IN', repeat('0', 64),
                       convert_to('warga' || n || '@example.org', 'UTF8'), now(), now() + interval '10 minutes'
                FROM generate_series(1, :count) n
                RETURNING id
                """).param("count", PersonalDataReEncryption.BATCH + 150).query(UUID.class).list();
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            Future<Map<String, Integer>> first = two.submit(reEncryption::run);
            Future<Map<String, Integer>> second = two.submit(reEncryption::run);
            // at most: the scheduled run may have taken some of them meanwhile
            assertThat(first.get().get("citizen_code.email") + second.get().get("citizen_code.email"))
                    .as("no value moved twice").isLessThanOrEqualTo(ids.size());
        }
        List<String> emails = jdbc.sql("SELECT id, email FROM citizen_code WHERE id IN (:ids)").param("ids", ids)
                .query((rs, n) -> {
                    byte[] value = rs.getBytes("email");
                    assertThat(startsWith(value, current.currentHeader())).isTrue();
                    return current.open(value, Citizens.EMAIL, rs.getObject("id", UUID.class));
                })
                .list();
        assertThat(emails).hasSize(ids.size()).allMatch(email -> email.matches("warga\\d+@example\\.org"));
        jdbc.sql("DELETE FROM citizen_code WHERE id IN (:ids)").param("ids", ids).update();
    }

    private static boolean startsWith(byte[] value, byte[] header) {
        return value.length > header.length && Arrays.equals(value, 0, header.length, header, 0, header.length);
    }
}
