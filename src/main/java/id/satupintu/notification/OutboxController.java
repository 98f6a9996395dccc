package id.satupintu.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The simulated gateways' outbox, for demos and training without a mail server or SMS provider. It shows personal
 * data, so only the national administrator sees it (see the web security rules).
 */
@Controller
class OutboxController {

    private final SimulatedOutbox outbox;

    OutboxController(SimulatedOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/manage/outbox")
    String outbox(Model model) {
        model.addAttribute("messages", outbox.all());
        return "notification/outbox";
    }
}
