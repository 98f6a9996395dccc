package id.satupintu.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class StaffPagesController {

    @GetMapping("/login")
    String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
        // Only a number of minutes is shown; anything else in the address is ignored.
        if (locked != null && locked.matches("\\d{1,4}")) {
            model.addAttribute("lockedMinutes", Integer.parseInt(locked));
        }
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
