package id.satupintu.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import id.satupintu.shared.CitizenId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal data keys: the built-in key, configured keys known by id, rotation from one to the next. */
class PersonalDataKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] BUILT_IN = random();
    private static final String OLD = "2025:" + Base64.getEncoder().encodeToString(random());
    private static final String NEW = "2026:" + Base64.getEncoder().encodeToString(random());

    private static PersonalDataCipher cipher(String keys) {
        return new PersonalDataCipher(new PersonalDataKeys(() -> BUILT_IN, keys));
    }

    @Test
    void aNikStoredByTheFirstVersionStillDecrypts() throws Exception {
        // the stored form NIKs had before key ids: version byte 1, nonce, AES-GCM with the citizen's id as AAD
        CitizenId owner = CitizenId.random();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(BUILT_IN, "AES"), new GCMParameterSpec(128, nonce));
        aes.updateAAD(owner.value().toString().getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = aes.doFinal("3671011708850002".getBytes(StandardCharsets.US_ASCII));
        byte[] stored = ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) 1).put(nonce).put(sealed).array();

        assertThat(new NikCipher(cipher("")).decrypt(stored, owner).value()).isEqualTo("3671011708850002");
        assertThat(new NikCipher(cipher(NEW + "," + OLD)).decrypt(stored, owner).value())
                .as("the built-in key stays readable once keys are configured").isEqualTo("3671011708850002");
    }

    @Test
    void theCurrentKeyEncryptsAndItsIdIsInTheHeader() {
        UUID owner = UUID.randomUUID();
        byte[] builtIn = cipher("").seal("Siti Nurhaliza", "full_name", owner);
        assertThat(builtIn[0]).isEqualTo((byte) 1);
        byte[] configured = cipher(NEW + "," + OLD).seal("Siti Nurhaliza", "full_name", owner);
        assertThat(new String(configured, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("\u0002\u00042026");
        assertThat(new String(configured, StandardCharsets.ISO_8859_1)).doesNotContain("Siti");
        assertThat(cipher(NEW + "," + OLD).open(configured, "full_name", owner)).isEqualTo("Siti Nurhaliza");
        assertThat(cipher(NEW).open(builtIn, "full_name", owner)).isEqualTo("Siti Nurhaliza");
    }

    @Test
    void rotationRewrapsOldValuesToTheCurrentKeyAndLeavesCurrentOnesAlone() {
        UUID owner = UUID.randomUUID();
        byte[] old = cipher(OLD).seal("siti@example.org", "email", owner);
        PersonalDataCipher rotated = cipher(NEW + "," + OLD);
        assertThat(rotated.isCurrent(old)).isFalse();
        byte[] rewrapped = rotated.rewrap(old, "email", owner);
        assertThat(rotated.isCurrent(rewrapped)).isTrue();
        assertThat(rotated.rewrap(rewrapped, "email", owner)).isSameAs(rewrapped);
        assertThat(cipher(NEW).open(rewrapped, "email", owner)).as("the old key may go now")
                .isEqualTo("siti@example.org");
        assertThatThrownBy(() -> cipher(NEW).open(old, "email", owner))
                .hasMessageContaining("key \"2025\", which is not configured");
    }

    @Test
    void textFromBeforeEncryptionReadsAsItselfAndIsEncryptedByARewrap() {
        UUID owner = UUID.randomUUID();
        byte[] plain = "0812345678".getBytes(StandardCharsets.UTF_8);
        PersonalDataCipher current = cipher(NEW);
        assertThat(current.open(plain, "phone", owner)).isEqualTo("0812345678");
        byte[] sealed = current.rewrap(plain, "phone", owner);
        assertThat(current.isCurrent(sealed)).isTrue();
        assertThat(current.open(sealed, "phone", owner)).isEqualTo("0812345678");
    }

    @Test
    void aValueMovedToAnotherFieldOrRecordDoesNotDecrypt() {
        UUID owner = UUID.randomUUID();
        byte[] email = cipher(NEW).seal("siti@example.org", "email", owner);
        assertThatThrownBy(() -> cipher(NEW).open(email, "phone", owner)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher(NEW).open(email, "email", UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedKeysAreRefusedAtStart() {
        assertThatThrownBy(() -> cipher("2026:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> cipher("no-colon")).hasMessageContaining("id:base64");
        assertThatThrownBy(() -> cipher(NEW + "," + NEW)).hasMessageContaining("twice");
        assertThatThrownBy(() -> cipher("2026:***")).hasMessageContaining("not base64");
    }

    @Test
    void aCodeEventWaitsForDeliveryWithItsContactsAndCodeEncrypted() {
        PersonalDataCipher cipher = cipher(NEW);
        CitizenCodeRequested event = CitizenCodeRequested.of(cipher, "siti@example.org", "081234567890", "123456",
                java.time.Instant.parse("2026-12-01T02:10:00Z"), java.util.Locale.of("id"));
        JsonMapper json = JsonMapper.builder().build();
        String stored = json.writeValueAsString(event);
        assertThat(stored).doesNotContain("siti").doesNotContain("0812345").doesNotContain("123456");
        CitizenCodeRequested delivered = json.readValue(stored, CitizenCodeRequested.class);
        assertThat(delivered.email(cipher)).isEqualTo("siti@example.org");
        assertThat(delivered.phone(cipher)).isEqualTo("081234567890");
        assertThat(delivered.code(cipher)).isEqualTo("123456");
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
