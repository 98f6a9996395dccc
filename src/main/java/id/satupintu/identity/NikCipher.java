package id.satupintu.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import id.satupintu.shared.CitizenId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a citizen's NIK encrypted at rest (AES-256-GCM). The key is derived from {@code
 * SATUPINTU_PERSONAL_DATA_SECRET}, or else from a random secret of its own in the database, and differs from the
 * fingerprint key either way. Stored form: a version byte, the 12-byte nonce, then the ciphertext with its tag. The
 * citizen's id is bound in as associated data, so a ciphertext copied onto another account does not decrypt.
 */
@Component
class NikCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoredSecrets secret;
    private volatile SecretKey key;

    NikCipher(JdbcClient jdbc, @Value("${satupintu.security.personal-data-secret:}") String configuredSecret) {
        this.secret = new StoredSecrets(jdbc, "nik-encryption", configuredSecret, "SATUPINTU_PERSONAL_DATA_SECRET");
    }

    byte[] encrypt(Nik nik, CitizenId owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, owner, nik.value().getBytes(StandardCharsets.US_ASCII));
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    }

    Nik decrypt(byte[] stored, CitizenId owner) {
        if (stored.length <= 1 + NONCE_BYTES || stored[0] != VERSION) {
            throw new IllegalStateException("Not an encrypted NIK of a known version");
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored, 1, stored.length - 1);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return Nik.parse(new String(run(Cipher.DECRYPT_MODE, nonce, owner, sealed), StandardCharsets.US_ASCII));
    }

    private byte[] run(int mode, byte[] nonce, CitizenId owner, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.value().toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " a NIK (wrong key or damaged data)", e);
        }
    }

    private SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            current = new SecretKeySpec(secret.hmac("satupintu/nik-encryption/v1"), "AES");
            key = current;
        }
        return current;
    }
}
