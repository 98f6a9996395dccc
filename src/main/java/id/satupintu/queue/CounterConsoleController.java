package id.satupintu.queue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.DomainException;
import id.satupintu.shared.ServiceId;
import id.satupintu.shared.web.ProblemFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officer's console at a counter. Every action posts and comes back to the console (post-redirect-get). */
@Controller
class CounterConsoleController {

    private final CounterDesk desk;
    private final Queue queue;
    private final Malls malls;
    private final Catalogue catalogue;
    private final ProblemFactory problems;

    CounterConsoleController(CounterDesk desk, Queue queue, Malls malls, Catalogue catalogue,
            ProblemFactory problems) {
        this.desk = desk;
        this.queue = queue;
        this.malls = malls;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    @GetMapping("/counter")
    String counters(Model model) {
        List<CounterDesk.CounterView> counters = desk.countersOf(StaffPrincipal.requireCurrent());
        if (counters.size() == 1) {
            return "redirect:/counter/" + counters.getFirst().id();
        }
        model.addAttribute("counters", counters);
        return "queue/counters";
    }

    /** What the console shows: the counter, the ticket at it, and how many wait for each of its services. */
    record WaitingLine(String serviceCode, String serviceName, long waiting) {
    }

    @GetMapping("/counter/{counterId}")
    String console(@PathVariable long counterId, Model model, Locale locale) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        CounterDesk.CounterView counter = desk.countersOf(staff).stream().filter(c -> c.id() == counterId)
                .findFirst().orElseThrow(id.satupintu.shared.Forbidden::new);
        Mall mall = malls.getByCode(counter.mallCode());
        Optional<TicketView> current = desk.currentTicket(staff, CounterId.given(counterId), locale);
        Map<ServiceId, Long> waiting = queue.waitingCounts(mall.id());
        List<MallService> services = catalogue.activeServices(mall.id());
        model.addAttribute("mall", mall);
        model.addAttribute("counter", counter);
        model.addAttribute("current", current.orElse(null));
        model.addAttribute("lines", services.stream().filter(s -> counter.serviceCodes().contains(s.code()))
                .map(s -> new WaitingLine(s.code(), s.name().in(locale), waiting.getOrDefault(s.id(), 0L)))
                .toList());
        model.addAttribute("transferTargets", services);
        return "queue/counter";
    }

    @PostMapping("/counter/{counterId}/{action:open|pause|close|call-next}")
    String counterAction(@PathVariable long counterId, @PathVariable String action,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        CounterId counter = CounterId.given(counterId);
        run(redirect, locale, () -> {
            switch (action) {
                case "open" -> desk.open(staff, counter);
                case "pause" -> desk.pause(staff, counter, reason);
                case "close" -> desk.close(staff, counter);
                default -> {
                    if (desk.callNext(staff, counter, locale).isEmpty()) {
                        redirect.addFlashAttribute("notice", "counter.nobodyWaiting");
                    }
                }
            }
        });
        return "redirect:/counter/" + counterId;
    }

    @PostMapping("/counter/{counterId}/tickets/{ticketId}/{action:recall|start|finish|no-show|transfer}")
    String ticketAction(@PathVariable long counterId, @PathVariable String ticketId, @PathVariable String action,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String serviceCode, RedirectAttributes redirect, Locale locale) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        TicketId ticket = TicketId.parse(ticketId);
        run(redirect, locale, () -> {
            switch (action) {
                case "recall" -> desk.recall(staff, ticket, locale);
                case "start" -> desk.start(staff, ticket, locale);
                case "finish" -> desk.finish(staff, ticket, outcome, reason, locale);
                case "no-show" -> desk.noShow(staff, ticket, locale);
                default -> desk.transfer(staff, ticket, serviceCode == null ? "" : serviceCode, locale);
            }
        });
        return "redirect:/counter/" + counterId;
    }

    private void run(RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
        } catch (id.satupintu.shared.Forbidden e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
    }
}
