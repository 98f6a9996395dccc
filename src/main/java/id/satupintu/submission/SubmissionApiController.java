package id.satupintu.submission;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.Citizen;
import id.satupintu.identity.Citizens;
import id.satupintu.identity.IntegratorPrincipal;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.Forbidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Online applications for integrators (the national MPP Digital portal, city super-apps; OAuth2 client credentials)
 * and for staff (bearer tokens): an integrator applies for the citizen it serves and follows what it created; staff
 * process applications in their scope.
 */
@RestController
@Tag(name = "Online applications")
class SubmissionApiController {

    private final Submissions submissions;
    private final Citizens citizens;
    private final Malls malls;
    private final Catalogue catalogue;

    SubmissionApiController(Submissions submissions, Citizens citizens, Malls malls, Catalogue catalogue) {
        this.submissions = submissions;
        this.citizens = citizens;
        this.malls = malls;
        this.catalogue = catalogue;
    }

    record ApplicantBody(@Size(max = 40) String nik, @Size(max = 200) String fullName, LocalDate birthDate,
            @Size(max = 300) String email, @Size(max = 40) String phone) {
    }

    record CreateBody(@Size(max = 20) String mallCode, @Size(max = 40) String serviceCode, @Valid ApplicantBody applicant,
            @Size(max = Submission.MAX_PURPOSE_LENGTH) String purpose) {
    }

    record DocumentResponse(String id, int requirementIndex, String displayName, String mediaType, long size,
            String sha256, Instant uploadedAt, boolean sent) {

        static DocumentResponse of(SubmissionDocument d) {
            return new DocumentResponse(d.id().toString(), d.requirementNo(), d.displayName(), d.mediaType(),
                    d.size(), d.sha256(), d.uploadedAt(), d.sealed());
        }
    }

    record OutputResponse(String id, String verificationUrl) {
    }

    /** An application as the API shows it: status is DRAFT or the workflow state. */
    record SubmissionResponse(String id, String trackingNumber, String mallCode, String serviceCode, String status,
            boolean closed, OffsetDateTime createdAt, OffsetDateTime submittedAt, OffsetDateTime dueAt,
            boolean escalated, List<String> requirements, List<ChecklistItem> checklist,
            List<Integer> missingRequirements,
            List<DocumentResponse> documents, List<String> applicantActions, OutputResponse outputDocument) {
    }

    record StepResponse(OffsetDateTime at, String actor, String action, String fromState, String toState,
            String note) {
    }

    record ActionBody(@Size(max = 40) String action, @Size(max = 2000) String note) {
    }

