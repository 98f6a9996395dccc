package id.satupintu.submission;

import java.time.Instant;

import id.satupintu.workflow.Actor;

/**
 * One line of an application's timeline: a workflow action, or a step around it (submitting, claiming, escalating).
 *
 * @param fromState empty for steps that do not change the state
 */
public record Step(Instant at, Actor actorKind, String actorName, String action, String fromState, String toState,
        String note) {

    public boolean changedState() {
        return toState != null && !toState.equals(fromState);
    }
}
