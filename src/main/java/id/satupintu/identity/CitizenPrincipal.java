package id.satupintu.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;

import id.satupintu.shared.CitizenId;
import id.satupintu.shared.Forbidden;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in citizen, kept in the web session after a correct one-time code. */
public record CitizenPrincipal(CitizenId id, String fullName, String nikMasked) implements Principal, Serializable {

    /** The authority every signed-in citizen has. */
    public static final String AUTHORITY = "ROLE_CITIZEN";

    /** The citizen behind the current request, if one is signed in. */
    public static Optional<CitizenPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CitizenPrincipal citizen
                ? Optional.of(citizen)
                : Optional.empty();
    }

    public static CitizenPrincipal requireCurrent() {
        return current().orElseThrow(Forbidden::new);
    }

    /** The name shown in the page header. */
    @Override
    public String getName() {
        return fullName;
    }
}
