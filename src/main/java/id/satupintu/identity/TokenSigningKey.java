package id.satupintu.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC key that signs and verifies the API's bearer tokens. Every instance of a deployment must use the same
 * key: it comes from {@code SATUPINTU_TOKEN_SECRET}, or else from the database, where the first instance to need
 * one stores a random key for all.
 */
@Component
class TokenSigningKey {

    private static final int MINIMUM_SECRET_BYTES = 32;

    private final JdbcClient jdbc;
    private final String configuredSecret;
    private volatile SecretKey key;

    TokenSigningKey(JdbcClient jdbc, @Value("${satupintu.security.token-secret:}") String configuredSecret) {
        this.jdbc = jdbc;
        this.configuredSecret = configuredSecret;
        if (!configuredSecret.isBlank()
                && configuredSecret.getBytes(StandardCharsets.UTF_8).length < MINIMUM_SECRET_BYTES) {
            throw new IllegalStateException("SATUPINTU_TOKEN_SECRET must be at least 32 characters long");
        }
    }

    SecretKey get() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(configuredSecret.isBlank() ? storedSecret()
                            : configuredSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
                }
                current = key;
            }
        }
        return current;
    }

    private byte[] storedSecret() {
        byte[] candidate = new byte[MINIMUM_SECRET_BYTES * 2];
        new SecureRandom().nextBytes(candidate);
        jdbc.sql("INSERT INTO token_signing_key (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
                .param("secret", candidate)
                .update();
        return jdbc.sql("SELECT secret FROM token_signing_key WHERE id = 1").query(byte[].class).single();
    }
}
