package id.satupintu.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A secret every instance of a deployment must share: the configured one, or else a random one kept in the database,
 * stored by the first instance that needs it and read by the others.
 */
public final class StoredSecrets {

    private static final int MINIMUM_CONFIGURED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String name;
    private final String configured;
    private volatile byte[] secret;

    /**
     * @param name       the secret's row in the database
     * @param configured the configured secret, blank when none
     * @param setting    the environment variable that configures it, for the error message
     */
    public StoredSecrets(JdbcClient jdbc, String name, String configured, String setting) {
        this.jdbc = jdbc;
        this.name = name;
        this.configured = configured;
        if (!configured.isBlank() && configured.getBytes(StandardCharsets.UTF_8).length < MINIMUM_CONFIGURED_BYTES) {
            throw new IllegalStateException(setting + " must be at least 32 characters long");
        }
    }

    byte[] get() {
        byte[] current = secret;
        if (current == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = configured.isBlank() ? getOrCreate() : configured.getBytes(StandardCharsets.UTF_8);
                }
                current = secret;
            }
        }
        return current;
    }

    /** The HMAC-SHA256 of a text under this secret: 32 bytes, the same on every instance. */
    public byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(get(), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] getOrCreate() {
        byte[] candidate = new byte[MINIMUM_CONFIGURED_BYTES * 2];
        RANDOM.nextBytes(candidate);
        jdbc.sql("INSERT INTO app_secret (name, secret) VALUES (:name, :secret) ON CONFLICT (name) DO NOTHING")
                .param("name", name)
                .param("secret", candidate)
                .update();
        return jdbc.sql("SELECT secret FROM app_secret WHERE name = :name").param("name", name)
                .query(byte[].class).single();
    }
}
