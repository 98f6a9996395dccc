package id.satupintu.complaint;

import java.time.Instant;

import id.satupintu.shared.MallId;

/**
 * A complaint was filed or took a step that changed its state; the complainant is told.
 *
 * @param action     {@code FILE} or the workflow action taken
 * @param fromState  null when it was just filed
 * @param publicNote the note the complainant may read, or null
 */
public record ComplaintMoved(ComplaintId id, ComplaintCode code, MallId mall, String action, String fromState,
        String toState, String publicNote, Instant at) {
}
