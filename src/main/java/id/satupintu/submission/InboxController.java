package id.satupintu.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.region.Malls;
import id.satupintu.shared.DomainException;
import id.satupintu.shared.Forbidden;
import id.satupintu.shared.ServiceId;
import id.satupintu.shared.web.ProblemFactory;
import id.satupintu.workflow.ActionCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's inbox of online applications: the nearest deadline first, claiming and assigning, the documents
 * (each view logged) and the workflow's actions with a note. The mall manager sees every agency's, escalations first.
 */
@Controller
class InboxController {

    private final Submissions submissions;
    private final ApplicationViews views;
    private final Catalogue catalogue;
    private final ProblemFactory problems;
    private final Clock clock;
    private final Malls malls;

    InboxController(Submissions submissions, ApplicationViews views, Catalogue catalogue, ProblemFactory problems,
            Clock clock, Malls malls) {
        this.clock = clock;
        this.malls = malls;
        this.submissions = submissions;
        this.views = views;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    /** A row of the inbox. */
    record InboxRow(Submission submission, MallService service, ZonedDateTime due, boolean overdue,
            boolean mine) {
    }

    @GetMapping("/staff/inbox")
    String inbox(@RequestParam(defaultValue = "open") String show, Model model) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        boolean all = "all".equals(show);
        List<Submission> found = submissions.inbox(staff, all);
        Map<ServiceId, MallService> services = staff.mallId() == null ? Map.of()
                : catalogue.services(staff.mallId()).stream()
                        .collect(Collectors.toMap(MallService::id, Function.identity()));
        Instant now = clock.instant();
        model.addAttribute("rows", found.stream()
                .map(s -> new InboxRow(s, services.get(s.serviceId()),
                        s.dueAt() == null ? null : s.dueAt().atZone(malls.get(s.mallId()).timeZone()),
                        s.dueAt() != null && s.dueAt().isBefore(now),
                        s.assignee() != null && s.assignee().accountId() == staff.accountId()))
                .toList());
        model.addAttribute("show", all ? "all" : "open");
        model.addAttribute("staff", staff);
        return "submission/inbox";
    }

    @GetMapping("/staff/inbox/{id}")
    String show(@PathVariable String id, Model model) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        Party.Staff party = new Party.Staff(staff);
        Submission s = submissions.get(ApplicantPagesController.idOf(id), party);
        ApplicationView view = views.of(s, party.actor());
        model.addAttribute("view", view);
        model.addAttribute("applicant", submissions.applicantFor(s, party));
        model.addAttribute("officers", submissions.officersFor(s).stream()
                .filter(officer -> s.assignee() == null || officer.accountId() != s.assignee().accountId())
                .toList());
        model.addAttribute("staff", staff);
        return "submission/review";
    }

    @GetMapping("/staff/inbox/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable UUID documentId) {
        return DocumentResponses.inline(submissions.document(ApplicantPagesController.idOf(id), documentId,
                new Party.Staff(StaffPrincipal.requireCurrent())));
    }

    @PostMapping("/staff/inbox/{id}/claim")
    String claim(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
        return attempt(id, redirect, locale,
                submission -> submissions.claim(submission, StaffPrincipal.requireCurrent()));
    }

    @PostMapping("/staff/inbox/{id}/assign")
    String assign(@PathVariable String id, @RequestParam long officer, RedirectAttributes redirect, Locale locale) {
        return attempt(id, redirect, locale,
                submission -> submissions.assign(submission, StaffPrincipal.requireCurrent(), officer));
    }

    @PostMapping("/staff/inbox/{id}/actions")
    String act(@PathVariable String id, @RequestParam String action, @RequestParam(required = false) String note,
            RedirectAttributes redirect, Locale locale) {
        return attempt(id, redirect, locale, submission -> {
            ActionCode code = Actions.parse(action);
            Submission moved = submissions.act(submission, new Party.Staff(StaffPrincipal.requireCurrent()), code,
                    note);
            redirect.addFlashAttribute("acted", code.value());
            return moved;
        });
    }

    @GetMapping("/staff/inbox/{id}/output.pdf")
    ResponseEntity<byte[]> output(@PathVariable String id) {
        Party.Staff staff = new Party.Staff(StaffPrincipal.requireCurrent());
        Submission s = submissions.get(ApplicantPagesController.idOf(id), staff);
        byte[] pdf = submissions.output(s, staff).orElseThrow(SubmissionError::notFound);
        return DocumentResponses.pdfDownload(pdf, s.trackingNumber() + ".pdf");
    }

    private String attempt(String id, RedirectAttributes redirect, Locale locale, Function<SubmissionId, ?> step) {
        SubmissionId submission = ApplicantPagesController.idOf(id);
        // An application outside the caller's scope is unknown to them (404), not an error shown on its page.
        submissions.get(submission, new Party.Staff(StaffPrincipal.requireCurrent()));
        try {
            step.apply(submission);
        } catch (Forbidden e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
        return "redirect:/staff/inbox/" + submission;
    }
}
