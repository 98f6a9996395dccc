package id.satupintu.survey;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.Counter;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.queue.Queue;
import id.satupintu.queue.TicketId;
import id.satupintu.region.Malls;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.Forbidden;
import id.satupintu.shared.web.ProblemFactory;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tablet on the counter, facing the citizen: signed in once by the counter's officer, it offers the survey for
 * the ticket the counter finished last, thanks the citizen, and waits for the next one. A citizen who does not want
 * to answer can skip; a ticket finished longer ago than {@link #RECENT} is not offered any more.
 */
@Controller
class CounterTabletController {

    static final Duration RECENT = Duration.ofMinutes(30);
    private static final String SKIPPED = "survey.tablet.skipped";

    private final Surveys surveys;
    private final Queue queue;
    private final Catalogue catalogue;
    private final Malls malls;
    private final ProblemFactory problems;
    private final Clock clock;

    CounterTabletController(Surveys surveys, Queue queue, Catalogue catalogue, Malls malls, ProblemFactory problems,
            Clock clock) {
        this.surveys = surveys;
        this.queue = queue;
        this.catalogue = catalogue;
        this.malls = malls;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/staff/counters/{counterId}/survey")
    String tablet(@PathVariable long counterId, @RequestParam(required = false) String thanks, Model model,
            HttpSession session) {
        Counter counter = counter(counterId);
        model.addAttribute("counter", counter);
        model.addAttribute("mall", malls.get(counter.mallId()));
        Optional<TicketId> ticket = thanks != null ? Optional.empty() : current(counter, session);
        if (ticket.isEmpty()) {
            model.addAttribute("state", thanks != null ? "thanks" : "waiting");
            return "survey/tablet";
        }
        return form(counter, surveys.forTicket(ticket.get()), ticket.get(), Map.of(), model);
    }

    /** The ticket the tablet offers now, as text (empty when none), so that the page notices the next citizen. */
    @GetMapping(path = "/staff/counters/{counterId}/survey/current", produces = "text/plain")
    ResponseEntity<String> currentTicket(@PathVariable long counterId, HttpSession session) {
        return ResponseEntity.ok(current(counter(counterId), session).map(TicketId::toString).orElse(""));
    }

    @PostMapping("/staff/counters/{counterId}/survey")
    String answer(@PathVariable long counterId, @RequestParam String ticket, @RequestParam Map<String, String> fields,
            Model model, Locale locale, HttpServletResponse response) {
        Counter counter = counter(counterId);
        TicketId id = TicketId.parse(ticket);
        Surveys.Subject subject = surveys.forTicket(id);
        try {
            surveys.answer(subject, Scores.fromForm(fields, surveys.elements()), Respondent.fromForm(fields),
                    Source.TABLET);
        } catch (SurveyError e) {
            if (e.code() != SurveyError.Code.INVALID_SURVEY) {
                return "redirect:/staff/counters/" + counterId + "/survey";
            }
            response.setStatus(ProblemFactory.statusOf(e.code().kind()).value());
            model.addAttribute("counter", counter);
            model.addAttribute("mall", malls.get(counter.mallId()));
            model.addAttribute("error", problems.detail(e, locale));
            return form(counter, subject, id, fields, model);
        }
        return "redirect:/staff/counters/" + counterId + "/survey?thanks";
    }

    @PostMapping("/staff/counters/{counterId}/survey/skip")
    String skip(@PathVariable long counterId, @RequestParam String ticket, HttpSession session) {
        counter(counterId);
        Set<String> skipped = new HashSet<>(skipped(session));
        skipped.add(TicketId.parse(ticket).toString());
        // Set again, so that the session store writes the change.
        session.setAttribute(SKIPPED, skipped);
        return "redirect:/staff/counters/" + counterId + "/survey";
    }

    private String form(Counter counter, Surveys.Subject subject, TicketId ticket, Map<String, ?> given,
            Model model) {
        model.addAttribute("state", "form");
        model.addAttribute("ticket", ticket.toString());
        model.addAttribute("service", subject.service());
        model.addAttribute("agency", catalogue.agency(counter.mallId(), counter.agencyId()));
        SurveyForm.prepare(model, surveys.elements(), given);
        return "survey/tablet";
    }

    /** The ticket finished last at the counter, recently, not answered and not skipped on this tablet. */
    private Optional<TicketId> current(Counter counter, HttpSession session) {
        return queue.lastFinishedAt(counter, clock.instant().minus(RECENT))
                .filter(id -> !skipped(session).contains(id.toString()))
                .filter(id -> !surveys.answered(surveys.forTicket(id)));
    }

    /** The counter, if the signed-in officer works at it (their agency in their mall) or manages its mall. */
    private Counter counter(long counterId) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        if (staff.mallId() == null) {
            throw new Forbidden();
        }
        Counter counter = catalogue.counter(staff.mallId(), CounterId.given(counterId));
        if (staff.role() == StaffRole.OFFICER && !counter.agencyId().equals(staff.agencyId())) {
            throw new Forbidden();
        }
        return counter;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> skipped(HttpSession session) {
        return session.getAttribute(SKIPPED) instanceof Set<?> skipped ? (Set<String>) skipped : Set.of();
    }
}
