package id.satupintu.identity;

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

    private final StoredSecrets secret;

    TokenSigningKey(JdbcClient jdbc, @Value("${satupintu.security.token-secret:}") String configuredSecret) {
        this.secret = new StoredSecrets(jdbc, "token-signing", configuredSecret, "SATUPINTU_TOKEN_SECRET");
    }

    SecretKey get() {
        return new SecretKeySpec(secret.get(), "HmacSHA256");
    }
}
