package id.satupintu.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A citizen asked for a one-time code to sign up or sign in; it goes to the e-mail address and/or phone number given
 * (either may be null). The code is valid until {@code expiresAt}; a message that could only arrive later is useless.
 *
 * <p>The event waits in the event publication table until it is delivered, so the contacts and the code travel
 * encrypted; the listener opens them with the {@link PersonalDataCipher}.
 */
public record CitizenCodeRequested(UUID id, byte[] sealedEmail, byte[] sealedPhone, byte[] sealedCode,
        Instant expiresAt, Locale locale) {

    private static final String EMAIL = "code-event.email";
    private static final String PHONE = "code-event.phone";
    private static final String CODE = "code-event.code";

    static CitizenCodeRequested of(PersonalDataCipher cipher, String email, String phone, String code,
            Instant expiresAt, Locale locale) {
        UUID id = UUID.randomUUID();
        return new CitizenCodeRequested(id, cipher.seal(email, EMAIL, id), cipher.seal(phone, PHONE, id),
                cipher.seal(code, CODE, id), expiresAt, locale);
    }

    /** Where to send the code by e-mail; null when not by e-mail. */
    public String email(PersonalDataCipher cipher) {
        return cipher.open(sealedEmail, EMAIL, id);
    }

    /** Where to send the code by text message; null when not by text message. */
    public String phone(PersonalDataCipher cipher) {
        return cipher.open(sealedPhone, PHONE, id);
    }

    public String code(PersonalDataCipher cipher) {
        return cipher.open(sealedCode, CODE, id);
    }
}
