package id.satupintu.complaint;

import java.time.Instant;

import id.satupintu.workflow.Actor;

/**
 * One line of a complaint's record: a workflow action, or a step beside it (filing, a comment, escalation, a rating,
 * news from SP4N-LAPOR!).
 *
 * @param fromState  null for filing; equal to {@code toState} for steps that do not change the state
 * @param visibility what the complainant's public page shows of it
 */
public record ComplaintStep(Instant at, Actor actorKind, String actorName, String action, String fromState,
        String toState, String note, Visibility visibility) {

    /** What the complainant sees of a step; staff see every step with its note. */
    public enum Visibility {
        /** The step and its note, such as an answer or the complainant's own reply. */
        PUBLIC,
        /** That it happened, not the note, such as the manager's instruction when forwarding. */
        STEP_ONLY,
        /** Nothing, such as an escalation inside the mall. */
        INTERNAL
    }

    public boolean changedState() {
        return toState != null && !toState.equals(fromState);
    }

    public boolean shownPublicly() {
        return visibility != Visibility.INTERNAL;
    }

    /** The note the complainant may read; null when there is none or it is for staff only. */
    public String publicNote() {
        return visibility == Visibility.PUBLIC && note != null && !note.isBlank() ? note : null;
    }
}