    @PostMapping("/api/v1/submissions")
    @Operation(summary = "Start a draft application for a citizen",
            description = "For integrators (client credentials, scope submissions) and mall staff. The applicant is "
                    + "checked against the population registry first: 422 INVALID_NIK, 422 CITIZEN_NOT_VERIFIED, 503 "
                    + "REGISTRY_UNAVAILABLE (nothing is created; try again). 409 SERVICE_NOT_ONLINE for a service "
                    + "not offered online. Returns 201 with the draft and its checklist: each requirement with its "
                    + "kind, REQUIRED (a file is needed to submit), CONDITIONAL (only where it applies) or NOTE "
                    + "(nothing to upload).")
    ResponseEntity<SubmissionResponse> create(@Valid @RequestBody CreateBody body, Locale locale) {
        String channel = channel();
        ApplicantBody a = body.applicant() == null ? new ApplicantBody(null, null, null, null, null) : body.applicant();
        if (a.fullName() == null || a.fullName().isBlank()) {
            throw SubmissionError.invalid("applicant.fullName");
        }
        if (a.birthDate() == null) {
            throw SubmissionError.invalid("applicant.birthDate");
        }
        Citizen citizen = citizens.registerVerified(a.nik(), a.fullName(), a.birthDate(), a.email(), a.phone());
        Party.Applicant applicant = new Party.Applicant(citizen.id(), citizen.fullName(), channel);
        Submission draft = submissions.startDraft(applicant, body.mallCode(), body.serviceCode(), locale);
        if (body.purpose() != null && !body.purpose().isBlank()) {
            draft = submissions.savePurpose(draft.id(), applicant, body.purpose());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(response(draft));
    }

    @PostMapping(path = "/api/v1/submissions/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a file for one requirement of the checklist",
            description = "Multipart: file, and requirementIndex (from 0, the place in the requirements list). PDF, "
                    + "JPEG or PNG judged by content; 422 FILE_EMPTY, 413 FILE_TOO_LARGE, 415 FILE_TYPE_NOT_ALLOWED, "
                    + "422 NO_SUCH_REQUIREMENT (also for a checklist line of kind NOTE), 409 NOT_EDITABLE once sent (until the application is returned for "
                    + "revision).")
    ResponseEntity<DocumentResponse> upload(@PathVariable String id, @RequestParam int requirementIndex,
            @RequestPart MultipartFile file) throws IOException {
        ApplicantHandle applicant = applicant(id);
        SubmissionDocument document = submissions.attach(applicant.submission(), applicant.party(), requirementIndex,
                file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(DocumentResponse.of(document));
    }

    @GetMapping("/api/v1/submissions/{id}/documents/{documentId}")
    @Operation(summary = "A document's file",
            description = "Served with the type judged from its content when it was accepted. A member of staff "
                    + "reading it is recorded in the processing log of personal data.")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable UUID documentId) {
        return DocumentResponses.inline(submissions.document(ApplicantPagesController.idOf(id), documentId,
                party(id)));
    }

    @GetMapping("/api/v1/submissions/{id}/output.pdf")
    @Operation(summary = "The signed output document (PDF) of an issued application",
            description = "404 SUBMISSION_NOT_FOUND until the document is issued.")
    ResponseEntity<byte[]> output(@PathVariable String id) {
        Submission s = submissions.get(ApplicantPagesController.idOf(id), party(id));
        byte[] pdf = submissions.output(s, party(id)).orElseThrow(SubmissionError::notFound);
        return DocumentResponses.pdfDownload(pdf, s.trackingNumber() + ".pdf");
    }

    @DeleteMapping("/api/v1/submissions/{id}/documents/{documentId}")
    @Operation(summary = "Remove a file not sent yet")
    ResponseEntity<Void> removeDocument(@PathVariable String id, @PathVariable UUID documentId) {
        ApplicantHandle applicant = applicant(id);
        submissions.removeDocument(applicant.submission(), applicant.party(), documentId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/submissions/{id}/submit")
    @Operation(summary = "Send the draft",
            description = "Every requirement needs a file: 422 DOCUMENTS_MISSING with missingRequirements. The "
                    + "application gets its trackingNumber and enters the workflow; 409 ALREADY_SUBMITTED.")
    SubmissionResponse submit(@PathVariable String id) {
        ApplicantHandle applicant = applicant(id);
        return response(submissions.submit(applicant.submission(), applicant.party()));
    }

    @GetMapping("/api/v1/submissions/{id}")
    @Operation(summary = "An application with its status, deadline, documents and output document")
    SubmissionResponse get(@PathVariable String id) {
        return response(submissions.get(ApplicantPagesController.idOf(id), party(id)));
    }

    @GetMapping("/api/v1/submissions/{id}/timeline")
    @Operation(summary = "Every step of an application: who (kind and name), when, the action, the states, the note")
    List<StepResponse> timeline(@PathVariable String id) {
        Submission s = submissions.get(ApplicantPagesController.idOf(id), party(id));
        ZoneId zone = malls.get(s.mallId()).timeZone();
        return submissions.timeline(s.id()).stream()
                .map(step -> new StepResponse(step.at().atZone(zone).toOffsetDateTime(), step.actorKind().name(),
                        step.action(), step.fromState(), step.toState(), step.note()))
                .toList();
    }

    @PostMapping("/api/v1/submissions/{id}/actions")
    @Operation(summary = "Take a workflow action",
            description = "Body {action, note}. Staff: START_VERIFICATION, RETURN_FOR_REVISION (note required), "
                    + "ACCEPT, APPROVE, ISSUE, REJECT (note required), as the service's workflow allows; the "
                    + "applicant's integrator: RESUBMIT after adding documents. 409 ILLEGAL_ACTION, 403 "
                    + "ACTION_NOT_ALLOWED, 422 NOTE_REQUIRED, 422 DOCUMENTS_REQUIRED, 409 CLAIMED_BY_OTHER.")
    SubmissionResponse act(@PathVariable String id, @Valid @RequestBody ActionBody body) {
        Party party = party(id);
        return response(submissions.act(ApplicantPagesController.idOf(id), party, Actions.parse(body.action()),
                body.note()));
    }

    @PostMapping("/api/v1/submissions/{id}/claim")
    @Operation(summary = "Claim an application (officer)")
    SubmissionResponse claim(@PathVariable String id) {
        return response(submissions.claim(ApplicantPagesController.idOf(id), StaffPrincipal.requireCurrent()));
    }

    @GetMapping("/api/v1/submissions")
    @Operation(summary = "The caller's inbox (staff)",
            description = "Open applications in the caller's scope, the nearest deadline first; all=true adds "
                    + "closed ones.")
    List<SubmissionResponse> inbox(@RequestParam(defaultValue = "false") boolean all) {
        return submissions.inbox(StaffPrincipal.requireCurrent(), all).stream().map(this::response).toList();
    }

    /** What anyone with the tracking number may know: no personal data, no notes. */
    record TrackingResponse(String trackingNumber, String mallCode, String serviceCode, String status, boolean closed,
            OffsetDateTime submittedAt, OffsetDateTime dueAt, List<TrackingStep> steps) {
    }

    record TrackingStep(OffsetDateTime at, String action, String toState) {
    }

    @GetMapping("/api/v1/tracking/{trackingNumber}")
    @Operation(summary = "Where an application stands, by its tracking number (public)",
            description = "404 SUBMISSION_NOT_FOUND for an unknown or malformed number.")
    TrackingResponse track(@PathVariable String trackingNumber) {
        Submission s = TrackingNumber.parse(trackingNumber).flatMap(submissions::byTracking)
                .orElseThrow(SubmissionError::notFound);
        ZoneId zone = malls.get(s.mallId()).timeZone();
        return new TrackingResponse(s.trackingNumber().value(), malls.get(s.mallId()).code(),
                catalogue.service(s.mallId(), s.serviceId()).code(), s.state().value(),
                s.isClosed(submissions.workflowOf(s)), offset(s.submittedAt(), zone), offset(s.dueAt(), zone),
                submissions.timeline(s.id()).stream().filter(Step::changedState)
                        .map(step -> new TrackingStep(offset(step.at(), zone), step.action(), step.toState()))
                        .toList());
    }

    /** The integrator's or staff member's handle on an application they created, acting for its applicant. */
    private record ApplicantHandle(SubmissionId submission, Party.Applicant party) {
    }

    private ApplicantHandle applicant(String id) {
        SubmissionId submission = ApplicantPagesController.idOf(id);
        return new ApplicantHandle(submission, submissions.applicantVia(submission, channel()));
    }

    /**
     * Staff act as staff once an application is submitted; before that, only its creator sees it, for the applicant.
     * An integrator always acts for the applicant.
     */
    private Party party(String id) {
        SubmissionId submission = ApplicantPagesController.idOf(id);
        if (StaffPrincipal.current().isPresent()
                && !submissions.find(submission).map(Submission::isDraft).orElse(false)) {
            return new Party.Staff(StaffPrincipal.requireCurrent());
        }
        return submissions.applicantVia(submission, channel());
    }

    /** Who creates applications through the API: an integrator by its client id, staff by their account. */
    private static String channel() {
        return IntegratorPrincipal.current().map(client -> "client:" + client.clientId())
                .or(() -> StaffPrincipal.current()
                        .filter(staff -> staff.role() != StaffRole.NATIONAL_ADMIN)
                        .map(staff -> "staff:" + staff.username()))
                .orElseThrow(Forbidden::new);
    }

    private SubmissionResponse response(Submission s) {
        Mall mall = malls.get(s.mallId());
        MallService service = catalogue.service(s.mallId(), s.serviceId());
        List<SubmissionDocument> documents = submissions.documents(s.id());
        ZoneId zone = mall.timeZone();
        var workflow = submissions.workflowOf(s);
        return new SubmissionResponse(s.id().toString(),
                s.trackingNumber() == null ? null : s.trackingNumber().value(), mall.code(), service.code(),
                s.isDraft() ? "DRAFT" : s.state().value(), s.isClosed(workflow), offset(s.createdAt(), zone),
                offset(s.submittedAt(), zone), offset(s.dueAt(), zone), s.escalatedAt() != null,
                service.requirements(), ChecklistItem.of(service.requirements()),
                Submissions.missingRequirements(service, documents),
                documents.stream().map(DocumentResponse::of).toList(),
                s.isDraft() ? List.of() : workflow.available(s.state(), id.satupintu.workflow.Actor.APPLICANT).stream()
                        .map(action -> action.code().value()).toList(),
                s.outputDocumentId() == null ? null
                        : new OutputResponse(s.outputDocumentId().toString(), submissions.verificationUrl(s)));
    }

    private static OffsetDateTime offset(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
