package id.satupintu.submission;

import java.time.Instant;
import java.util.UUID;

/**
 * A file the applicant gave for one requirement of the service's checklist.
 *
 * @param requirementNo the requirement's place in the service's list, from 0
 * @param sealed        sent with the application: it can no longer be removed
 */
public record SubmissionDocument(UUID id, SubmissionId submissionId, int requirementNo, String displayName,
        String mediaType, long size, String sha256, Instant uploadedAt, boolean sealed) {
}
