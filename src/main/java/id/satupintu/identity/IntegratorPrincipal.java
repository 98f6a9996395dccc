package id.satupintu.identity;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A system integrated through the API with OAuth2 client credentials, such as the national MPP Digital portal or a
 * city super-app, acting for the citizens it serves.
 */
public record IntegratorPrincipal(String clientId, String name, Set<String> scopes) implements Serializable {

    public static final String SUBMISSIONS_SCOPE = "submissions";

    public static Optional<IntegratorPrincipal> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof IntegratorPrincipal client
                ? Optional.of(client) : Optional.empty();
    }
}
