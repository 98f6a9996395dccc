package id.satupintu.complaint;

import java.time.Instant;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.CitizenId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import id.satupintu.workflow.StateCode;
import id.satupintu.workflow.Transition;

/**
 * A complaint about a mall, an agency in it ({@code agencyId}, may be null) or one of its services ({@code serviceId},
 * may be null). Only the complaint workflow moves it.
 *
 * @param citizenId    the complainant's account when they were signed in; null for an anonymous complaint
 * @param contactEmail where an anonymous complainant wants answers, may be null (as {@code contactPhone})
 * @param open         whether staff or the system still have a step to take; false once closed or ended
 * @param dueAt        when the current state's deadline passes; null when it has none
 * @param escalatedAt  when the missed deadline of the current state was escalated to the mall manager
 * @param forwardedAt  when it was last forwarded to the agency, whose officers see it from then on
 * @param rating       the complainant's rating of the answer, 1 to 5, once closed
 * @param lapor        its report in SP4N-LAPOR!, when the manager passed it on there
 */
public record Complaint(ComplaintId id, ComplaintCode code, MallId mallId, AgencyId agencyId, ServiceId serviceId,
        String category, String description, CitizenId citizenId, String contactEmail, String contactPhone,
        String language, String channel, String workflowCode, StateCode state, boolean open, Instant stateEnteredAt,
        Instant dueAt, Instant escalatedAt, Instant forwardedAt, int reopenCount, Integer rating, Lapor lapor,
        Instant createdAt, Instant updatedAt) {

    public static final int MIN_DESCRIPTION_LENGTH = 20;
    public static final int MAX_DESCRIPTION_LENGTH = 4000;
    public static final int MAX_NOTE_LENGTH = 2000;
    public static final int MAX_ATTACHMENTS = 3;
    /** How often a closed complaint may be reopened. */
    public static final int MAX_REOPENS = 1;

    /**
     * The complaint's report in SP4N-LAPOR!.
     *
     * @param requestedAt when the manager passed it on; also the key that makes sending it again harmless
     * @param reportId    the report's id in LAPOR!, null until it was sent
     * @param status      the last status LAPOR! gave, null until it gave one
     */
    public record Lapor(Instant requestedAt, String reportId, String status) {

        public boolean sent() {
            return reportId != null;
        }
    }

    public boolean anonymous() {
        return citizenId == null;
    }

    public boolean hasContact() {
        return !anonymous() || contactEmail != null || contactPhone != null;
    }

    public boolean reopenedBefore() {
        return reopenCount >= MAX_REOPENS;
    }

    /** After a step of the workflow: a new state starts a new deadline and clears the escalation. */
    Complaint moved(Transition transition, boolean nowOpen, Instant due, Instant now) {
        if (!transition.from().equals(state)) {
            throw new IllegalStateException("Transition " + transition + " does not start from " + state);
        }
        return changed(agencyId, transition.to(), nowOpen, now, due, null, forwardedAt, reopenCount, rating, lapor,
                now);
    }

    Complaint forwardedTo(AgencyId agency, Instant now) {
        return changed(agency, state, open, stateEnteredAt, dueAt, escalatedAt, now, reopenCount, rating, lapor, now);
    }

    /** Reopened by the complainant: counted, and the rating of the earlier answer no longer stands. */
    Complaint reopened(Instant now) {
        return changed(agencyId, state, open, stateEnteredAt, dueAt, escalatedAt, forwardedAt, reopenCount + 1, null,
                lapor, now);
    }

    Complaint escalated(Instant now) {
        return changed(agencyId, state, open, stateEnteredAt, dueAt, now, forwardedAt, reopenCount, rating, lapor, now);
    }

    Complaint rated(int stars, Instant now) {
        return changed(agencyId, state, open, stateEnteredAt, dueAt, escalatedAt, forwardedAt, reopenCount, stars,
                lapor, now);
    }

    Complaint withLapor(Lapor report, Instant now) {
        return changed(agencyId, state, open, stateEnteredAt, dueAt, escalatedAt, forwardedAt, reopenCount, rating,
                report, now);
    }

    /** The same complaint with what handling it may change; what was filed stays as filed. */
    private Complaint changed(AgencyId agency, StateCode newState, boolean nowOpen, Instant enteredAt, Instant due,
            Instant escalated, Instant forwarded, int reopens, Integer stars, Lapor report, Instant now) {
        return new Complaint(id, code, mallId, agency, serviceId, category, description, citizenId, contactEmail,
                contactPhone, language, channel, workflowCode, newState, nowOpen, enteredAt, due, escalated, forwarded,
                reopens, stars, report, createdAt, now);
    }
}
