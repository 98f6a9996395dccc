package id.satupintu.submission;

import java.time.Instant;

import id.satupintu.shared.CitizenId;
import id.satupintu.shared.MallId;

/**
 * An application was submitted or took a step of its workflow; the applicant is told.
 *
 * @param action    {@code SUBMIT} or the workflow action taken
 * @param fromState empty when the application was a draft
 */
public record SubmissionMoved(SubmissionId id, TrackingNumber trackingNumber, CitizenId citizen, MallId mall,
        String action, String fromState, String toState, String note, Instant at) {
}
