package id.satupintu.workflow;

import java.util.List;

import id.satupintu.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static id.satupintu.workflow.WorkflowDefinitionTest.action;
import static id.satupintu.workflow.WorkflowDefinitionTest.assertError;
import static id.satupintu.workflow.WorkflowDefinitionTest.state;
import static id.satupintu.workflow.WorkflowDefinitionTest.take;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped complaint workflow: its deadlines follow RULES.md section 5 (verify within 3 working days, follow up
 * within 5, the complainant may respond within 10 and then it closes by itself), and who may take which step.
 */
class ComplaintWorkflowTest {

    static final WorkflowDefinition COMPLAINT = WorkflowDefinitionTest.JSON.readClasspath("workflow/complaint.json");
    static final TransitionFacts NONE = TransitionFacts.none();
    static final TransitionFacts NOTE = new TransitionFacts(false, "Sudah kami tindak lanjuti");

    @Test
    void theDeadlinesAreThoseCommonlyPublished() {
        assertThat(COMPLAINT.code()).isEqualTo("PENGADUAN");
        assertThat(COMPLAINT.initialState()).isEqualTo(state("RECEIVED"));
        assertThat(COMPLAINT.state(state("RECEIVED")).slaWorkingDays()).as("verification").isEqualTo(3);
        assertThat(COMPLAINT.state(state("FORWARDED")).slaWorkingDays()).as("follow-up").isEqualTo(5);
        assertThat(COMPLAINT.state(state("ANSWERED")).slaWorkingDays()).as("the complainant's response")
                .isEqualTo(10);
        assertThat(COMPLAINT.breachAction(state("ANSWERED"))).map(a -> a.to())
                .as("an answer nobody responds to closes the complaint").contains(state("CLOSED"));
        for (String waitingForStaff : List.of("RECEIVED", "VERIFIED", "FORWARDED", "REOPENED", "AT_LAPOR")) {
            assertThat(COMPLAINT.breachAction(state(waitingForStaff))).as(waitingForStaff + " escalates").isEmpty();
            assertThat(COMPLAINT.state(state(waitingForStaff)).hasDeadline()).isTrue();
        }
        assertThat(COMPLAINT.state(state("CLOSED")).hasDeadline()).isFalse();
        assertThat(COMPLAINT.state(state("CLOSED")).terminal()).as("it may be reopened").isFalse();
        assertThat(COMPLAINT.state(state("NOT_OUR_AUTHORITY")).terminal()).isTrue();
        assertThat(COMPLAINT.state(state("ARCHIVED")).terminal()).isTrue();
    }

    @Test
    void theManagerVerifiesAndForwardsTheAgencyAnswersTheComplainantClosesOrReopens() {
        assertThat(take(COMPLAINT, "RECEIVED", "VERIFY", Actor.MALL_MANAGER, NONE)).isEqualTo(state("VERIFIED"));
        assertThat(take(COMPLAINT, "VERIFIED", "FORWARD", Actor.MALL_MANAGER, NONE)).isEqualTo(state("FORWARDED"));
        assertThat(take(COMPLAINT, "FORWARDED", "ANSWER", Actor.OFFICER, NOTE)).isEqualTo(state("ANSWERED"));
        assertThat(take(COMPLAINT, "ANSWERED", "REPLY", Actor.APPLICANT, NOTE)).as("not settled: back to the agency")
                .isEqualTo(state("FORWARDED"));
        assertThat(take(COMPLAINT, "ANSWERED", "CLOSE", Actor.APPLICANT, NONE)).isEqualTo(state("CLOSED"));
        assertThat(take(COMPLAINT, "ANSWERED", "CLOSE_AUTOMATICALLY", Actor.SYSTEM, NONE)).isEqualTo(state("CLOSED"));
        assertThat(take(COMPLAINT, "CLOSED", "REOPEN", Actor.APPLICANT, NOTE)).isEqualTo(state("REOPENED"));
        assertThat(take(COMPLAINT, "REOPENED", "FORWARD", Actor.MALL_MANAGER, NONE)).isEqualTo(state("FORWARDED"));
    }

    @Test
    void aComplaintForAnotherInstitutionGoesToLaporAndItsAnswerComesBack() {
        assertThat(take(COMPLAINT, "VERIFIED", "FORWARD_TO_LAPOR", Actor.MALL_MANAGER, NONE))
                .isEqualTo(state("AT_LAPOR"));
        assertThat(take(COMPLAINT, "AT_LAPOR", "LAPOR_ANSWER", Actor.SYSTEM, NONE)).isEqualTo(state("ANSWERED"));
        assertThat(take(COMPLAINT, "RECEIVED", "NOT_OUR_AUTHORITY", Actor.MALL_MANAGER, NOTE))
                .isEqualTo(state("NOT_OUR_AUTHORITY"));
    }

    @Test
    void eachOneOnlyTakesTheirOwnSteps() {
        assertError(() -> COMPLAINT.transition(state("RECEIVED"), action("VERIFY"), Actor.OFFICER, NONE),
                WorkflowError.Code.ACTION_NOT_ALLOWED, ErrorKind.FORBIDDEN);
        assertError(() -> COMPLAINT.transition(state("FORWARDED"), action("ANSWER"), Actor.APPLICANT, NOTE),
                WorkflowError.Code.ACTION_NOT_ALLOWED, ErrorKind.FORBIDDEN);
        assertError(() -> COMPLAINT.transition(state("RECEIVED"), action("FORWARD"), Actor.MALL_MANAGER, NONE),
                WorkflowError.Code.ILLEGAL_ACTION, ErrorKind.CONFLICT);
        assertError(() -> COMPLAINT.transition(state("FORWARDED"), action("CLOSE"), Actor.APPLICANT, NONE),
                WorkflowError.Code.ILLEGAL_ACTION, ErrorKind.CONFLICT);
        assertError(() -> COMPLAINT.transition(state("AT_LAPOR"), action("LAPOR_ANSWER"), Actor.MALL_MANAGER, NONE),
                WorkflowError.Code.ACTION_NOT_ALLOWED, ErrorKind.FORBIDDEN);
    }

    @Test
    void answersReasonsAndReopeningNeedANote() {
        assertError(() -> COMPLAINT.transition(state("FORWARDED"), action("ANSWER"), Actor.OFFICER, NONE),
                WorkflowError.Code.NOTE_REQUIRED, ErrorKind.UNPROCESSABLE);
        assertError(() -> COMPLAINT.transition(state("VERIFIED"), action("ARCHIVE"), Actor.MALL_MANAGER, NONE),
                WorkflowError.Code.NOTE_REQUIRED, ErrorKind.UNPROCESSABLE);
        assertError(() -> COMPLAINT.transition(state("CLOSED"), action("REOPEN"), Actor.APPLICANT,
                new TransitionFacts(false, "  ")), WorkflowError.Code.NOTE_REQUIRED, ErrorKind.UNPROCESSABLE);
    }

    @Test
    void theShippedWorkflowsAreAllFoundOnTheClasspath() {
        assertThat(BuiltInWorkflows.files()).contains("workflow/complaint.json", "workflow/default.json",
                "workflow/deemed-approval.json");
    }
}
