package id.satupintu.complaint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.web.LimitedPublicWrite;
import id.satupintu.workflow.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Complaints over the API. Filing one and everything its complainant does are public: the code is the key, and the
 * calls are limited per client address. Lists and workflow actions are for staff (bearer tokens).
 */
@RestController
@Tag(name = "Complaints")
class ComplaintApiController {

    private final Complaints complaints;
    private final Malls malls;
    private final Catalogue catalogue;

    ComplaintApiController(Complaints complaints, Malls malls, Catalogue catalogue) {
        this.complaints = complaints;
        this.malls = malls;
        this.catalogue = catalogue;
    }

    record CreateBody(@Size(max = 20) String mallCode, @Size(max = 40) String agencyCode,
            @Size(max = 40) String serviceCode, @Size(max = 40) String category,
            @Size(max = Complaint.MAX_DESCRIPTION_LENGTH) String description, @Size(max = 254) String email,
            @Size(max = 40) String phone) {
    }

    record TextBody(@Size(max = Complaint.MAX_NOTE_LENGTH) String text) {
    }

    record RatingBody(int rating) {
    }

    record ActionBody(@Size(max = 60) String action, @Size(max = Complaint.MAX_NOTE_LENGTH) String note,
            @Size(max = 40) String agencyCode) {
    }

    record CategoryResponse(String code, String name) {
    }

    record AttachmentResponse(String id, String displayName, String mediaType, long size, String sha256,
            OffsetDateTime uploadedAt) {
    }

    /** A step: the public one has no names and only the notes meant for the complainant. */
    record StepResponse(OffsetDateTime at, String actor, String actorName, String action, String fromState,
            String toState, String note) {
    }

    /**
     * A complaint. {@code complainantActions} are what its code holder may do now: REPLY (also a comment while it
     * is open), CLOSE, REOPEN, RATE, ATTACH. The staff fields (due, escalated, forwarded, LAPOR!) are null for the
     * public.
     */
    record ComplaintResponse(String code, String mallCode, String agencyCode, String serviceCode, String category,
            String description, String status, boolean open, OffsetDateTime filedAt, OffsetDateTime dueAt,
            Integer rating, boolean reopened, List<String> complainantActions, List<AttachmentResponse> attachments,
            List<StepResponse> steps, Boolean escalated, String laporReportId, List<String> staffActions) {
    }

    @GetMapping("/api/v1/complaint-categories")
    @Operation(summary = "What a complaint can be about (public)")
    List<CategoryResponse> categories(Locale locale) {
        return complaints.categories().stream()
                .map(c -> new CategoryResponse(c.code(), c.name().in(locale))).toList();
    }

    @PostMapping("/api/v1/complaints")
    @LimitedPublicWrite
    @Operation(summary = "File a complaint (public, anonymous)",
            description = "About a mall (mallCode), optionally one of its agencies (agencyCode) or services "
                    + "(serviceCode, which implies its agency), with a category from /api/v1/complaint-categories "
                    + "and a description of 20 to 4000 characters, kept as plain text. email and phone are optional: "
                    + "where answers go. Returns 201 with the complaint and its code, the only key to it: keep it. "
                    + "422 INVALID_COMPLAINT names the field; 422 INVALID_CONTACT; 429 when the client files too "
                    + "often. Attach files with /api/v1/complaints/{code}/attachments.")
    ResponseEntity<ComplaintResponse> create(@Valid @RequestBody CreateBody body, Locale locale) {
        Complaint filed = complaints.file(new Complaints.NewComplaint(body.mallCode(), body.agencyCode(),
                body.serviceCode(), body.category(), body.description(), body.email(), body.phone()), List.of(),
                null, Complaints.API, locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(response(filed, null));
    }

    @PostMapping(path = "/api/v1/complaints/{code}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @LimitedPublicWrite
    @Operation(summary = "Attach a file to an open complaint (public)",
            description = "Multipart: file. PDF, JPEG or PNG judged by content, as for online applications: 422 "
                    + "FILE_EMPTY, FILE_TOO_LARGE, FILE_TYPE_NOT_ALLOWED; 409 TOO_MANY_ATTACHMENTS after 3; 409 "
                    + "COMPLAINT_NOT_OPEN once closed.")
    ResponseEntity<AttachmentResponse> attach(@PathVariable String code, @RequestPart MultipartFile file) {
        ComplaintCode complaint = ComplaintPagesController.codeOf(code);
        ComplaintAttachment attached = complaints.attach(complaint, ComplaintPagesController.upload(file));
        ZoneId zone = malls.get(complaints.byCode(complaint).mallId()).timeZone();
        return ResponseEntity.status(HttpStatus.CREATED).body(attachment(attached, zone));
    }

    @GetMapping("/api/v1/complaints/{code}")
    @Operation(summary = "A complaint by its code (public; more for staff in scope)",
            description = "The public sees the status, the description, the names of the attachments, the steps "
                    + "and the notes meant for the complainant. Staff with a token see every step and note, the "
                    + "deadline and the escalation. 404 COMPLAINT_NOT_FOUND for an unknown or malformed code.")
    ComplaintResponse get(@PathVariable String code) {
        ComplaintCode complaint = ComplaintPagesController.codeOf(code);
        return StaffPrincipal.current()
                .map(staff -> response(complaints.forStaff(complaint, staff), staff))
                .orElseGet(() -> response(complaints.byCode(complaint), null));
    }

    @PostMapping("/api/v1/complaints/{code}/replies")
    @LimitedPublicWrite
    @Operation(summary = "The complainant replies (public)",
            description = "Body {text}. To an answer, the reply sends the complaint back to the agency (REPLY); "
                    + "at other times it is added to the record. 409 COMPLAINT_NOT_OPEN once closed.")
    ComplaintResponse reply(@PathVariable String code, @Valid @RequestBody TextBody body) {
        return response(complaints.reply(ComplaintPagesController.codeOf(code), body.text()), null);
    }

    @PostMapping("/api/v1/complaints/{code}/close")
    @LimitedPublicWrite
    @Operation(summary = "The complainant is content with the answer and closes the complaint (public)",
            description = "409 ILLEGAL_ACTION unless the complaint was answered.")
    ComplaintResponse close(@PathVariable String code) {
        return response(complaints.close(ComplaintPagesController.codeOf(code)), null);
    }

    @PostMapping("/api/v1/complaints/{code}/reopen")
    @LimitedPublicWrite
    @Operation(summary = "The complainant reopens a closed complaint, once (public)",
            description = "Body {text}: why. 409 ILLEGAL_ACTION unless closed, 409 REOPEN_LIMIT_REACHED the second "
                    + "time, 422 NOTE_REQUIRED without a text.")
    ComplaintResponse reopen(@PathVariable String code, @Valid @RequestBody TextBody body) {
        return response(complaints.reopen(ComplaintPagesController.codeOf(code), body.text()), null);
    }

    @PostMapping("/api/v1/complaints/{code}/rating")
    @LimitedPublicWrite
    @Operation(summary = "The complainant rates how the complaint was handled, 1 to 5, once closed (public)",
            description = "422 INVALID_COMPLAINT outside 1 to 5; 409 RATING_NOT_OPEN before closing or a second "
                    + "time.")
    ComplaintResponse rate(@PathVariable String code, @RequestBody RatingBody body) {
        return response(complaints.rate(ComplaintPagesController.codeOf(code), body.rating()), null);
    }

    @GetMapping("/api/v1/complaints")
    @Operation(summary = "The caller's complaints (staff)",
            description = "An officer: those forwarded to their agency; a manager: their mall's; the national "
                    + "administrator: the mall given as mallCode. The nearest deadline first; all=true adds closed "
                    + "and ended ones.")
    List<ComplaintResponse> list(@RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) String mallCode) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        List<Complaint> found = switch (staff.role()) {
            case OFFICER -> complaints.ofAgency(staff, all);
            case MALL_MANAGER -> complaints.ofMall(staff.mallId(), staff, all);
            case NATIONAL_ADMIN -> complaints.ofMall(malls.getByCode(mallCode == null ? "" : mallCode).id(), staff,
                    all);
        };
        return found.stream().map(c -> response(c, staff)).toList();
    }

