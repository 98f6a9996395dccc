package id.satupintu.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts citizens' personal data at rest (AES-256-GCM) under the keys of {@link PersonalDataKeys}.
 *
 * <p>Stored form: a header naming the key (the byte 1 for the built-in key; the byte 2, the id's length and the id
 * for a configured key), the 12-byte nonce, then the ciphertext with its tag. The field and the record it belongs to
 * are bound in as associated data, so a value copied into another field or onto another record does not decrypt.
 *
 * <p>A stored value whose first byte is neither 1 nor 2 is text from before encryption (printable text never starts
 * so); it reads as itself until {@link PersonalDataReEncryption} has encrypted it.
 */
@Component
public class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PersonalDataKeys keys;

    @Autowired
    PersonalDataCipher(JdbcClient jdbc, @Value("${satupintu.security.personal-data-secret:}") String configuredSecret,
            @Value("${satupintu.security.personal-data-keys:}") String configuredKeys) {
        StoredSecrets secret = new StoredSecrets(jdbc, "nik-encryption", configuredSecret,
                "SATUPINTU_PERSONAL_DATA_SECRET");
        this(new PersonalDataKeys(() -> secret.hmac("satupintu/nik-encryption/v1"), configuredKeys));
    }

    PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /**
     * The text encrypted with the current key for one field of one record; null for null.
     *
     * @param field what the text is, such as {@code email}; part of the associated data
     * @param owner the record it belongs to, usually its id; part of the associated data
     */
    public byte[] seal(String text, String field, Object owner) {
        return text == null ? null : seal(text.getBytes(StandardCharsets.UTF_8), field, owner);
    }

    /** The text of {@link #seal}; null for null. */
    public String open(byte[] stored, String field, Object owner) {
        if (stored == null) {
            return null;
        }
        if (!isEncrypted(stored)) {
            return new String(stored, StandardCharsets.UTF_8);
        }
        return new String(openBytes(stored, field, owner), StandardCharsets.UTF_8);
    }

    /** Whether a stored value is encrypted with the current key (else re-encryption will move it there). */
    boolean isCurrent(byte[] stored) {
        byte[] header = keys.currentHeader();
        return stored.length > header.length && Arrays.equals(stored, 0, header.length, header, 0, header.length);
    }

    /** A stored value encrypted with the current key, whatever key (or none) it was stored with. */
    byte[] rewrap(byte[] stored, String field, Object owner) {
        if (isCurrent(stored)) {
            return stored;
        }
        byte[] plain = isEncrypted(stored) ? openBytes(stored, field, owner) : stored;
        return seal(plain, field, owner);
    }

    byte[] currentHeader() {
        return keys.currentHeader();
    }

    byte[] seal(byte[] plain, String field, Object owner) {
        byte[] header = keys.currentHeader();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.currentKey(), nonce, field, owner, plain);
        return ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length).put(header).put(nonce).put(sealed)
                .array();
    }

    byte[] openBytes(byte[] stored, String field, Object owner) {
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        String keyId = null;
        byte format = buffer.get();
        if (format == PersonalDataKeys.KEY_ID_FORMAT) {
            int length = stored.length > 1 ? stored[1] : 0;
            if (length <= 0 || stored.length < 2 + length) {
                throw new IllegalStateException("Personal data with a damaged key header");
            }
            byte[] id = new byte[length];
            buffer.get();
            buffer.get(id);
            keyId = new String(id, StandardCharsets.US_ASCII);
        } else if (format != PersonalDataKeys.BUILT_IN_FORMAT) {
            throw new IllegalStateException("Not encrypted personal data of a known format");
        }
        if (buffer.remaining() <= NONCE_BYTES) {
            throw new IllegalStateException("Encrypted personal data too short to be whole");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return run(Cipher.DECRYPT_MODE, keys.key(keyId), nonce, field, owner, sealed);
    }

    static boolean isEncrypted(byte[] stored) {
        return stored.length > 0
                && (stored[0] == PersonalDataKeys.BUILT_IN_FORMAT || stored[0] == PersonalDataKeys.KEY_ID_FORMAT);
    }

    /** The associated data: the owner alone for an empty field (the NIK's binding since its first version). */
    private static byte[] associatedData(String field, Object owner) {
        String text = field.isEmpty() ? owner.toString() : field + ":" + owner;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, String field, Object owner, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(field, owner));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " personal data (" + (field.isEmpty() ? "nik" : field) + "): wrong key or damaged data", e);
        }
    }
}
