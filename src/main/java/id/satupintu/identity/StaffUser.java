package id.satupintu.identity;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A staff account as Spring Security's form login sees it. */
final class StaffUser extends User {

    private final StaffPrincipal staff;

    StaffUser(StaffPrincipal staff, String passwordHash, boolean enabled) {
        super(staff.username(), passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority(staff.role().authority())));
        this.staff = staff;
    }

    StaffPrincipal staff() {
        return staff;
    }
}
