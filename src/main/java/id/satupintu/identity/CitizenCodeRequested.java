package id.satupintu.identity;

import java.time.Instant;
import java.util.Locale;

/**
 * A citizen asked for a one-time code to sign up or sign in; it goes to the e-mail address and/or phone number given
 * (either may be null). The code is valid until {@code expiresAt}; a message that could only arrive later is useless.
 */
public record CitizenCodeRequested(String email, String phone, String code, Instant expiresAt, Locale locale) {
}
