package id.satupintu.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class StaffPagesController {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    /** Where staff land after signing in: their own workplace. */
    @GetMapping("/staff")
    String home() {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        return switch (staff.role()) {
            case NATIONAL_ADMIN, MALL_MANAGER -> "redirect:/manage";
            case OFFICER -> "redirect:/counter";
        };
    }
}
