package id.satupintu.workflow;

import java.util.List;
import java.util.Set;

import id.satupintu.shared.ErrorKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default workflow's rules: who may do what, from where, with what. */
class WorkflowDefinitionTest {

    static final WorkflowJson JSON = new WorkflowJson(JsonMapper.builder().build());
    static final WorkflowDefinition STANDARD = JSON.readClasspath("workflow/default.json");
    static final WorkflowDefinition DEEMED = JSON.readClasspath("workflow/deemed-approval.json");

    static StateCode state(String code) {
        return new StateCode(code);
    }

    static ActionCode action(String code) {
        return new ActionCode(code);
    }

    static StateCode take(WorkflowDefinition flow, String from, String action, Actor actor, TransitionFacts facts) {
        Transition step = flow.transition(state(from), action(action), actor, facts);
        assertThat(step.from()).isEqualTo(state(from));
        assertThat(step.action()).isEqualTo(action(action));
        return step.to();
    }

    static void assertError(ThrowingCallable call, WorkflowError.Code code, ErrorKind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WorkflowError.class, e -> {
            assertThat(e.workflowCode()).isEqualTo(code);
            assertThat(e.code().kind()).isEqualTo(kind);
        });
    }

    @Test
    void anApplicationGoesFromSubmittedThroughARevisionToIssued() {
        TransitionFacts none = TransitionFacts.none();
        assertThat(STANDARD.initialState()).isEqualTo(state("SUBMITTED"));
        assertThat(take(STANDARD, "SUBMITTED", "START_VERIFICATION", Actor.OFFICER, none))
                .isEqualTo(state("VERIFICATION"));
        assertThat(take(STANDARD, "VERIFICATION", "RETURN_FOR_REVISION", Actor.OFFICER,
                new TransitionFacts(false, "Pas foto buram"))).isEqualTo(state("RETURNED"));
        assertThat(take(STANDARD, "RETURNED", "RESUBMIT", Actor.APPLICANT, new TransitionFacts(true, null)))
                .isEqualTo(state("VERIFICATION"));
        assertThat(take(STANDARD, "VERIFICATION", "ACCEPT", Actor.OFFICER, none)).isEqualTo(state("PROCESSING"));
        assertThat(take(STANDARD, "PROCESSING", "APPROVE", Actor.MALL_MANAGER, none)).isEqualTo(state("APPROVED"));
        assertThat(take(STANDARD, "APPROVED", "ISSUE", Actor.OFFICER, none)).isEqualTo(state("ISSUED"));
        assertThat(STANDARD.state(state("ISSUED")).terminal()).isTrue();
        assertThat(STANDARD.state(state("ISSUED")).outcome()).isEqualTo(WorkflowDefinition.Outcome.ISSUED);
    }

    @Test
    void anActionThatDoesNotLeaveTheCurrentStateIsIllegal() {
        assertError(() -> STANDARD.transition(state("SUBMITTED"), action("APPROVE"), Actor.OFFICER,
                TransitionFacts.none()), WorkflowError.Code.ILLEGAL_ACTION, ErrorKind.CONFLICT);
        assertError(() -> STANDARD.transition(state("PROCESSING"), action("RETURN_FOR_REVISION"), Actor.OFFICER,
                new TransitionFacts(false, "catatan")), WorkflowError.Code.ILLEGAL_ACTION, ErrorKind.CONFLICT);
        assertError(() -> STANDARD.transition(state("VERIFICATION"), action("FLY_AWAY"), Actor.OFFICER,
                TransitionFacts.none()), WorkflowError.Code.ILLEGAL_ACTION, ErrorKind.CONFLICT);
    }

    @Test
    void nothingLeavesAFinalState() {
        for (String end : List.of("ISSUED", "REJECTED")) {
            for (Actor actor : Actor.values()) {
                assertThat(STANDARD.available(state(end), actor)).isEmpty();
            }
            assertError(() -> STANDARD.transition(state(end), action("REJECT"), Actor.MALL_MANAGER,
                    new TransitionFacts(true, "lagi")), WorkflowError.Code.ILLEGAL_ACTION, ErrorKind.CONFLICT);
        }
    }

    @Test
    void aRoleThatMayNotTakeTheActionIsRefused() {
        assertError(() -> STANDARD.transition(state("VERIFICATION"), action("ACCEPT"), Actor.APPLICANT,
                TransitionFacts.none()), WorkflowError.Code.ACTION_NOT_ALLOWED, ErrorKind.FORBIDDEN);
        assertError(() -> STANDARD.transition(state("APPROVED"), action("ISSUE"), Actor.MALL_MANAGER,
                TransitionFacts.none()), WorkflowError.Code.ACTION_NOT_ALLOWED, ErrorKind.FORBIDDEN);
        assertError(() -> STANDARD.transition(state("PROCESSING"), action("DEEM_APPROVE"), Actor.OFFICER,
                TransitionFacts.none()), WorkflowError.Code.ACTION_NOT_ALLOWED, ErrorKind.FORBIDDEN);
        assertError(() -> STANDARD.transition(state("RETURNED"), action("RESUBMIT"), Actor.OFFICER,
                new TransitionFacts(true, null)), WorkflowError.Code.ACTION_NOT_ALLOWED, ErrorKind.FORBIDDEN);
    }

    @Test
    void rejectingAndReturningNeedANote() {
        for (String note : new String[] {null, "", "   "}) {
            assertError(() -> STANDARD.transition(state("PROCESSING"), action("REJECT"), Actor.OFFICER,
                    new TransitionFacts(true, note)), WorkflowError.Code.NOTE_REQUIRED, ErrorKind.UNPROCESSABLE);
            assertError(() -> STANDARD.transition(state("VERIFICATION"), action("RETURN_FOR_REVISION"),
                    Actor.OFFICER, new TransitionFacts(true, note)), WorkflowError.Code.NOTE_REQUIRED,
                    ErrorKind.UNPROCESSABLE);
        }
        assertThat(take(STANDARD, "PROCESSING", "REJECT", Actor.OFFICER, new TransitionFacts(false, "NIB tidak aktif")))
                .isEqualTo(state("REJECTED"));
    }

    @Test
    void resubmittingNeedsDocuments() {
        assertError(() -> STANDARD.transition(state("RETURNED"), action("RESUBMIT"), Actor.APPLICANT,
                new TransitionFacts(false, "sudah saya perbaiki")), WorkflowError.Code.DOCUMENTS_REQUIRED,
                ErrorKind.UNPROCESSABLE);
        assertError(() -> STANDARD.transition(state("RETURNED"), action("RESUBMIT"), Actor.APPLICANT, null),
                WorkflowError.Code.DOCUMENTS_REQUIRED, ErrorKind.UNPROCESSABLE);
    }

    @Test
    void availableActionsFollowTheRoleAndTheDefinitionsOrder() {
        assertThat(STANDARD.available(state("VERIFICATION"), Actor.OFFICER)).extracting(a -> a.code().value())
                .containsExactly("RETURN_FOR_REVISION", "ACCEPT", "REJECT");
        assertThat(STANDARD.available(state("VERIFICATION"), Actor.MALL_MANAGER)).extracting(a -> a.code().value())
                .containsExactly("REJECT");
        assertThat(STANDARD.available(state("RETURNED"), Actor.APPLICANT)).extracting(a -> a.code().value())
                .containsExactly("RESUBMIT");
        assertThat(STANDARD.available(state("RETURNED"), Actor.OFFICER)).isEmpty();
        assertThat(STANDARD.available(state("PROCESSING"), Actor.SYSTEM)).extracting(a -> a.code().value())
                .containsExactly("DEEM_APPROVE");
    }

    @Test
    void aStateTheDefinitionDoesNotHaveIsReported() {
        assertError(() -> STANDARD.state(state("ARCHIVED")), WorkflowError.Code.UNKNOWN_STATE, ErrorKind.CONFLICT);
        assertError(() -> STANDARD.available(state("ARCHIVED"), Actor.OFFICER), WorkflowError.Code.UNKNOWN_STATE,
                ErrorKind.CONFLICT);
    }

    @Test
    void theStandardFlowHasTheAgreedDeadlinesAndEscalatesEveryMissedOne() {
        assertThat(STANDARD.code()).isEqualTo("PERMOHONAN_STANDAR");
        assertThat(STANDARD.states()).extracting(s -> s.code().value(), WorkflowDefinition.State::slaWorkingDays)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SUBMITTED", 1),
                        org.assertj.core.groups.Tuple.tuple("VERIFICATION", 2),
                        org.assertj.core.groups.Tuple.tuple("RETURNED", null),
                        org.assertj.core.groups.Tuple.tuple("PROCESSING", 5),
                        org.assertj.core.groups.Tuple.tuple("APPROVED", 1),
                        org.assertj.core.groups.Tuple.tuple("ISSUED", null),
                        org.assertj.core.groups.Tuple.tuple("REJECTED", null));
        assertThat(STANDARD.state(state("APPROVED")).outcome()).isEqualTo(WorkflowDefinition.Outcome.APPROVED);
        assertThat(STANDARD.state(state("REJECTED")).outcome()).isEqualTo(WorkflowDefinition.Outcome.REJECTED);
        assertThat(STANDARD.state(state("REJECTED")).terminal()).isTrue();
        assertThat(STANDARD.state(state("APPROVED")).terminal()).isFalse();
        for (WorkflowDefinition.State s : STANDARD.states()) {
            assertThat(STANDARD.breachAction(s.code())).as(s.code().value()).isEmpty();
        }
    }

    @Test
    void inTheDeemedApprovalFlowAMissedProcessingDeadlineApproves() {
        assertThat(DEEMED.code()).isEqualTo("PERMOHONAN_FIKTIF_POSITIF");
        WorkflowDefinition.Action onBreach = DEEMED.breachAction(state("PROCESSING")).orElseThrow();
        assertThat(onBreach.code()).isEqualTo(action("DEEM_APPROVE"));
        assertThat(take(DEEMED, "PROCESSING", onBreach.code().value(), Actor.SYSTEM, TransitionFacts.none()))
                .isEqualTo(state("APPROVED"));
        assertThat(DEEMED.breachAction(state("VERIFICATION"))).isEmpty();
        // Apart from that one decision the two flows are the same.
        assertThat(DEEMED.actions()).isEqualTo(STANDARD.actions());
        assertThat(DEEMED.states()).hasSameSizeAs(STANDARD.states())
                .filteredOn(s -> !s.code().equals(state("PROCESSING"))).isSubsetOf(STANDARD.states());
    }

    @Test
    void everyStateAndActionOfTheShippedFlowsHasALabel() throws Exception {
        for (String bundle : List.of("messages/workflow.properties", "messages/workflow_en.properties")) {
            java.util.Properties labels = new java.util.Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (WorkflowDefinition flow : List.of(STANDARD, DEEMED)) {
                assertThat(labels).containsKey("workflow.definition." + flow.code());
                flow.states().forEach(s -> assertThat(labels).as(bundle).containsKey(s.code().getCodes()[0]));
                flow.actions().forEach(a -> assertThat(labels).as(bundle).containsKey(a.code().getCodes()[0]));
            }
            for (Actor actor : Actor.values()) {
                assertThat(labels).containsKey(actor.getCodes()[0]);
            }
        }
    }

    @Test
    void codesAreUpperSnake() {
        for (String bad : new String[] {"submitted", "Submitted", "_X", "X__Y", "X_", "1X", "X-Y", "", "A".repeat(61)}) {
            assertError(() -> new StateCode(bad), WorkflowError.Code.INVALID_CODE, ErrorKind.BAD_REQUEST);
            assertError(() -> new ActionCode(bad), WorkflowError.Code.INVALID_CODE, ErrorKind.BAD_REQUEST);
        }
        assertError(() -> new StateCode(null), WorkflowError.Code.INVALID_CODE, ErrorKind.BAD_REQUEST);
        assertThat(new ActionCode("RETURN_FOR_REVISION_2").value()).isEqualTo("RETURN_FOR_REVISION_2");
    }

    @Test
    void aDefinitionSurvivesAJsonRoundTrip() {
        for (WorkflowDefinition flow : List.of(STANDARD, DEEMED)) {
            String written = JSON.write(flow);
            assertThat(written).contains("\"initialState\":\"SUBMITTED\"").contains("\"from\":[\"VERIFICATION\",\"PROCESSING\"]");
            assertThat(JSON.read(written)).isEqualTo(flow);
        }
        assertThat(STANDARD.actions().get(6).from()).containsExactly(state("VERIFICATION"), state("PROCESSING"));
        assertThat(STANDARD.actions().get(6).allowed()).isEqualTo(Set.of(Actor.OFFICER, Actor.MALL_MANAGER));
    }
}
