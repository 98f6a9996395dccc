package id.satupintu.workflow;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.annotation.JsonDeserialize;

import static id.satupintu.workflow.WorkflowError.invalid;

/**
 * A workflow as data: the states an application passes through, the actions that move it from one state to the
 * next, who may take each action and what it needs, and the deadline of each state in working days. A definition
 * that exists is valid: the constructor checks the whole of it.
 */
public record WorkflowDefinition(String code, int version, StateCode initialState, List<State> states,
        List<Action> actions) {

    /** The longest deadline a state may have, in working days (about three months). */
    public static final int MAX_SLA_WORKING_DAYS = 60;

    /** What reaching a state means for the application. */
    public enum Outcome {
        NONE, APPROVED, REJECTED, ISSUED
    }

    /**
     * A state. {@code slaWorkingDays} null means no deadline (the applicant's turn, or the end). When the deadline
     * passes, the system takes the {@code onBreach} action, or, when that is null, the case is escalated to the mall
     * manager.
     */
    public record State(StateCode code, Integer slaWorkingDays, boolean terminal, Outcome outcome,
            ActionCode onBreach) {

        public State {
            if (code == null) {
                throw invalid("missing", "states[].code");
            }
            outcome = outcome == null ? Outcome.NONE : outcome;
            if (slaWorkingDays != null && (slaWorkingDays < 1 || slaWorkingDays > MAX_SLA_WORKING_DAYS)) {
                throw invalid("sla", code.value(), MAX_SLA_WORKING_DAYS);
            }
            if (terminal && slaWorkingDays != null) {
                throw invalid("terminalWithSla", code.value());
            }
            if (onBreach != null && slaWorkingDays == null) {
                throw invalid("breachWithoutSla", code.value());
            }
        }

        public boolean hasDeadline() {
            return slaWorkingDays != null;
        }
    }

    /**
     * An action: from any of the {@code from} states to {@code to}, by one of the {@code allowed} actors. The
     * {@code from} states keep the order they were written in.
     */
    public record Action(ActionCode code, @JsonDeserialize(as = LinkedHashSet.class) Set<StateCode> from, StateCode to,
            Set<Actor> allowed,
            boolean documentsRequired, boolean noteRequired) {

        public Action {
            if (code == null) {
                throw invalid("missing", "actions[].code");
            }
            from = Collections.unmodifiableSet(new LinkedHashSet<>(from == null ? Set.of() : from));
            EnumSet<Actor> actors = EnumSet.noneOf(Actor.class);
            if (allowed != null) {
                allowed.stream().filter(Objects::nonNull).forEach(actors::add);
            }
            allowed = Collections.unmodifiableSet(actors);
            if (to == null || from.contains(null)) {
                throw invalid("missing", code.value() + (to == null ? ".to" : ".from"));
            }
            if (from.isEmpty()) {
                throw invalid("noFromState", code.value());
            }
            if (allowed.isEmpty()) {
                throw invalid("noActor", code.value());
            }
        }

        public boolean allows(Actor actor) {
            return allowed.contains(actor);
        }
    }

    public WorkflowDefinition {
        if (!Codes.isUpperSnake(code)) {
            throw invalid("code", String.valueOf(code));
        }
        if (version < 1) {
            throw invalid("version", version);
        }
        states = copy(states, "states");
        actions = copy(actions, "actions");
        if (states.isEmpty()) {
            throw invalid("noStates");
        }
        Set<StateCode> stateCodes = unique(states, State::code, "duplicateState");
        unique(actions, Action::code, "duplicateAction");
        if (initialState == null || !stateCodes.contains(initialState)) {
            throw invalid("unknownInitialState", String.valueOf(initialState));
        }
        for (Action action : actions) {
            for (StateCode state : action.from()) {
                checkKnown(stateCodes, state, action);
                if (find(states, State::code, state).orElseThrow().terminal()) {
                    throw invalid("terminalHasAction", state.value(), action.code().value());
                }
            }
            checkKnown(stateCodes, action.to(), action);
        }
        for (State state : states) {
            if (state.onBreach() != null) {
                checkBreachAction(state, find(actions, Action::code, state.onBreach()));
            }
        }
    }

    /** The state with this code, or {@code UNKNOWN_STATE}. */
    public State state(StateCode code) {
        return find(states, State::code, code)
                .orElseThrow(() -> new WorkflowError(WorkflowError.Code.UNKNOWN_STATE, code, this.code));
    }

    /**
     * The step that taking {@code action} in state {@code current} makes, once the action exists from that state
     * ({@code ILLEGAL_ACTION}), the actor may take it ({@code ACTION_NOT_ALLOWED}) and what it needs is given
     * ({@code NOTE_REQUIRED}, {@code DOCUMENTS_REQUIRED}).
     */
    public Transition transition(StateCode current, ActionCode action, Actor actor, TransitionFacts facts) {
        state(current);
        Action taken = actions.stream().filter(a -> a.code().equals(action) && a.from().contains(current))
                .findFirst()
                .orElseThrow(() -> new WorkflowError(WorkflowError.Code.ILLEGAL_ACTION, action, current));
        if (actor == null || !taken.allows(actor)) {
            throw new WorkflowError(WorkflowError.Code.ACTION_NOT_ALLOWED, action, actor);
        }
        TransitionFacts given = facts == null ? TransitionFacts.none() : facts;
        if (taken.noteRequired() && !given.hasNote()) {
            throw new WorkflowError(WorkflowError.Code.NOTE_REQUIRED, action);
        }
        if (taken.documentsRequired() && !given.hasDocuments()) {
            throw new WorkflowError(WorkflowError.Code.DOCUMENTS_REQUIRED, action);
        }
        return new Transition(current, action, taken.to());
    }

    /** The actions this actor may take in state {@code current}, in the order of the definition. */
    public List<Action> available(StateCode current, Actor actor) {
        state(current);
        return actions.stream().filter(a -> a.from().contains(current) && a.allows(actor)).toList();
    }

    /** The action the system takes when the deadline of this state passes; empty means escalate to the manager. */
    public Optional<Action> breachAction(StateCode current) {
        ActionCode onBreach = state(current).onBreach();
        return onBreach == null ? Optional.empty() : find(actions, Action::code, onBreach);
    }

    WorkflowDefinition withVersion(int newVersion) {
        return new WorkflowDefinition(code, newVersion, initialState, states, actions);
    }

    private static <T> List<T> copy(List<T> items, String name) {
        if (items == null) {
            return List.of();
        }
        if (items.stream().anyMatch(Objects::isNull)) {
            throw invalid("missing", name + "[]");
        }
        return List.copyOf(items);
    }

    private static <T, K extends LabelledCode> Set<K> unique(Collection<T> items, Function<T, K> key, String rule) {
        Set<K> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(key.apply(item))) {
                throw invalid(rule, key.apply(item).value());
            }
        }
        return seen;
    }

    private static <T, K> Optional<T> find(List<T> items, Function<T, K> key, K wanted) {
        return items.stream().filter(item -> key.apply(item).equals(wanted)).findFirst();
    }

    private static void checkKnown(Set<StateCode> known, StateCode state, Action action) {
        if (!known.contains(state)) {
            throw invalid("unknownState", action.code().value(), state.value());
        }
    }

    /** The system can only take an action that leaves this state, is allowed to it and needs nothing it lacks. */
    private static void checkBreachAction(State state, Optional<Action> action) {
        boolean usable = action.isPresent() && action.get().from().contains(state.code())
                && action.get().allows(Actor.SYSTEM) && !action.get().noteRequired()
                && !action.get().documentsRequired();
        if (!usable) {
            throw invalid("breachAction", state.code().value(), state.onBreach().value());
        }
    }
}
