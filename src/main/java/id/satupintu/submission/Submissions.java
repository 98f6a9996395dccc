package id.satupintu.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import id.satupintu.audit.ProcessingLog;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.document.DocumentId;
import id.satupintu.document.InspectedFile;
import id.satupintu.document.IssuedDocument;
import id.satupintu.document.OutputDocuments;
import id.satupintu.document.UploadInspector;
import id.satupintu.identity.Citizen;
import id.satupintu.identity.Citizens;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.CitizenId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import id.satupintu.shared.Forbidden;
import id.satupintu.workflow.ActionCode;
import id.satupintu.workflow.Actor;
import id.satupintu.workflow.StateCode;
import id.satupintu.workflow.Transition;
import id.satupintu.workflow.TransitionFacts;
import id.satupintu.workflow.WorkflowDefinition;
import id.satupintu.workflow.Workflows;
import id.satupintu.workflow.WorkingDays;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online applications: the applicant's draft and its documents, submitting it, and every later step through the
 * service's workflow. Each change locks the application's row, so steps on one application take turns; a step, its
 * timeline line and the event that tells the applicant are written in one transaction.
 */
@Service
public class Submissions {

    public static final String SUBMIT = "SUBMIT";
    public static final String CLAIM = "CLAIM";
    public static final String ASSIGN = "ASSIGN";
    public static final String ESCALATE = "ESCALATE";
    static final int MAX_DOCUMENTS_PER_REQUIREMENT = 5;
    static final int MAX_DOCUMENTS = 40;

