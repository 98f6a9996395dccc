package id.satupintu.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import id.satupintu.workflow.WorkflowDefinition.Action;
import id.satupintu.workflow.WorkflowDefinition.Outcome;
import id.satupintu.workflow.WorkflowDefinition.State;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A definition that cannot work is refused as a whole, with the rule it breaks. */
class WorkflowValidationTest {

    static State state(String code, Integer sla, boolean terminal, String onBreach) {
        return new State(new StateCode(code), sla, terminal, terminal ? Outcome.ISSUED : Outcome.NONE,
                onBreach == null ? null : new ActionCode(onBreach));
    }

    static Action action(String code, String to, Set<Actor> allowed, String... from) {
        return new Action(new ActionCode(code), Arrays.stream(from).map(StateCode::new).collect(
                java.util.stream.Collectors.toSet()), new StateCode(to), allowed, false, false);
    }

    static Action needing(Action action, boolean documents, boolean note) {
        return new Action(action.code(), action.from(), action.to(), action.allowed(), documents, note);
    }

    static final State OPEN = state("OPEN", 2, false, "AUTO_CLOSE");
    static final State DONE = state("DONE", null, true, null);
    static final Action FINISH = action("FINISH", "DONE", Set.of(Actor.OFFICER), "OPEN");
    static final Action AUTO_CLOSE = action("AUTO_CLOSE", "DONE", Set.of(Actor.SYSTEM), "OPEN");

    /** A small valid flow with one state changed into {@code state}. */
    static WorkflowDefinition withState(State state) {
        return new WorkflowDefinition("UJI", 1, new StateCode("OPEN"), List.of(state, DONE), List.of(FINISH,
                AUTO_CLOSE));
    }

    static WorkflowDefinition withActions(UnaryOperator<List<Action>> change) {
        return new WorkflowDefinition("UJI", 1, new StateCode("OPEN"), List.of(OPEN, DONE),
                change.apply(new ArrayList<>(List.of(FINISH, AUTO_CLOSE))));
    }

    static List<Action> plus(List<Action> actions, Action extra) {
        actions.add(extra);
        return actions;
    }

    static List<Action> replacingAutoClose(List<Action> actions, Action replacement) {
        actions.set(1, replacement);
        return actions;
    }

    @Test
    void theFlowTheCasesStartFromIsValid() {
        WorkflowDefinition flow = withActions(UnaryOperator.identity());
        assertThat(flow.breachAction(new StateCode("OPEN"))).contains(AUTO_CLOSE);
        assertThat(withState(state("OPEN", 60, false, null)).state(new StateCode("OPEN")).slaWorkingDays())
                .isEqualTo(60);
    }

