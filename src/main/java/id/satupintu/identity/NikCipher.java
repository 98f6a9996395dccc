package id.satupintu.identity;

import java.nio.charset.StandardCharsets;

import id.satupintu.shared.CitizenId;
import org.springframework.stereotype.Component;

/**
 * Keeps a citizen's NIK encrypted at rest with the {@link PersonalDataCipher}; the citizen's id alone is the
 * associated data (as in the first version of the stored form), so a ciphertext copied onto another account does not
 * decrypt. The key differs from the fingerprint key.
 */
@Component
class NikCipher {

    static final String FIELD = "";

    private final PersonalDataCipher cipher;

    NikCipher(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    byte[] encrypt(Nik nik, CitizenId owner) {
        return cipher.seal(nik.value().getBytes(StandardCharsets.US_ASCII), FIELD, owner.value());
    }

    Nik decrypt(byte[] stored, CitizenId owner) {
        if (!PersonalDataCipher.isEncrypted(stored)) {
            throw new IllegalStateException("Not an encrypted NIK of a known version");
        }
        return Nik.parse(new String(cipher.openBytes(stored, FIELD, owner.value()), StandardCharsets.US_ASCII));
    }
}
