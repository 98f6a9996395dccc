package id.satupintu.complaint;

import java.time.Instant;
import java.util.UUID;

/** A file the complainant attached; its bytes are read only by staff handling the complaint. */
public record ComplaintAttachment(UUID id, ComplaintId complaintId, String displayName, String mediaType, long size,
        String sha256, Instant uploadedAt) {
}
