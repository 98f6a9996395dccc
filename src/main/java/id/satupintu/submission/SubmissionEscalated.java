package id.satupintu.submission;

import java.time.Instant;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.MallId;

/** An application stayed in a state past its service-level deadline and was escalated to the mall manager. */
public record SubmissionEscalated(SubmissionId id, TrackingNumber trackingNumber, MallId mall, AgencyId agency,
        String state, Instant dueAt, Instant at) {
}
