package id.satupintu.submission;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.CitizenPrincipal;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.DomainException;
import id.satupintu.shared.web.ProblemFactory;
import id.satupintu.workflow.ActionCode;
import id.satupintu.workflow.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in citizen's applications: starting one, its checklist of documents, sending it and following it. */
@Controller
class ApplicantPagesController {

    private final Submissions submissions;
    private final ApplicationViews views;
    private final Malls malls;
    private final Catalogue catalogue;
    private final ProblemFactory problems;

    ApplicantPagesController(Submissions submissions, ApplicationViews views, Malls malls, Catalogue catalogue,
            ProblemFactory problems) {
        this.submissions = submissions;
        this.views = views;
        this.malls = malls;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    @GetMapping("/citizen/applications")
    String list(Model model) {
        CitizenPrincipal citizen = CitizenPrincipal.requireCurrent();
        model.addAttribute("applications", submissions.mine(citizen.id()).stream()
                .map(s -> views.of(s, Actor.APPLICANT)).toList());
        return "submission/mine";
    }

    /** Choosing where and what to apply for: the malls, then the online services of the chosen one. */
    @GetMapping("/citizen/applications/new")
    String choose(@RequestParam(required = false) String mall, Model model) {
        CitizenPrincipal.requireCurrent();
        model.addAttribute("malls", malls.all());
        if (mall != null && !mall.isBlank()) {
            Mall chosen = malls.getByCode(mall);
            model.addAttribute("mall", chosen);
            List<MallService> online = catalogue.activeServices(chosen.id()).stream()
                    .filter(MallService::online).toList();
            model.addAttribute("groups", catalogue.agencies(chosen.id()).stream()
                    .map(agency -> new AgencyServices(agency, online.stream()
                            .filter(service -> service.agencyId().equals(agency.id())).toList()))
                    .filter(group -> !group.services().isEmpty())
                    .toList());
        }
        return "submission/choose";
    }

    /** An agency of the mall with its services offered online. */
    record AgencyServices(Agency agency, List<MallService> services) {
    }

    @PostMapping("/citizen/applications")
    String start(@RequestParam String mall, @RequestParam String service, Locale locale) {
        Submission draft = submissions.startDraft(applicant(), mall, service, locale);
        return "redirect:/citizen/applications/" + draft.id();
    }

    @GetMapping("/citizen/applications/{id}")
    String show(@PathVariable String id, Model model) {
        Submission s = submissions.get(idOf(id), applicant());
        model.addAttribute("view", views.of(s, Actor.APPLICANT));
        return "submission/application";
    }

    @PostMapping("/citizen/applications/{id}/documents")
    String upload(@PathVariable String id, @RequestParam(defaultValue = "-1") int requirement,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect, Locale locale)
            throws IOException {
        SubmissionId submission = own(id);
        try {
            byte[] content = file == null ? new byte[0] : file.getBytes();
            submissions.attach(submission, applicant(), requirement,
                    file == null ? null : file.getOriginalFilename(), content);
            redirect.addFlashAttribute("uploaded", requirement);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
            redirect.addFlashAttribute("errorRequirement", requirement);
        }
        return "redirect:/citizen/applications/" + submission + "#requirement-" + requirement;
    }

    @PostMapping("/citizen/applications/{id}/documents/{documentId}/remove")
    String remove(@PathVariable String id, @PathVariable UUID documentId, RedirectAttributes redirect,
            Locale locale) {
        SubmissionId submission = own(id);
        try {
            submissions.removeDocument(submission, applicant(), documentId);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
        return "redirect:/citizen/applications/" + submission;
    }

    @GetMapping("/citizen/applications/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable UUID documentId) {
        return DocumentResponses.inline(submissions.document(idOf(id), documentId, applicant()));
    }

    @PostMapping("/citizen/applications/{id}/purpose")
    String purpose(@PathVariable String id, @RequestParam(required = false) String purpose,
            RedirectAttributes redirect, Locale locale) {
        SubmissionId submission = own(id);
        try {
            submissions.savePurpose(submission, applicant(), purpose);
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
        return "redirect:/citizen/applications/" + submission;
    }

    /** Sends the draft, with the purpose as the form has it now (the applicant need not save it first). */
    @PostMapping("/citizen/applications/{id}/submit")
    String submit(@PathVariable String id, @RequestParam(required = false) String purpose,
            RedirectAttributes redirect, Locale locale) {
        SubmissionId submission = own(id);
        try {
            if (purpose != null) {
                submissions.savePurpose(submission, applicant(), purpose);
            }
            submissions.submit(submission, applicant());
            redirect.addFlashAttribute("submitted", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
        return "redirect:/citizen/applications/" + submission;
    }

    /** An action the workflow leaves to the applicant, such as sending a revised application back. */
    @PostMapping("/citizen/applications/{id}/actions")
    String act(@PathVariable String id, @RequestParam String action, @RequestParam(required = false) String note,
            RedirectAttributes redirect, Locale locale) {
        SubmissionId submission = own(id);
        try {
            ActionCode code = Actions.parse(action);
            submissions.act(submission, applicant(), code, note);
            redirect.addFlashAttribute("acted", code.value());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
        return "redirect:/citizen/applications/" + submission;
    }

    @GetMapping("/citizen/applications/{id}/output.pdf")
    ResponseEntity<byte[]> output(@PathVariable String id) {
        Submission s = submissions.get(idOf(id), applicant());
        byte[] pdf = submissions.output(s, applicant()).orElseThrow(SubmissionError::notFound);
        return DocumentResponses.pdfDownload(pdf, s.trackingNumber() + ".pdf");
    }

    /**
     * The id of the signed-in citizen's own application; another's is unknown to them (404) before anything is
     * tried, rather than an error shown on its page.
     */
    private SubmissionId own(String id) {
        return submissions.get(idOf(id), applicant()).id();
    }

    static SubmissionId idOf(String id) {
        return SubmissionId.parse(id).orElseThrow(SubmissionError::notFound);
    }

    private static Party.Applicant applicant() {
        CitizenPrincipal citizen = CitizenPrincipal.requireCurrent();
        return new Party.Applicant(citizen.id(), citizen.fullName(), Party.Applicant.WEB);
    }
}
