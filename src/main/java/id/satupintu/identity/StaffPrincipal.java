package id.satupintu.identity;

import java.io.Serializable;
import java.util.Optional;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.Forbidden;
import id.satupintu.shared.MallId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff member and their scope, whether they came through a web session or a bearer token. */
public record StaffPrincipal(long accountId, String username, String displayName, StaffRole role, MallId mallId,
        AgencyId agencyId) implements Serializable {

    public StaffPrincipal {
        switch (role) {
            case NATIONAL_ADMIN -> require(mallId == null && agencyId == null);
            case MALL_MANAGER -> require(mallId != null && agencyId == null);
            case OFFICER -> require(mallId != null && agencyId != null);
        }
    }

    private static void require(boolean scopeFitsRole) {
        if (!scopeFitsRole) {
            throw new IllegalArgumentException("The scope does not fit the role");
        }
    }

    /** Whether this person may change the configuration of the mall. */
    public boolean canManage(MallId mall) {
        return role == StaffRole.NATIONAL_ADMIN || (role == StaffRole.MALL_MANAGER && mall.equals(mallId));
    }

    public void requireManagerOf(MallId mall) {
        if (!canManage(mall)) {
            throw new Forbidden();
        }
    }

    /** The staff member behind the current request, if one is signed in. */
    public static Optional<StaffPrincipal> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static StaffPrincipal requireCurrent() {
        return current().orElseThrow(Forbidden::new);
    }

    public static Optional<StaffPrincipal> from(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        return switch (authentication.getPrincipal()) {
            case StaffPrincipal staff -> Optional.of(staff);
            case StaffUser user -> Optional.of(user.staff());
            case null, default -> Optional.empty();
        };
    }
}
