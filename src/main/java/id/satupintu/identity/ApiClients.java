package id.satupintu.identity;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The integrators allowed to call the API with client credentials; their secrets are kept only as hashes. */
@Service
public class ApiClients {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    ApiClients(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Registers an integrator, or gives an existing one a new secret, name and scopes. */
    public void register(String clientId, String name, String secret, Set<String> scopes) {
        if (clientId == null || !clientId.matches("[a-z0-9][a-z0-9-]{2,59}") || secret == null
                || secret.length() < 12) {
            throw new IllegalArgumentException("A client id of 3-60 lower-case letters, digits or dashes and a "
                    + "secret of at least 12 characters are required");
        }
        jdbc.sql("""
                INSERT INTO api_client (client_id, name, secret_hash, scopes, enabled, created_at)
                VALUES (:id, :name, :hash, :scopes, TRUE, :now)
                ON CONFLICT (client_id) DO UPDATE SET name = EXCLUDED.name, secret_hash = EXCLUDED.secret_hash,
                    scopes = EXCLUDED.scopes, enabled = TRUE
                """)
                .param("id", clientId).param("name", name).param("hash", passwords.encode(secret))
                .param("scopes", String.join(" ", scopes)).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The enabled integrator with this id and secret. */
    Optional<IntegratorPrincipal> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || clientId.length() > 60 || secret.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT name, secret_hash, scopes FROM api_client WHERE client_id = :id AND enabled")
                .param("id", clientId)
                .query((rs, n) -> new Stored(rs.getString("name"), rs.getString("secret_hash"),
                        rs.getString("scopes")))
                .optional()
                .filter(stored -> passwords.matches(secret, stored.secretHash()))
                .map(stored -> new IntegratorPrincipal(clientId, stored.name(),
                        new LinkedHashSet<>(Arrays.asList(stored.scopes().split(" ")))));
    }

    private record Stored(String name, String secretHash, String scopes) {
    }
}