    @PostMapping("/api/v1/complaints/{code}/actions")
    @Operation(summary = "Take a step of the complaint workflow (staff)",
            description = "Body {action, note, agencyCode}. The manager: VERIFY, FORWARD (to agencyCode, or the "
                    + "agency the complaint names: 422 AGENCY_REQUIRED without either), FORWARD_TO_LAPOR, "
                    + "NOT_OUR_AUTHORITY and ARCHIVE (note required), ANSWER, CLOSE; an officer of the agency: "
                    + "ANSWER (note required). 409 ILLEGAL_ACTION, 403 ACTION_NOT_ALLOWED, 422 NOTE_REQUIRED.")
    ComplaintResponse act(@PathVariable String code, @Valid @RequestBody ActionBody body) {
        StaffPrincipal staff = StaffPrincipal.requireCurrent();
        return response(complaints.act(ComplaintPagesController.codeOf(code), staff,
                ComplaintHandlingController.actionOf(body.action()), body.note(), body.agencyCode()), staff);
    }

    private ComplaintResponse response(Complaint c, StaffPrincipal staff) {
        Mall mall = malls.get(c.mallId());
        ZoneId zone = mall.timeZone();
        boolean forStaff = staff != null;
        List<ComplaintStep> steps = complaints.timeline(c.id());
        return new ComplaintResponse(c.code().display(), mall.code(),
                c.agencyId() == null ? null : catalogue.agency(mall.id(), c.agencyId()).code(),
                c.serviceId() == null ? null : catalogue.service(mall.id(), c.serviceId()).code(), c.category(),
                c.description(), c.state().value(), c.open(), offset(c.createdAt(), zone),
                forStaff ? offset(c.dueAt(), zone) : null, c.rating(), c.reopenCount() > 0,
                complaints.complainantActions(c),
                complaints.attachments(c.id()).stream().map(a -> attachment(a, zone)).toList(),
                steps.stream().filter(s -> forStaff || s.shownPublicly())
                        .map(s -> new StepResponse(offset(s.at(), zone), s.actorKind().name(),
                                forStaff ? s.actorName() : null, s.action(), s.fromState(), s.toState(),
                                forStaff ? s.note() : s.publicNote()))
                        .toList(),
                forStaff ? c.escalatedAt() != null : null,
                forStaff && c.lapor() != null ? c.lapor().reportId() : null,
                forStaff ? complaints.actionsFor(c, staff.role() == StaffRole.OFFICER ? Actor.OFFICER
                        : Actor.MALL_MANAGER).stream().map(a -> a.code().value()).toList() : null);
    }

    private static AttachmentResponse attachment(ComplaintAttachment a, ZoneId zone) {
        return new AttachmentResponse(a.id().toString(), a.displayName(), a.mediaType(), a.size(), a.sha256(),
                offset(a.uploadedAt(), zone));
    }

    private static OffsetDateTime offset(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
