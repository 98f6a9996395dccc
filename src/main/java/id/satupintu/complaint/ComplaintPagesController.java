package id.satupintu.complaint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.CitizenPrincipal;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.CitizenId;
import id.satupintu.shared.DomainException;
import id.satupintu.shared.web.LimitedPublicWrite;
import id.satupintu.shared.web.ProblemFactory;
import id.satupintu.workflow.Actor;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public side of complaints: filing one (anonymously, or linked to the signed-in citizen's account), finding it
 * again by its code, and on its page following it, replying, closing, reopening once and rating the answer.
 */
@Controller
class ComplaintPagesController {

    private final Complaints complaints;
    private final ComplaintViews views;
    private final Malls malls;
    private final Catalogue catalogue;
    private final ProblemFactory problems;

    ComplaintPagesController(Complaints complaints, ComplaintViews views, Malls malls, Catalogue catalogue,
            ProblemFactory problems) {
        this.complaints = complaints;
        this.views = views;
        this.malls = malls;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    /** What the form holds, kept as typed so that a mistake can be shown and fixed. */
    record ComplaintForm(String mall, String agency, String service, String category, String description,
            String email, String phone) {

        static ComplaintForm empty(String mall) {
            return new ComplaintForm(mall, null, null, null, null, null, null);
        }
    }

    /** Finding a complaint by its code. */
    @GetMapping("/complaints")
    String lookup(@RequestParam(required = false) String code, Model model, Locale locale) {
        if (code == null || code.isBlank()) {
            return "complaint/lookup";
        }
        Optional<Complaint> found = ComplaintCode.parse(code).flatMap(complaints::findByCode);
        if (found.isPresent()) {
            return "redirect:/complaints/" + found.get().code();
        }
        model.addAttribute("code", code);
        model.addAttribute("error", problems.message("complaint.lookup.unknown", new Object[] {code.strip()},
                locale));
        return "complaint/lookup";
    }

    /** The form; without a mall, first the choice of mall. */
    @GetMapping("/complaints/new")
    String form(@RequestParam(required = false) String mall, Model model) {
        return formPage(ComplaintForm.empty(mall), null, model);
    }

    @PostMapping("/complaints")
    @LimitedPublicWrite
    String file(ComplaintForm form, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            CitizenId citizen = CitizenPrincipal.current().map(CitizenPrincipal::id).orElse(null);
            Complaint filed = complaints.file(new Complaints.NewComplaint(form.mall(), form.agency(), form.service(),
                    form.category(), form.description(), form.email(), form.phone()), uploads(files), citizen,
                    Complaints.WEB, locale);
            redirect.addFlashAttribute("filed", true);
            return "redirect:/complaints/" + filed.code();
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(form, problems.detail(e, locale), model);
        }
    }

    /** The signed-in citizen's own complaints, newest first. */
    @GetMapping("/citizen/complaints")
    String mine(Model model) {
        CitizenPrincipal citizen = CitizenPrincipal.requireCurrent();
        model.addAttribute("complaints", complaints.ofCitizen(citizen.id()).stream()
                .map(c -> views.of(c, Actor.APPLICANT)).toList());
        return "complaint/mine";
    }

    @GetMapping("/complaints/{code}")
    String show(@PathVariable String code, Model model) {
        Complaint c = complaints.byCode(codeOf(code));
        model.addAttribute("view", views.of(c, Actor.APPLICANT));
        model.addAttribute("contact", c.hasContact());
        return "complaint/complaint";
    }

    @PostMapping("/complaints/{code}/replies")
    @LimitedPublicWrite
    String reply(@PathVariable String code, @RequestParam(required = false) String text,
            RedirectAttributes redirect, Locale locale) {
        return attempt(code, "replied", redirect, locale, c -> complaints.reply(c, text));
    }

    @PostMapping("/complaints/{code}/close")
    @LimitedPublicWrite
    String close(@PathVariable String code, RedirectAttributes redirect, Locale locale) {
        return attempt(code, "closed", redirect, locale, complaints::close);
    }

    @PostMapping("/complaints/{code}/reopen")
    @LimitedPublicWrite
    String reopen(@PathVariable String code, @RequestParam(required = false) String text,
            RedirectAttributes redirect, Locale locale) {
        return attempt(code, "reopened", redirect, locale, c -> complaints.reopen(c, text));
    }

    @PostMapping("/complaints/{code}/rating")
    @LimitedPublicWrite
    String rate(@PathVariable String code, @RequestParam(defaultValue = "0") int rating,
            RedirectAttributes redirect, Locale locale) {
        return attempt(code, "rated", redirect, locale, c -> complaints.rate(c, rating));
    }

    @PostMapping("/complaints/{code}/attachments")
    @LimitedPublicWrite
    String attach(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect, Locale locale) {
        return attempt(code, "attached", redirect, locale, c -> complaints.attach(c, upload(file)));
    }

    static ComplaintCode codeOf(String code) {
        return ComplaintCode.parse(code).orElseThrow(ComplaintError::notFound);
    }

    /** The files of a form; a file field left empty sends a part without a name or bytes, which is no file. */
    static List<Complaints.Upload> uploads(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .map(ComplaintPagesController::upload).toList();
    }

    static Complaints.Upload upload(MultipartFile file) {
        try {
            return file == null ? new Complaints.Upload(null, new byte[0])
                    : new Complaints.Upload(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String attempt(String code, String done, RedirectAttributes redirect, Locale locale,
            Consumer<ComplaintCode> step) {
        ComplaintCode complaint = codeOf(code);
        try {
            step.accept(complaint);
            redirect.addFlashAttribute("done", done);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
        return "redirect:/complaints/" + complaint;
    }

    private String formPage(ComplaintForm form, String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("malls", malls.all());
        model.addAttribute("citizen", CitizenPrincipal.current().orElse(null));
        Mall mall = form.mall() == null ? null : malls.findByCode(form.mall().strip()).orElse(null);
        if (mall != null) {
            List<MallService> services = catalogue.activeServices(mall.id());
            model.addAttribute("mall", mall);
            model.addAttribute("groups", catalogue.agencies(mall.id()).stream()
                    .map(agency -> new AgencyServices(agency, services.stream()
                            .filter(s -> s.agencyId().equals(agency.id())).toList()))
                    .toList());
            model.addAttribute("categories", complaints.categories());
            model.addAttribute("maxAttachments", Complaint.MAX_ATTACHMENTS);
        }
        return "complaint/new";
    }

    /** An agency of the mall with its services, for the form's lists. */
    record AgencyServices(Agency agency, List<MallService> services) {
    }
}
