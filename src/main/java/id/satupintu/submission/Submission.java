package id.satupintu.submission;

import java.time.Instant;
import java.util.Optional;

import id.satupintu.document.DocumentId;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.CitizenId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import id.satupintu.workflow.Actor;
import id.satupintu.workflow.StateCode;
import id.satupintu.workflow.Transition;
import id.satupintu.workflow.WorkflowDefinition;

/**
 * An online application. It starts as the applicant's draft, without a number or a state; submitting it gives it a
 * tracking number and puts it in its workflow's first state; from then on only the workflow moves it.
 *
 * @param dueAt       when the current state's service-level deadline passes; empty when the state has none
 * @param escalatedAt when the missed deadline of the current state was escalated to the mall manager
 * @param assignee    the officer who claimed it or was given it
 */
public record Submission(SubmissionId id, MallId mallId, String regionCode, ServiceId serviceId, AgencyId agencyId,
        CitizenId citizenId, TrackingNumber trackingNumber, String workflowCode, StateCode state,
        Instant stateEnteredAt, Instant dueAt, Instant escalatedAt, Assignee assignee, String purpose, String channel,
        String language, DocumentId outputDocumentId, Instant createdAt, Instant submittedAt, Instant updatedAt) {

    public static final int MAX_PURPOSE_LENGTH = 2000;

    /** The officer an application is with. */
    public record Assignee(long accountId, String name) {
    }

    static Submission draft(SubmissionId id, MallId mall, String regionCode, ServiceId service, AgencyId agency,
            CitizenId citizen, String channel, String language, Instant now) {
        return new Submission(id, mall, regionCode, service, agency, citizen, null, null, null, null, null, null,
                null, "", channel, language, null, now, null, now);
    }

    public boolean isDraft() {
        return submittedAt == null;
    }

    public Optional<TrackingNumber> tracking() {
        return Optional.ofNullable(trackingNumber);
    }

    /** Whether the applicant may change the documents now: in the draft, or when the workflow waits for them. */
    public boolean acceptsApplicantChanges(WorkflowDefinition workflow) {
        return isDraft() || !workflow.available(state, Actor.APPLICANT).isEmpty();
    }

    public boolean isClosed(WorkflowDefinition workflow) {
        return !isDraft() && workflow.state(state).terminal();
    }

    Submission withPurpose(String newPurpose, Instant now) {
        requireDraft();
        return new Submission(id, mallId, regionCode, serviceId, agencyId, citizenId, null, null, null, null, null,
                null, assignee, newPurpose, channel, language, null, createdAt, null, now);
    }

    Submission submitted(WorkflowDefinition workflow, TrackingNumber number, Instant due, Instant now) {
        requireDraft();
        return new Submission(id, mallId, regionCode, serviceId, agencyId, citizenId, number, workflow.code(),
                workflow.initialState(), now, due, null, null, purpose, channel, language, null, createdAt, now, now);
    }

    /** The application after a step of its workflow; a new state starts a new deadline and clears the escalation. */
    Submission moved(Transition transition, Instant due, Instant now) {
        if (isDraft() || !transition.from().equals(state)) {
            throw new IllegalStateException("Transition " + transition + " does not start from " + state);
        }
        return new Submission(id, mallId, regionCode, serviceId, agencyId, citizenId, trackingNumber, workflowCode,
                transition.to(), now, due, null, assignee, purpose, channel, language, outputDocumentId, createdAt,
                submittedAt, now);
    }

    Submission escalated(Instant now) {
        return new Submission(id, mallId, regionCode, serviceId, agencyId, citizenId, trackingNumber, workflowCode,
                state, stateEnteredAt, dueAt, now, assignee, purpose, channel, language, outputDocumentId, createdAt,
                submittedAt, now);
    }

    Submission assignedTo(Assignee officer, Instant now) {
        if (isDraft()) {
            throw new SubmissionError(SubmissionError.Code.NOT_EDITABLE);
        }
        return new Submission(id, mallId, regionCode, serviceId, agencyId, citizenId, trackingNumber, workflowCode,
                state, stateEnteredAt, dueAt, escalatedAt, officer, purpose, channel, language, outputDocumentId,
                createdAt, submittedAt, now);
    }

    Submission withOutput(DocumentId document, Instant now) {
        return new Submission(id, mallId, regionCode, serviceId, agencyId, citizenId, trackingNumber, workflowCode,
                state, stateEnteredAt, dueAt, escalatedAt, assignee, purpose, channel, language, document, createdAt,
                submittedAt, now);
    }

    private void requireDraft() {
        if (!isDraft()) {
            throw new SubmissionError(SubmissionError.Code.ALREADY_SUBMITTED, trackingNumber);
        }
    }
}
