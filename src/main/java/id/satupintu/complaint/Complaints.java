package id.satupintu.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import id.satupintu.audit.ProcessingLog;
import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.document.InspectedFile;
import id.satupintu.document.UploadInspector;
import id.satupintu.identity.Citizen;
import id.satupintu.identity.Citizens;
import id.satupintu.identity.Contacts;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.CitizenId;
import id.satupintu.shared.Forbidden;
import id.satupintu.shared.LocalizedText;
import id.satupintu.shared.MallId;
import id.satupintu.workflow.ActionCode;
import id.satupintu.workflow.Actor;
import id.satupintu.workflow.StateCode;
import id.satupintu.workflow.Transition;
import id.satupintu.workflow.TransitionFacts;
import id.satupintu.workflow.WorkflowDefinition;
import id.satupintu.workflow.Workflows;
import id.satupintu.workflow.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints: filing one with its attachments, the complainant's replies, closing, reopening and rating, and the
 * staff's steps through the complaint workflow ({@code workflow/complaint.json}, code {@value #WORKFLOW}). Each change
 * locks the complaint's row, so steps on one complaint take turns; a step, its line in the record and the event that
 * tells the complainant are written in one transaction.
 *
 * <p>Whoever holds a complaint's code acts as its complainant: the code is the key of the public page.
 */
@Service
public class Complaints {

    private static final Logger log = LoggerFactory.getLogger(Complaints.class);

    public static final String WORKFLOW = "PENGADUAN";
    public static final String FILE = "FILE";
    public static final String COMMENT = "COMMENT";
    public static final String ATTACH = "ATTACH";
    public static final String RATE = "RATE";
    public static final String ESCALATE = "ESCALATE";
    public static final String LAPOR_SENT = "LAPOR_SENT";
    public static final String LAPOR_STATUS = "LAPOR_STATUS";
    public static final ActionCode FORWARD = new ActionCode("FORWARD");
    public static final ActionCode FORWARD_TO_LAPOR = new ActionCode("FORWARD_TO_LAPOR");
    public static final ActionCode LAPOR_ANSWER = new ActionCode("LAPOR_ANSWER");
    public static final ActionCode REPLY = new ActionCode("REPLY");
    public static final ActionCode CLOSE = new ActionCode("CLOSE");
    public static final ActionCode REOPEN = new ActionCode("REOPEN");
    public static final String WEB = "WEB";
    public static final String API = "API";

    /** Staff notes on these are instructions inside the mall: the complainant sees the step, not the note. */
    private static final Set<String> INTERNAL_NOTES = Set.of("VERIFY", FORWARD.value(), FORWARD_TO_LAPOR.value());
    private static final Set<Actor> HANDLERS = Set.of(Actor.OFFICER, Actor.MALL_MANAGER, Actor.SYSTEM);
    private static final String SYSTEM_NAME = "SatuPintu";
    private static final String COMPLAINANT_NAME = "";

