package id.satupintu.workflow;

/** A step a workflow allowed: taking {@code action} in state {@code from} leads to state {@code to}. */
public record Transition(StateCode from, ActionCode action, StateCode to) {
}