    static Stream<Arguments> brokenDefinitions() {
        StateCode open = new StateCode("OPEN");
        List<State> states = List.of(OPEN, DONE);
        List<Action> actions = List.of(FINISH, AUTO_CLOSE);
        Action fromNowhere = action("LEAP", "DONE", Set.of(Actor.OFFICER), "NOWHERE");
        return Stream.of(
                arguments("code", (ThrowingCallable) () -> new WorkflowDefinition("uji-1", 1, open, states, actions)),
                arguments("code", (ThrowingCallable) () -> new WorkflowDefinition(null, 1, open, states, actions)),
                arguments("version", (ThrowingCallable) () -> new WorkflowDefinition("UJI", 0, open, states, actions)),
                arguments("noStates", (ThrowingCallable) () -> new WorkflowDefinition("UJI", 1, open, List.of(),
                        List.of())),
                arguments("missing", (ThrowingCallable) () -> new WorkflowDefinition("UJI", 1, open,
                        Arrays.asList(OPEN, null, DONE), actions)),
                arguments("missing", (ThrowingCallable) () -> new Action(new ActionCode("X"),
                        Set.of(open), null, Set.of(Actor.OFFICER), false, false)),
                arguments("missing", (ThrowingCallable) () -> new State(null, 1, false, Outcome.NONE, null)),
                arguments("duplicateState", (ThrowingCallable) () -> new WorkflowDefinition("UJI", 1, open,
                        List.of(OPEN, DONE, state("DONE", null, true, null)), actions)),
                arguments("duplicateAction", (ThrowingCallable) () -> withActions(a -> plus(a,
                        action("FINISH", "DONE", Set.of(Actor.MALL_MANAGER), "OPEN")))),
                arguments("unknownInitialState", (ThrowingCallable) () -> new WorkflowDefinition("UJI", 1,
                        new StateCode("START"), states, actions)),
                arguments("unknownInitialState", (ThrowingCallable) () -> new WorkflowDefinition("UJI", 1, null,
                        states, actions)),
                arguments("unknownState", (ThrowingCallable) () -> withActions(a -> plus(a, fromNowhere))),
                arguments("unknownState", (ThrowingCallable) () -> withActions(a -> plus(a,
                        action("LEAP", "LIMBO", Set.of(Actor.OFFICER), "OPEN")))),
                arguments("noFromState", (ThrowingCallable) () -> withActions(a -> plus(a,
                        action("LEAP", "DONE", Set.of(Actor.OFFICER))))),
                arguments("noActor", (ThrowingCallable) () -> withActions(a -> plus(a,
                        action("LEAP", "DONE", Set.of(), "OPEN")))),
                arguments("terminalHasAction", (ThrowingCallable) () -> withActions(a -> plus(a,
                        action("REOPEN", "OPEN", Set.of(Actor.MALL_MANAGER), "DONE")))),
                arguments("terminalWithSla", (ThrowingCallable) () -> state("DONE", 3, true, null)),
                arguments("sla", (ThrowingCallable) () -> state("OPEN", 0, false, null)),
                arguments("sla", (ThrowingCallable) () -> state("OPEN", 61, false, null)),
                arguments("breachWithoutSla", (ThrowingCallable) () -> state("OPEN", null, false, "AUTO_CLOSE")),
                arguments("breachAction", (ThrowingCallable) () -> withState(state("OPEN", 2, false, "VANISH"))),
                arguments("breachAction", (ThrowingCallable) () -> new WorkflowDefinition("UJI", 1, open,
                        List.of(OPEN, state("WAITING", 1, false, "AUTO_CLOSE"), DONE),
                        List.of(FINISH, AUTO_CLOSE, action("PARK", "WAITING", Set.of(Actor.OFFICER), "OPEN")))),
                arguments("breachAction", (ThrowingCallable) () -> withActions(a -> replacingAutoClose(a,
                        action("AUTO_CLOSE", "DONE", Set.of(Actor.OFFICER), "OPEN")))),
                arguments("breachAction", (ThrowingCallable) () -> withActions(a -> replacingAutoClose(a,
                        needing(AUTO_CLOSE, false, true)))),
                arguments("breachAction", (ThrowingCallable) () -> withActions(a -> replacingAutoClose(a,
                        needing(AUTO_CLOSE, true, false)))),
                arguments("code", (ThrowingCallable) () -> WorkflowDefinitionTest.JSON.read("""
                        {"code": "UJI", "version": 1, "initialState": "open", "states": [{"code": "open"}],
                         "actions": []}
                        """)),
                arguments("missing", (ThrowingCallable) () -> WorkflowDefinitionTest.JSON.read("""
                        {"code": "UJI", "version": 1, "initialState": "OPEN", "states": [{"code": "OPEN"}],
                         "actions": [{"code": "GO", "from": ["OPEN"], "allowed": ["OFFICER"]}]}
                        """)),
                arguments("unreadable", (ThrowingCallable) () -> WorkflowDefinitionTest.JSON.read("{\"code\": ")),
                arguments("unreadable", (ThrowingCallable) () -> WorkflowDefinitionTest.JSON.read("""
                        {"code": "UJI", "version": 1, "initialState": "OPEN", "states": [{"code": "OPEN"}],
                         "actions": [{"code": "GO", "from": ["OPEN"], "to": "OPEN", "allowed": ["OFFICER"],
                                      "noteRequierd": true}]}
                        """)),
                arguments("unreadable", (ThrowingCallable) () -> WorkflowDefinitionTest.JSON.read("""
                        {"code": "UJI", "version": 1, "initialState": "OPEN", "states": [{"code": "OPEN"}],
                         "actions": [{"code": "GO", "from": ["OPEN"], "to": "OPEN", "allowed": ["CLERK"]}]}
                        """)));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("brokenDefinitions")
    void aBrokenDefinitionIsRefusedNamingTheRule(String rule, ThrowingCallable build) {
        assertThatThrownBy(build).isInstanceOfSatisfying(WorkflowError.class, e -> {
            assertThat(e.workflowCode()).isEqualTo(WorkflowError.Code.INVALID_WORKFLOW);
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.messageKey()).isEqualTo("error.INVALID_WORKFLOW." + rule);
        });
    }
}