    private final ComplaintStore store;
    private final Malls malls;
    private final Catalogue catalogue;
    private final Citizens citizens;
    private final Workflows workflows;
    private final WorkingDays workingDays;
    private final UploadInspector inspector;
    private final ProcessingLog processingLog;
    private final LaporGateway lapor;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Complaints(ComplaintStore store, Malls malls, Catalogue catalogue, Citizens citizens, Workflows workflows,
            WorkingDays workingDays, UploadInspector inspector, ProcessingLog processingLog, LaporGateway lapor,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.malls = malls;
        this.catalogue = catalogue;
        this.citizens = citizens;
        this.workflows = workflows;
        this.workingDays = workingDays;
        this.inspector = inspector;
        this.processingLog = processingLog;
        this.lapor = lapor;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * What a complainant fills in. Agency and service are optional (a complaint may be about the mall itself); a
     * service implies its agency. The contact is for anonymous complainants and optional too.
     */
    public record NewComplaint(String mallCode, String agencyCode, String serviceCode, String category,
            String description, String email, String phone) {
    }

    /** A file as uploaded, judged by its content. */
    public record Upload(String fileName, byte[] content) {
    }

    /** How to reach a complainant: their account's name and contacts, or what an anonymous one left (may be none). */
    public record Contact(String name, String email, String phone) {

        public boolean any() {
            return email != null || phone != null;
        }
    }

    // ---- the complainant

    /**
     * Files a complaint with its attachments, all or nothing: a wrong field or file leaves nothing behind.
     *
     * @param citizen the signed-in citizen the complaint is linked to, or null for an anonymous complaint (whose
     *                contact is then taken from the form)
     * @param channel {@value #WEB} or {@value #API}
     */
    public Complaint file(NewComplaint form, List<Upload> uploads, CitizenId citizen, String channel,
            Locale locale) {
        Mall mall = malls.findByCode(blankToEmpty(form.mallCode()).strip())
                .orElseThrow(() -> ComplaintError.invalid("mallCode"));
        MallService service = optional(form.serviceCode())
                .map(code -> catalogue.findService(mall.id(), code).filter(MallService::active)
                        .orElseThrow(() -> ComplaintError.invalid("serviceCode")))
                .orElse(null);
        AgencyId agency = optional(form.agencyCode()).map(code -> agencyOf(mall, code).id())
                .orElse(service == null ? null : service.agencyId());
        if (service != null && !service.agencyId().equals(agency)) {
            throw ComplaintError.invalid("serviceCode");
        }
        String category = blankToEmpty(form.category()).strip().toUpperCase(Locale.ROOT);
        if (categories().stream().noneMatch(c -> c.code().equals(category))) {
            throw ComplaintError.invalid("category");
        }
        String description = plainText(form.description());
        if (description.length() < Complaint.MIN_DESCRIPTION_LENGTH
                || description.length() > Complaint.MAX_DESCRIPTION_LENGTH) {
            throw ComplaintError.invalid("description", Complaint.MIN_DESCRIPTION_LENGTH,
                    Complaint.MAX_DESCRIPTION_LENGTH);
        }
        String email = citizen == null ? Contacts.email(form.email()) : null;
        String phone = citizen == null ? Contacts.phone(form.phone()) : null;
        List<Upload> given = uploads == null ? List.of() : uploads;
        if (given.size() > Complaint.MAX_ATTACHMENTS) {
            throw new ComplaintError(ComplaintError.Code.TOO_MANY_ATTACHMENTS, Complaint.MAX_ATTACHMENTS);
        }
        List<InspectedFile> files = given.stream().map(u -> inspector.inspect(u.fileName(), u.content())).toList();

        WorkflowDefinition workflow = workflows.byCode(WORKFLOW);
        StateCode first = workflow.initialState();
        Instant now = clock.instant();
        Complaint filed = new Complaint(ComplaintId.random(), ComplaintCode.random(), mall.id(), agency,
                service == null ? null : service.id(), category, description, citizen, email, phone,
                "en".equals(locale.getLanguage()) ? "en" : "id", channel, workflow.code(), first,
                isOpen(workflow, first), now, dueAt(mall, workflow, first, now), null, null, 0, null, null, now, now);
        return inTransaction(() -> {
            store.insert(filed);
            files.forEach(file -> keep(filed, file, now));
            record(filed, new ComplaintStep(now, Actor.APPLICANT, COMPLAINANT_NAME, FILE, null, first.value(), "",
                    ComplaintStep.Visibility.PUBLIC));
            return filed;
        });
    }

    /** Adds a file to an open complaint, up to {@value Complaint#MAX_ATTACHMENTS} in all. */
    public ComplaintAttachment attach(ComplaintCode code, Upload upload) {
        InspectedFile file = inspector.inspect(upload.fileName(), upload.content());
        return inTransaction(() -> {
            Complaint c = requireOpen(lock(code));
            if (store.attachments(c.id()).size() >= Complaint.MAX_ATTACHMENTS) {
                throw new ComplaintError(ComplaintError.Code.TOO_MANY_ATTACHMENTS, Complaint.MAX_ATTACHMENTS);
            }
            Instant now = clock.instant();
            ComplaintAttachment attachment = keep(c, file, now);
            store.insertStep(c.id(), complainantStep(c, ATTACH, attachment.displayName(), now));
            return attachment;
        });
    }

    /**
     * The complainant's reply. To an answer it is the workflow's {@code REPLY}, which sends the complaint back to
     * the agency; at other times, while the complaint is open, it is added to the record for the staff to read.
     */
    public Complaint reply(ComplaintCode code, String text) {
        String note = note(text, true);
        return inTransaction(() -> {
            Complaint c = requireOpen(lock(code));
            WorkflowDefinition workflow = workflowOf(c);
            if (workflow.available(c.state(), Actor.APPLICANT).stream().anyMatch(a -> a.code().equals(REPLY))) {
                return move(c, workflow, workflow.transition(c.state(), REPLY, Actor.APPLICANT,
                        new TransitionFacts(false, note)), Actor.APPLICANT, COMPLAINANT_NAME, note);
            }
            store.insertStep(c.id(), complainantStep(c, COMMENT, note, clock.instant()));
            return c;
        });
    }

    /** The complainant is content with the answer. */
    public Complaint close(ComplaintCode code) {
        return inTransaction(() -> {
            Complaint c = lock(code);
            WorkflowDefinition workflow = workflowOf(c);
            return move(c, workflow, workflow.transition(c.state(), CLOSE, Actor.APPLICANT, TransitionFacts.none()),
                    Actor.APPLICANT, COMPLAINANT_NAME, "");
        });
    }

    /** Reopens a closed complaint, {@value Complaint#MAX_REOPENS} time at the most, saying why. */
    public Complaint reopen(ComplaintCode code, String text) {
        String note = note(text, false);
        return inTransaction(() -> {
            Complaint c = lock(code);
            if (c.reopenedBefore()) {
                throw new ComplaintError(ComplaintError.Code.REOPEN_LIMIT_REACHED, Complaint.MAX_REOPENS);
            }
            WorkflowDefinition workflow = workflowOf(c);
            Transition transition = workflow.transition(c.state(), REOPEN, Actor.APPLICANT,
                    new TransitionFacts(false, note));
            return move(c.reopened(clock.instant()), workflow, transition, Actor.APPLICANT, COMPLAINANT_NAME, note);
        });
    }

    /** The complainant's rating of how the complaint was handled, 1 to 5, once it is closed. */
    public Complaint rate(ComplaintCode code, int stars) {
        if (stars < 1 || stars > 5) {
            throw ComplaintError.invalid("rating");
        }
        return inTransaction(() -> {
            Complaint c = lock(code);
            if (c.open() || c.rating() != null) {
                throw new ComplaintError(ComplaintError.Code.RATING_NOT_OPEN);
            }
            Instant now = clock.instant();
            Complaint rated = c.rated(stars, now);
            store.update(rated);
            store.insertStep(c.id(), complainantStep(c, RATE, Integer.toString(stars), now));
            return rated;
        });
    }

    // ---- staff

    /**
     * A step of the workflow taken by the mall manager or an officer of the agency. Forwarding goes to
     * {@code agencyCode}, or to the agency the complaint names; passing it on to SP4N-LAPOR! queues it for the LAPOR!
     * job. The national administrator watches but does not act.
     */
    public Complaint act(ComplaintCode code, StaffPrincipal staff, ActionCode action, String text,
            String agencyCode) {
        String note = note(text, false);
        return inTransaction(() -> {
            Complaint c = lock(code);
            requireVisible(c, staff);
            if (staff.role() == StaffRole.NATIONAL_ADMIN) {
                throw new Forbidden();
            }
            Actor actor = actorOf(staff);
            WorkflowDefinition workflow = workflowOf(c);
            Transition transition = workflow.transition(c.state(), action, actor, new TransitionFacts(false, note));
            Instant now = clock.instant();
            Complaint changed = c;
            if (action.equals(FORWARD)) {
                AgencyId agency = optional(agencyCode).map(a -> agencyOf(malls.get(c.mallId()), a).id())
                        .orElse(c.agencyId());
                if (agency == null) {
                    throw new ComplaintError(ComplaintError.Code.AGENCY_REQUIRED);
                }
                changed = c.forwardedTo(agency, now);
            } else if (action.equals(FORWARD_TO_LAPOR)) {
                changed = c.withLapor(new Complaint.Lapor(now, null, null), now);
            }
            return move(changed, workflow, transition, actor, staff.displayName(), note);
        });
    }

    /**
     * Handles complaints whose deadline passed: the state's breach action when the workflow names one (closing an
     * answered complaint the complainant did not respond to), otherwise an escalation to the mall manager. Several
     * instances may run this at once: each complaint is locked and skipped by the others while one handles it.
     *
     * @return how many were handled
     */
    public int handleOverdue(int limit) {
        return eachFree(store.overdue(clock.instant(), limit), c -> c.open() && c.dueAt() != null
                && c.escalatedAt() == null && c.dueAt().isBefore(clock.instant()), this::handleBreach);
    }

    private boolean handleBreach(Complaint c) {
        WorkflowDefinition workflow = workflowOf(c);
        Optional<WorkflowDefinition.Action> breach = workflow.breachAction(c.state());
        if (breach.isPresent()) {
            move(c, workflow, workflow.transition(c.state(), breach.get().code(), Actor.SYSTEM,
                    TransitionFacts.none()), Actor.SYSTEM, SYSTEM_NAME, "");
        } else {
            Instant now = clock.instant();
            store.update(c.escalated(now));
            store.insertStep(c.id(), systemStep(c, ESCALATE, "", now));
        }
        return true;
    }

    // ---- SP4N-LAPOR!

    /**
     * Files the complaints the managers passed on to SP4N-LAPOR! there. One that LAPOR! does not take now stays
     * queued for the next round.
     *
     * @return how many LAPOR! took
     */
    public int sendToLapor(int limit) {
        return eachFree(store.awaitingLapor(limit), c -> c.lapor() != null && !c.lapor().sent(), this::send);
    }

    /**
     * Asks SP4N-LAPOR! about the reports it has; a new status goes into the record, and LAPOR!'s answer becomes the
     * complaint's answer when the workflow waits for it.
     *
     * @return how many reports were asked about
     */
    public int followLapor(int limit) {
        return eachFree(store.followedAtLapor(limit), c -> c.lapor() != null && c.lapor().sent(), this::follow);
    }

    /**
     * Does a job's work on each complaint that another instance is not working on right now and that still needs it
     * once locked; counts those where the work was done.
     */
    private int eachFree(List<ComplaintId> ids, Predicate<Complaint> still, Predicate<Complaint> work) {
        int done = 0;
        for (ComplaintId id : ids) {
            Boolean worked = transaction.execute(status -> store.lockIfFree(id).filter(still).map(work::test)
                    .orElse(false));
            if (Boolean.TRUE.equals(worked)) {
                done++;
            }
        }
        return done;
    }

    // The complaint's row stays locked while LAPOR! is asked, so that another instance cannot file it twice.
    private boolean send(Complaint c) {
        Mall mall = malls.get(c.mallId());
        String institution = c.agencyId() == null ? mall.name()
                : catalogue.agency(mall.id(), c.agencyId()).name().id() + ", " + mall.name();
        try {
            String reportId = lapor.submit(new LaporGateway.Report(c.code().display(), c.lapor().requestedAt(),
                    c.category(), c.description(), institution, mall.regionCode()));
            Instant now = clock.instant();
            store.update(c.withLapor(new Complaint.Lapor(c.lapor().requestedAt(), reportId,
                    LaporGateway.State.RECEIVED.name()), now));
            store.insertStep(c.id(), systemStep(c, LAPOR_SENT, reportId, now));
            return true;
        } catch (LaporGateway.LaporUnavailable e) {
            log.warn("Complaint {} stays queued for SP4N-LAPOR!: {}", c.code(), e.getMessage());
            return false;
        }
    }

    private boolean follow(Complaint c) {
        LaporGateway.Status status;
        try {
            status = lapor.status(c.lapor().reportId());
        } catch (LaporGateway.LaporUnavailable e) {
            log.warn("No news of complaint {} from SP4N-LAPOR!: {}", c.code(), e.getMessage());
            return false;
        }
        if (status.state().name().equals(c.lapor().status())) {
            return true;
        }
        Instant now = clock.instant();
        Complaint updated = c.withLapor(new Complaint.Lapor(c.lapor().requestedAt(), c.lapor().reportId(),
                status.state().name()), now);
        store.update(updated);
        store.insertStep(c.id(), systemStep(c, LAPOR_STATUS, status.state().name(), now));
        WorkflowDefinition workflow = workflowOf(c);
        boolean awaited = workflow.available(c.state(), Actor.SYSTEM).stream()
                .anyMatch(a -> a.code().equals(LAPOR_ANSWER));
        if (status.reply() != null && awaited) {
            move(updated, workflow, workflow.transition(c.state(), LAPOR_ANSWER, Actor.SYSTEM,
                    TransitionFacts.none()), Actor.SYSTEM, "SP4N-LAPOR!", status.reply());
        }
        return true;
    }

    // ---- reading

    public Optional<Complaint> find(ComplaintId id) {
        return store.find(id);
    }

    public Optional<Complaint> findByCode(ComplaintCode code) {
        return store.findByCode(code);
    }

    /** The complaint behind a code, for whoever holds it. */
    public Complaint byCode(ComplaintCode code) {
        return store.findByCode(code).orElseThrow(ComplaintError::notFound);
    }

    /** The complaint as a member of staff may see it; one outside their scope is unknown to them. */
    public Complaint forStaff(ComplaintCode code, StaffPrincipal staff) {
        Complaint c = byCode(code);
        requireVisible(c, staff);
        return c;
    }

    /** The mall's complaints for its manager (or the national administrator), the nearest deadline first. */
    /** Complaints received at a mall in [from, to), and how many of those are no longer open. */
    public record Counts(long received, long resolved) {
    }

    public Counts countsOf(MallId mall, java.time.Instant from, java.time.Instant to) {
        return store.counts(mall, from, to);
    }

    public List<Complaint> ofMall(MallId mall, StaffPrincipal staff, boolean includeDone) {
        staff.requireManagerOf(mall);
        return store.handledAt(mall, null, includeDone, 500);
    }

    /** The complaints forwarded to the officer's agency, the nearest deadline first. */
    public List<Complaint> ofAgency(StaffPrincipal officer, boolean includeDone) {
        if (officer.role() != StaffRole.OFFICER) {
            throw new Forbidden();
        }
        return store.handledAt(officer.mallId(), officer.agencyId(), includeDone, 500);
    }

    public List<Complaint> ofCitizen(CitizenId citizen) {
        return store.ofCitizen(citizen);
    }

    public List<ComplaintStep> timeline(ComplaintId id) {
        return store.steps(id);
    }

    public List<ComplaintAttachment> attachments(ComplaintId id) {
        return store.attachments(id);
    }

    /** The categories a new complaint may choose, in the order the form lists them. */
    public List<ComplaintCategory> categories() {
        return store.categories().stream().filter(ComplaintStore.Category::active)
                .map(ComplaintStore.Category::category).toList();
    }

    /** The category with this code, also one no longer offered; its code as its label when it is unknown. */
    public ComplaintCategory category(String code) {
        return store.categories().stream().map(ComplaintStore.Category::category)
                .filter(c -> c.code().equals(code)).findFirst()
                .orElse(new ComplaintCategory(code, new LocalizedText(code, code)));
    }

    public WorkflowDefinition workflowOf(Complaint c) {
        return workflows.byCode(c.workflowCode());
    }

    /** The actions open to the actor now; reopening only while the complaint was not reopened before. */
    public List<WorkflowDefinition.Action> actionsFor(Complaint c, Actor actor) {
        List<WorkflowDefinition.Action> actions = new ArrayList<>(workflowOf(c).available(c.state(), actor));
        if (c.reopenedBefore()) {
            actions.removeIf(a -> a.code().equals(REOPEN));
        }
        return actions;
    }

    /**
     * What the holder of the code may do now: {@code REPLY} (a comment while the complaint is open, the workflow's
     * reply to an answer), the workflow's {@code CLOSE} and {@code REOPEN}, {@code ATTACH} and {@code RATE}.
     */
    public List<String> complainantActions(Complaint c) {
        List<String> actions = new ArrayList<>();
        if (c.open()) {
            actions.add(REPLY.value());
        }
        actionsFor(c, Actor.APPLICANT).stream().map(a -> a.code().value())
                .filter(a -> !a.equals(REPLY.value())).forEach(actions::add);
        if (c.open() && store.attachments(c.id()).size() < Complaint.MAX_ATTACHMENTS) {
            actions.add(ATTACH);
        }
        if (!c.open() && c.rating() == null) {
            actions.add(RATE);
        }
        return actions;
    }

    /** The complainant's contact details for staff handling the complaint; every reading is logged. */
    public Contact contactFor(Complaint c, StaffPrincipal staff) {
        requireVisible(c, staff);
        logProcessing(c, staff, "contact details of complaint " + c.code());
        return contactOf(c);
    }

    /** An attachment's bytes for staff handling the complaint; every reading is logged. */
    public ComplaintStore.StoredFile attachment(ComplaintCode code, UUID attachmentId, StaffPrincipal staff) {
        Complaint c = forStaff(code, staff);
        ComplaintStore.StoredFile file = store.attachmentContent(c.id(), attachmentId)
                .orElseThrow(ComplaintError::notFound);
        logProcessing(c, staff, "attachment %s (%s) of complaint %s".formatted(file.attachment().displayName(),
                file.attachment().sha256().substring(0, 12), c.code()));
        return file;
    }

    /** Where to send news of the complaint; for the notification module, which only sends. */
    public Contact contactForMessages(Complaint c) {
        return contactOf(c);
    }

    // ---- rules

    private Contact contactOf(Complaint c) {
        if (c.anonymous()) {
            return new Contact(null, c.contactEmail(), c.contactPhone());
        }
        Citizen citizen = citizens.find(c.citizenId()).orElseThrow();
        return new Contact(citizen.fullName(), blankToNull(citizen.email()), blankToNull(citizen.phone()));
    }

    private void logProcessing(Complaint c, StaffPrincipal staff, String subject) {
        processingLog.record(new ProcessingLog.Processing(
                new ProcessingLog.Actor(ProcessingLog.ActorKind.STAFF, staff.username(), staff.displayName()),
                c.citizenId() == null ? null : c.citizenId().value(), ProcessingLog.Purpose.COMPLAINT_HANDLING,
                subject));
    }

    private Complaint move(Complaint c, WorkflowDefinition workflow, Transition transition, Actor actor, String name,
            String note) {
        Instant now = clock.instant();
        Mall mall = malls.get(c.mallId());
        Complaint moved = c.moved(transition, isOpen(workflow, transition.to()),
                dueAt(mall, workflow, transition.to(), now), now);
        store.update(moved);
        String action = transition.action().value();
        record(moved, new ComplaintStep(now, actor, name, action, transition.from().value(), transition.to().value(),
                note, INTERNAL_NOTES.contains(action) ? ComplaintStep.Visibility.STEP_ONLY
                        : ComplaintStep.Visibility.PUBLIC));
        return moved;
    }

    /** Writes a step that changes the state and tells the complainant about it. */
    private void record(Complaint c, ComplaintStep step) {
        store.insertStep(c.id(), step);
        events.publishEvent(new ComplaintMoved(c.id(), c.code(), c.mallId(), step.action(), step.fromState(),
                step.toState(), step.publicNote(), step.at()));
    }

    private ComplaintAttachment keep(Complaint c, InspectedFile file, Instant now) {
        ComplaintAttachment attachment = new ComplaintAttachment(UUID.randomUUID(), c.id(), file.displayName(),
                file.mediaType(), file.size(), file.sha256Hex(), now);
        store.insertAttachment(attachment, file.content());
        return attachment;
    }

    private static ComplaintStep complainantStep(Complaint c, String action, String note, Instant now) {
        return new ComplaintStep(now, Actor.APPLICANT, COMPLAINANT_NAME, action, c.state().value(), c.state().value(),
                note, ComplaintStep.Visibility.PUBLIC);
    }

    private static ComplaintStep systemStep(Complaint c, String action, String note, Instant now) {
        return new ComplaintStep(now, Actor.SYSTEM, SYSTEM_NAME, action, c.state().value(), c.state().value(), note,
                ComplaintStep.Visibility.INTERNAL);
    }

    /** Open while staff or the system have a step to take; a closed complaint waits only for the complainant. */
    private static boolean isOpen(WorkflowDefinition workflow, StateCode state) {
        return !workflow.state(state).terminal() && workflow.actions().stream()
                .anyMatch(a -> a.from().contains(state) && a.allowed().stream().anyMatch(HANDLERS::contains));
    }

    private Instant dueAt(Mall mall, WorkflowDefinition workflow, StateCode state, Instant now) {
        Integer days = workflow.state(state).slaWorkingDays();
        return days == null ? null : workingDays.dueAt(mall, now, days).toInstant();
    }

    private Agency agencyOf(Mall mall, String code) {
        return catalogue.agencies(mall.id()).stream().filter(a -> a.code().equals(code.strip())).findFirst()
                .orElseThrow(() -> ComplaintError.invalid("agencyCode"));
    }

    private Complaint lock(ComplaintCode code) {
        return store.lock(code).orElseThrow(ComplaintError::notFound);
    }

    private static Complaint requireOpen(Complaint c) {
        if (!c.open()) {
            throw new ComplaintError(ComplaintError.Code.COMPLAINT_NOT_OPEN);
        }
        return c;
    }

    /**
     * The mall manager sees the mall's complaints, an officer those forwarded to their agency, the national
     * administrator all.
     */
    private static void requireVisible(Complaint c, StaffPrincipal staff) {
        boolean visible = switch (staff.role()) {
            case NATIONAL_ADMIN -> true;
            case MALL_MANAGER -> c.mallId().equals(staff.mallId());
            case OFFICER -> c.mallId().equals(staff.mallId()) && c.forwardedAt() != null
                    && staff.agencyId().equals(c.agencyId());
        };
        if (!visible) {
            throw ComplaintError.notFound();
        }
    }

    private static Actor actorOf(StaffPrincipal staff) {
        return staff.role() == StaffRole.OFFICER ? Actor.OFFICER : Actor.MALL_MANAGER;
    }

    /** A note or reply as plain text of bounded length; required ones must not be blank. */
    private static String note(String text, boolean required) {
        String note = plainText(text);
        if (note.length() > Complaint.MAX_NOTE_LENGTH || (required && note.isEmpty())) {
            throw ComplaintError.invalid("note", Complaint.MAX_NOTE_LENGTH);
        }
        return note;
    }

    /**
     * Free text as plain text: line breaks kept, other control characters and the invisible marks that reorder text
     * removed. It is always shown escaped, never as HTML.
     */
    static String plainText(String text) {
        return blankToEmpty(text).replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
    }

    private static Optional<String> optional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }
}