    private final SubmissionStore store;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;
    private final Citizens citizens;
    private final Workflows workflows;
    private final WorkingDays workingDays;
    private final UploadInspector inspector;
    private final OutputDocuments outputs;
    private final OutputText outputText;
    private final ProcessingLog processingLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Submissions(SubmissionStore store, Malls malls, MallCalendar calendar, Catalogue catalogue, Citizens citizens,
            Workflows workflows, WorkingDays workingDays, UploadInspector inspector, OutputDocuments outputs,
            OutputText outputText, ProcessingLog processingLog, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.citizens = citizens;
        this.workflows = workflows;
        this.workingDays = workingDays;
        this.inspector = inspector;
        this.outputs = outputs;
        this.outputText = outputText;
        this.processingLog = processingLog;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    // ---- the applicant

    /** Starts a draft application for an online service of a mall. */
    public Submission startDraft(Party.Applicant applicant, String mallCode, String serviceCode, Locale locale) {
        Mall mall = malls.getByCode(mallCode == null ? "" : mallCode);
        MallService service = catalogue.service(mall.id(), serviceCode == null ? "" : serviceCode);
        requireOnline(service);
        Submission draft = Submission.draft(SubmissionId.random(), mall.id(), mall.regionCode(), service.id(),
                service.agencyId(), applicant.citizen(), applicant.channel(),
                "en".equals(locale.getLanguage()) ? "en" : "id", clock.instant());
        store.insert(draft);
        return draft;
    }

    /** The applicant's own applications, newest first. */
    public List<Submission> mine(CitizenId citizen) {
        return store.ofCitizen(citizen);
    }

    public Submission savePurpose(SubmissionId id, Party.Applicant applicant, String purpose) {
        String text = purpose == null ? "" : purpose.strip();
        if (text.length() > Submission.MAX_PURPOSE_LENGTH) {
            throw SubmissionError.invalid("purpose");
        }
        return inTransaction(() -> {
            Submission s = lockVisible(id, applicant);
            Submission changed = s.withPurpose(text, clock.instant());
            store.update(changed, false);
            return changed;
        });
    }

    /**
     * Adds a file for one requirement of the checklist, in the draft or while the workflow waits for the applicant.
     * The file is judged by its content; its name is only shown.
     */
    public SubmissionDocument attach(SubmissionId id, Party.Applicant applicant, int requirementNo, String fileName,
            byte[] content) {
        InspectedFile file = inspector.inspect(fileName, content);
        return inTransaction(() -> {
            Submission s = lockVisible(id, applicant);
            requireApplicantTurn(s);
            MallService service = catalogue.service(s.mallId(), s.serviceId());
            List<ChecklistItem> checklist = ChecklistItem.of(service.requirements());
            if (requirementNo < 0 || requirementNo >= checklist.size()) {
                throw new SubmissionError(SubmissionError.Code.NO_SUCH_REQUIREMENT, requirementNo + 1);
            }
            if (!checklist.get(requirementNo).takesFiles()) {
                throw SubmissionError.noFileNeeded(requirementNo + 1);
            }
            List<SubmissionDocument> existing = store.documents(id);
            long forRequirement = existing.stream().filter(d -> d.requirementNo() == requirementNo).count();
            if (forRequirement >= MAX_DOCUMENTS_PER_REQUIREMENT || existing.size() >= MAX_DOCUMENTS) {
                throw new SubmissionError(SubmissionError.Code.TOO_MANY_DOCUMENTS, MAX_DOCUMENTS_PER_REQUIREMENT);
            }
            SubmissionDocument document = new SubmissionDocument(UUID.randomUUID(), id, requirementNo,
                    file.displayName(), file.mediaType(), file.size(), file.sha256Hex(), clock.instant(), false);
            store.insertDocument(document, file.content());
            return document;
        });
    }

    /** Removes a file the applicant added and has not sent yet. */
    public void removeDocument(SubmissionId id, Party.Applicant applicant, UUID documentId) {
        inTransaction(() -> {
            Submission s = lockVisible(id, applicant);
            requireApplicantTurn(s);
            if (!store.removeUnsealedDocument(id, documentId)) {
                throw new SubmissionError(SubmissionError.Code.DOCUMENT_NOT_FOUND);
            }
            return s;
        });
    }

    /**
     * Sends the draft: every requirement of the checklist needs a file. It gets its tracking number and enters the
     * first state of the service's workflow, whose deadline starts now.
     */
    public Submission submit(SubmissionId id, Party.Applicant applicant) {
        return inTransaction(() -> {
            Submission s = lockVisible(id, applicant);
            if (!s.isDraft()) {
                throw new SubmissionError(SubmissionError.Code.ALREADY_SUBMITTED, s.trackingNumber());
            }
            MallService service = catalogue.service(s.mallId(), s.serviceId());
            requireOnline(service);
            List<Integer> missing = missingRequirements(service, store.documents(id));
            if (!missing.isEmpty()) {
                throw (SubmissionError) new SubmissionError(SubmissionError.Code.DOCUMENTS_MISSING,
                        missing.stream().map(n -> String.valueOf(n + 1)).toList().toString())
                        .with("missingRequirements", missing.stream()
                                .map(n -> service.requirements().get(n)).toList());
            }
            Mall mall = malls.get(s.mallId());
            Instant now = clock.instant();
            LocalDate day = calendar.now(mall).toLocalDate();
            TrackingNumber number = TrackingNumber.of(mall.compactCode(), day, store.nextSerial(mall.id(), day));
            WorkflowDefinition workflow = workflows.definitionFor(s.serviceId());
            Submission submitted = s.submitted(workflow, number, dueAt(mall, workflow, workflow.initialState(), now),
                    now);
            store.update(submitted, true);
            store.sealDocuments(id);
            record(submitted, applicant, SUBMIT, null, submitted.state(), "", now);
            return submitted;
        });
    }

    /** The required lines of the checklist that have no file yet, by their place in the list. */
    public static List<Integer> missingRequirements(MallService service, List<SubmissionDocument> documents) {
        return ChecklistItem.of(service.requirements()).stream()
                .filter(item -> item.kind() == ChecklistItem.Kind.REQUIRED)
                .map(ChecklistItem::index)
                .filter(n -> documents.stream().noneMatch(d -> d.requirementNo() == n))
                .toList();
    }

    // ---- the workflow

    /**
     * Takes a step of the workflow: the applicant's resubmission or an officer's or manager's decision. The workflow
     * decides whether the step is possible, allowed for the party and complete (a note, new documents). An officer
     * acting on an application nobody has claimed claims it; one claimed by a colleague is theirs to act on. Issuing
     * signs the output document.
     */
    public Submission act(SubmissionId id, Party party, ActionCode action, String note) {
        String text = note == null ? "" : note.strip();
        if (text.length() > 2000) {
            throw SubmissionError.invalid("note");
        }
        return inTransaction(() -> {
            Submission s = lockVisible(id, party);
            if (s.isDraft()) {
                throw new SubmissionError(SubmissionError.Code.NOT_EDITABLE);
            }
            if (party instanceof Party.Staff staff) {
                requireMayAct(staff.principal(), s);
            }
            WorkflowDefinition workflow = workflows.byCode(s.workflowCode());
            boolean newDocuments = store.documents(id).stream().anyMatch(d -> !d.sealed());
            Transition transition = workflow.transition(s.state(), action, party.actor(),
                    new TransitionFacts(newDocuments, text));
            return move(s, workflow, transition, party, text);
        });
    }

    private Submission move(Submission s, WorkflowDefinition workflow, Transition transition, Party party,
            String note) {
        Instant now = clock.instant();
        Mall mall = malls.get(s.mallId());
        Submission moved = s.moved(transition, dueAt(mall, workflow, transition.to(), now), now);
        if (party instanceof Party.Staff staff && staff.principal().role() == StaffRole.OFFICER
                && moved.assignee() == null) {
            moved = moved.assignedTo(new Submission.Assignee(staff.principal().accountId(),
                    staff.principal().displayName()), now);
        }
        WorkflowDefinition.State entered = workflow.state(transition.to());
        if (entered.outcome() == WorkflowDefinition.Outcome.ISSUED) {
            moved = moved.withOutput(issue(moved, party, note, now), now);
        }
        if (party instanceof Party.Applicant) {
            store.sealDocuments(s.id());
        }
        store.update(moved, !entered.terminal());
        record(moved, party, transition.action().value(), transition.from(), transition.to(), note, now);
        return moved;
    }

    /** Claims an application for the officer, unless a colleague has it. */
    public Submission claim(SubmissionId id, StaffPrincipal officer) {
        return inTransaction(() -> {
            Submission s = lockVisible(id, new Party.Staff(officer));
            requireMayAct(officer, s);
            if (s.assignee() != null && s.assignee().accountId() == officer.accountId()) {
                return s;
            }
            Submission claimed = s.assignedTo(new Submission.Assignee(officer.accountId(), officer.displayName()),
                    clock.instant());
            store.update(claimed, isOpen(claimed));
            store.insertStep(id, new Step(clock.instant(), Actor.OFFICER, officer.displayName(), CLAIM,
                    stateOf(s), stateOf(s), ""));
            return claimed;
        });
    }

    /** Gives an application to an officer of its agency; the mall manager may reassign any, an officer their own. */
    public Submission assign(SubmissionId id, StaffPrincipal by, long officerAccountId) {
        return inTransaction(() -> {
            Submission s = lockVisible(id, new Party.Staff(by));
            requireMayAct(by, s);
            Submission.Assignee officer = store.officer(s.mallId(), s.agencyId(), officerAccountId)
                    .orElseThrow(() -> new SubmissionError(SubmissionError.Code.NO_SUCH_OFFICER));
            Submission assigned = s.assignedTo(officer, clock.instant());
            store.update(assigned, isOpen(assigned));
            store.insertStep(id, new Step(clock.instant(), new Party.Staff(by).actor(), by.displayName(), ASSIGN,
                    stateOf(s), stateOf(s), officer.name()));
            return assigned;
        });
    }

    public List<Submission.Assignee> officersFor(Submission s) {
        return store.officers(s.mallId(), s.agencyId());
    }

    /**
     * Handles applications whose deadline passed: the state's breach action when the workflow names one (such as
     * deemed approval), otherwise an escalation to the mall manager. Several instances may run this at once: each
     * application is locked and skipped by the others while one handles it.
     *
     * @return how many were handled
     */
    public int handleOverdue(int limit) {
        int handled = 0;
        for (SubmissionId id : store.overdue(clock.instant(), limit)) {
            Boolean done = transaction.execute(status -> store.lockIfFree(id)
                    .filter(s -> s.dueAt() != null && s.escalatedAt() == null && s.dueAt().isBefore(clock.instant()))
                    .map(this::handleBreach).orElse(false));
            if (Boolean.TRUE.equals(done)) {
                handled++;
            }
        }
        return handled;
    }

    private boolean handleBreach(Submission s) {
        WorkflowDefinition workflow = workflows.byCode(s.workflowCode());
        Optional<WorkflowDefinition.Action> breach = workflow.breachAction(s.state());
        Party system = new Party.System();
        if (breach.isPresent()) {
            Transition transition = workflow.transition(s.state(), breach.get().code(), Actor.SYSTEM,
                    new TransitionFacts(false, ""));
            move(s, workflow, transition, system, "");
        } else {
            Instant now = clock.instant();
            Submission escalated = s.escalated(now);
            store.update(escalated, true);
            store.insertStep(s.id(), new Step(now, Actor.SYSTEM, system.name(), ESCALATE, stateOf(s), stateOf(s),
                    ""));
            events.publishEvent(new SubmissionEscalated(s.id(), s.trackingNumber(), s.mallId(), s.agencyId(),
                    stateOf(s), s.dueAt(), now));
        }
        return true;
    }

    // ---- reading

    /** The application as the party may see it; one they may not see is unknown to them. */
    public Submission get(SubmissionId id, Party party) {
        Submission s = store.find(id).orElseThrow(SubmissionError::notFound);
        requireVisible(s, party);
        return s;
    }

    public Optional<Submission> find(SubmissionId id) {
        return store.find(id);
    }

    /**
     * The applicant as an integrator or a member of staff acts for them on an application that channel created;
     * an application created elsewhere is unknown to it.
     */
    public Party.Applicant applicantVia(SubmissionId id, String channel) {
        Submission s = store.find(id).filter(found -> found.channel().equals(channel))
                .orElseThrow(SubmissionError::notFound);
        String name = citizens.find(s.citizenId()).map(Citizen::fullName).orElse("");
        return new Party.Applicant(s.citizenId(), name, channel);
    }

    public String verificationUrl(Submission s) {
        return s.outputDocumentId() == null ? null : outputs.verificationUrl(s.outputDocumentId());
    }

    public Optional<Submission> byTracking(TrackingNumber number) {
        return store.findByTracking(number);
    }

    public List<SubmissionDocument> documents(SubmissionId id) {
        return store.documents(id);
    }

    public List<Step> timeline(SubmissionId id) {
        return store.steps(id);
    }

    /**
     * A document's bytes for the party; a member of staff reading it is written to the processing log in the same
     * transaction.
     */
    public SubmissionStore.StoredFile document(SubmissionId id, UUID documentId, Party party) {
        return inTransaction(() -> {
            Submission s = get(id, party);
            SubmissionStore.StoredFile file = store.documentContent(id, documentId)
                    .orElseThrow(() -> new SubmissionError(SubmissionError.Code.DOCUMENT_NOT_FOUND));
            if (!(party instanceof Party.Applicant)) {
                processingLog.record(new ProcessingLog.Processing(party.auditActor(), s.citizenId().value(),
                        ProcessingLog.Purpose.APPLICATION_REVIEW, "document %s (%s) of application %s".formatted(
                                file.document().displayName(), file.document().sha256().substring(0, 12),
                                s.trackingNumber())));
            }
            return file;
        });
    }

    /** The applicant's details for staff handling the application; the read is logged. */
    public Citizen applicantFor(Submission s, Party.Staff staff) {
        requireVisible(s, staff);
        processingLog.record(new ProcessingLog.Processing(staff.auditActor(), s.citizenId().value(),
                ProcessingLog.Purpose.APPLICATION_REVIEW, "applicant of application " + s.trackingNumber()));
        return citizens.find(s.citizenId()).orElseThrow();
    }

    /** Open applications in the member of staff's scope, the nearest deadline first. */
    public List<Submission> inbox(StaffPrincipal staff, boolean includeClosed) {
        return switch (staff.role()) {
            case OFFICER -> store.inbox(staff.mallId(), staff.agencyId(), includeClosed, 200);
            case MALL_MANAGER -> store.inbox(staff.mallId(), null, includeClosed, 200);
            case NATIONAL_ADMIN -> List.of();
        };
    }

    public WorkflowDefinition workflowOf(Submission s) {
        return s.isDraft() ? workflows.definitionFor(s.serviceId()) : workflows.byCode(s.workflowCode());
    }

    /** Whether the application has reached a state whose outcome is that the product was issued. */
    public boolean isIssued(Submission s) {
        return !s.isDraft() && workflowOf(s).state(s.state()).outcome() == WorkflowDefinition.Outcome.ISSUED;
    }

    /** Applications of the mall issued per service on the mall's local days {@code from} to {@code to}. */
    public Map<ServiceId, Long> issuedPerService(MallId mall, LocalDate from, LocalDate to) {
        ZoneId zone = malls.get(mall).timeZone();
        Map<ServiceId, Long> issued = new HashMap<>();
        store.closedPerState(mall, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())
                .stream()
                .filter(c -> workflows.byCode(c.workflowCode()).state(c.state()).outcome()
                        == WorkflowDefinition.Outcome.ISSUED)
                .forEach(c -> issued.merge(c.service(), c.count(), Long::sum));
        return issued;
    }

    /**
     * The output document's PDF, which carries the applicant's name and masked NIK; a member of staff reading it is
     * written to the processing log in the same transaction.
     */
    public Optional<byte[]> output(Submission s, Party party) {
        if (s.outputDocumentId() == null) {
            return Optional.empty();
        }
        return inTransaction(() -> {
            Optional<byte[]> pdf = outputs.pdf(s.outputDocumentId());
            if (pdf.isPresent() && !(party instanceof Party.Applicant)) {
                processingLog.record(new ProcessingLog.Processing(party.auditActor(), s.citizenId().value(),
                        ProcessingLog.Purpose.APPLICATION_REVIEW, "output document of application "
                                + s.trackingNumber()));
            }
            return pdf;
        });
    }

    // ---- rules

    private DocumentId issue(Submission s, Party party, String note, Instant now) {
        Mall mall = malls.get(s.mallId());
        MallService service = catalogue.service(s.mallId(), s.serviceId());
        Citizen applicant = citizens.find(s.citizenId()).orElseThrow();
        WorkflowDefinition workflow = workflows.byCode(s.workflowCode());
        Instant decidedAt = store.steps(s.id()).stream()
                .filter(step -> step.toState() != null
                        && workflow.state(new StateCode(step.toState())).outcome() == WorkflowDefinition.Outcome.APPROVED)
                .map(Step::at).reduce((first, second) -> second).orElse(now);
        IssuedDocument issued = outputs.issue(outputText.contentFor(s, mall, service, catalogue.agency(s.mallId(), s.agencyId()), applicant, party.name(), note,
                decidedAt));
        processingLog.record(new ProcessingLog.Processing(party.auditActor(), s.citizenId().value(),
                ProcessingLog.Purpose.DOCUMENT_ISSUE, "output document of application " + s.trackingNumber()));
        return issued.id();
    }

    private void record(Submission s, Party party, String action, StateCode from, StateCode to, String note,
            Instant now) {
        store.insertStep(s.id(), new Step(now, party.actor(), party.name(), action,
                from == null ? null : from.value(), to.value(), note));
        events.publishEvent(new SubmissionMoved(s.id(), s.trackingNumber(), s.citizenId(), s.mallId(), action,
                from == null ? null : from.value(), to.value(), note, now));
    }

    private Instant dueAt(Mall mall, WorkflowDefinition workflow, StateCode state, Instant now) {
        Integer days = workflow.state(state).slaWorkingDays();
        return days == null ? null : workingDays.dueAt(mall, now, days).toInstant();
    }

    private Submission lockVisible(SubmissionId id, Party party) {
        Submission s = store.lock(id).orElseThrow(SubmissionError::notFound);
        requireVisible(s, party);
        return s;
    }

    /**
     * The applicant sees their own applications (an integrator only those it created); staff those of their mall
     * (an officer: of their agency) once submitted; the national administrator all submitted ones.
     */
    private static void requireVisible(Submission s, Party party) {
        boolean visible = switch (party) {
            case Party.Applicant applicant -> s.citizenId().equals(applicant.citizen())
                    && (Party.Applicant.WEB.equals(applicant.channel()) || applicant.channel().equals(s.channel()));
            case Party.Staff staff -> !s.isDraft() && switch (staff.principal().role()) {
                case NATIONAL_ADMIN -> true;
                case MALL_MANAGER -> s.mallId().equals(staff.principal().mallId());
                case OFFICER -> s.mallId().equals(staff.principal().mallId())
                        && s.agencyId().equals(staff.principal().agencyId());
            };
            case Party.System system -> true;
        };
        if (!visible) {
            throw SubmissionError.notFound();
        }
    }

    /** The national administrator watches but does not decide; an officer does not act on a colleague's case. */
    private static void requireMayAct(StaffPrincipal staff, Submission s) {
        if (staff.role() == StaffRole.NATIONAL_ADMIN) {
            throw new Forbidden();
        }
        if (staff.role() == StaffRole.OFFICER && s.assignee() != null
                && s.assignee().accountId() != staff.accountId()) {
            throw new SubmissionError(SubmissionError.Code.CLAIMED_BY_OTHER, s.assignee().name());
        }
    }

    private void requireApplicantTurn(Submission s) {
        if (!s.acceptsApplicantChanges(workflowOf(s))) {
            throw new SubmissionError(SubmissionError.Code.NOT_EDITABLE);
        }
    }

    private static void requireOnline(MallService service) {
        if (!service.online() || !service.active()) {
            throw new SubmissionError(SubmissionError.Code.SERVICE_NOT_ONLINE, service.name().id());
        }
    }

    private boolean isOpen(Submission s) {
        return !s.isClosed(workflows.byCode(s.workflowCode()));
    }

    private static String stateOf(Submission s) {
        return s.state() == null ? null : s.state().value();
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }
}
