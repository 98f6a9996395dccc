package id.satupintu.complaint;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.DomainException;
import id.satupintu.shared.Forbidden;
import id.satupintu.shared.web.ProblemFactory;
import id.satupintu.workflow.ActionCode;
import id.satupintu.workflow.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Complaints for staff: the mall manager's list of the mall's complaints, an officer's list of those forwarded to
 * their agency (both the nearest deadline first, overdue and escalated ones flagged), and one complaint with its
 * record and the actions the workflow leaves to the viewer. The complainant's contact details are shown only on
 * request, and every showing is written to the processing log, as is every opening of an attachment.
 */
@Controller
class ComplaintHandlingController {

    private final Complaints complaints;
    private final ComplaintViews views;
    private final Malls malls;
    private final Catalogue catalogue;
    private final ProblemFactory problems;

    ComplaintHandlingController(Complaints complaints, ComplaintViews views, Malls malls, Catalogue catalogue,
            ProblemFactory problems) {
        this.complaints = complaints;
        this.views = views;
        this.malls = malls;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    @GetMapping("/manage/{mallCode}/complaints")
    String ofMall(@PathVariable String mallCode, @RequestParam(defaultValue = "open") String show, Model model) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        Mall mall = malls.getByCode(mallCode);
        boolean all = "all".equals(show);
        return list(mall, complaints.ofMall(mall.id(), staff, all), all, "/manage/" + mall.code() + "/complaints",
                model);
    }

    /** An officer's list; a manager's is the mall's. */
    @GetMapping("/staff/complaints")
    String ofAgency(@RequestParam(defaultValue = "open") String show, Model model) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        if (staff.role() != StaffRole.OFFICER) {
            return staff.mallId() == null ? "redirect:/manage"
                    : "redirect:/manage/" + malls.get(staff.mallId()).code() + "/complaints";
        }
        boolean all = "all".equals(show);
        return list(malls.get(staff.mallId()), complaints.ofAgency(staff, all), all, "/staff/complaints", model);
    }

    @GetMapping("/staff/complaints/{code}")
    String show(@PathVariable String code, @RequestParam(required = false) String contact, Model model) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        Complaint c = complaints.forStaff(ComplaintPagesController.codeOf(code), staff);
        Actor viewer = staff.role() == StaffRole.OFFICER ? Actor.OFFICER : Actor.MALL_MANAGER;
        ComplaintView view = views.of(c, viewer);
        model.addAttribute("view", view);
        model.addAttribute("staff", staff);
        model.addAttribute("mayAct", staff.role() != StaffRole.NATIONAL_ADMIN);
        model.addAttribute("agencies", catalogue.agencies(c.mallId()));
        model.addAttribute("contact", contact != null ? complaints.contactFor(c, staff) : null);
        model.addAttribute("back", staff.role() == StaffRole.OFFICER ? "/staff/complaints"
                : "/manage/" + view.mall().code() + "/complaints");
        return "complaint/handle";
    }

    @PostMapping("/staff/complaints/{code}/actions")
    String act(@PathVariable String code, @RequestParam String action, @RequestParam(required = false) String note,
            @RequestParam(required = false) String agency, RedirectAttributes redirect, Locale locale) {
        ComplaintCode complaint = ComplaintPagesController.codeOf(code);
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        // A complaint outside the caller's scope is unknown to them (404), not an error shown on its page.
        complaints.forStaff(complaint, staff);
        try {
            complaints.act(complaint, staff, actionOf(action), note, agency);
            redirect.addFlashAttribute("acted", action);
        } catch (Forbidden e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", problems.detail(e, locale));
        }
        return "redirect:/staff/complaints/" + complaint;
    }

    /**
     * An attachment, with the type judged from its content when it was accepted, never sniffed again by the
     * browser, and kept out of shared caches: it may hold personal data.
     */
    @GetMapping("/staff/complaints/{code}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable UUID attachmentId) {
        ComplaintStore.StoredFile file = complaints.attachment(ComplaintPagesController.codeOf(code), attachmentId,
                StaffPrincipal.requireCurrent());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.attachment().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.attachment().displayName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    static ActionCode actionOf(String text) {
        return new ActionCode(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
    }

    private String list(Mall mall, java.util.List<Complaint> found, boolean all, String path, Model model) {
        model.addAttribute("mall", mall);
        model.addAttribute("rows", views.rows(mall, found));
        model.addAttribute("show", all ? "all" : "open");
        model.addAttribute("path", path);
        return "complaint/list";
    }
}
