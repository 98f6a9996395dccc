package id.satupintu.identity;

import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A keyed hash of a NIK (HMAC-SHA256), so that records can be matched by NIK ("one booking per NIK") without
 * keeping the number itself. The key comes from {@code SATUPINTU_PERSONAL_DATA_SECRET}, or else from the database,
 * shared by every instance; changing it makes earlier fingerprints unmatchable.
 */
@Component
public class NikFingerprints {

    private final StoredSecrets secret;

    NikFingerprints(JdbcClient jdbc, @Value("${satupintu.security.personal-data-secret:}") String configuredSecret) {
        this.secret = new StoredSecrets(jdbc, "nik-fingerprint", configuredSecret, "SATUPINTU_PERSONAL_DATA_SECRET");
    }

    /** The fingerprint of a NIK: 64 hexadecimal characters, the same on every instance. */
    public String of(Nik nik) {
        return HexFormat.of().formatHex(secret.hmac(nik.value()));
    }
}
