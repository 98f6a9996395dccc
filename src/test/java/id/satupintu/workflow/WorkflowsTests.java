package id.satupintu.workflow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import id.satupintu.SatuPintuTest;
import id.satupintu.shared.NotFoundException;
import id.satupintu.shared.ServiceId;
import id.satupintu.shared.web.ProblemFactory;
import id.satupintu.workflow.WorkflowDefinition.State;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workflows stored in PostgreSQL: the shipped ones seeded, assigned per service, saved with a new version. */
@SatuPintuTest
class WorkflowsTests {

    static final String DEEMED = "PERMOHONAN_FIKTIF_POSITIF";

    @Autowired
    Workflows workflows;

    @Autowired
    WorkflowJson json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ProblemFactory problems;

    static String freshCode() {
        return "UJI_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** The standard flow under another code, with the first state's deadline set to {@code sla} working days. */
    WorkflowDefinition copyOfStandard(String code, int sla) {
        WorkflowDefinition standard = json.readClasspath("workflow/default.json");
        List<State> states = new ArrayList<>(standard.states());
        State first = states.getFirst();
        states.set(0, new State(first.code(), sla, first.terminal(), first.outcome(), first.onBreach()));
        return new WorkflowDefinition(code, 1, standard.initialState(), states, standard.actions());
    }

    ServiceId someService() {
        return new ServiceId(jdbc.sql("SELECT max(id) FROM service").query(Long.class).single());
    }

    int storedVersion(String code) {
        return jdbc.sql("SELECT version FROM workflow_definition WHERE code = :code").param("code", code)
                .query(Integer.class).single();
    }

    @Test
    void theShippedWorkflowsAreInTheDatabaseAsWritten() {
        assertThat(workflows.byCode(Workflows.DEFAULT)).isEqualTo(json.readClasspath("workflow/default.json"));
        assertThat(workflows.byCode(DEEMED)).isEqualTo(json.readClasspath("workflow/deemed-approval.json"));
        assertThat(jdbc.sql("SELECT definition -> 'states' -> 3 ->> 'onBreach' FROM workflow_definition WHERE code = :c")
                .param("c", DEEMED).query(String.class).single()).isEqualTo("DEEM_APPROVE");
    }

    @Test
    void startingAgainLeavesTheStoredWorkflowsAlone() {
        int before = storedVersion(Workflows.DEFAULT);
        new BuiltInWorkflows(workflows, json).afterSingletonsInstantiated();
        assertThat(storedVersion(Workflows.DEFAULT)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM workflow_definition WHERE code IN (:a, :b)")
                .param("a", Workflows.DEFAULT).param("b", DEEMED).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void instancesStartingTogetherAddAMissingWorkflowOnce() throws Exception {
        WorkflowDefinition definition = copyOfStandard(freshCode(), 1);
        List<Callable<Boolean>> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Workflows instance = new Workflows(jdbc, json, clock);
            instances.add(() -> instance.addIfMissing(definition));
        }
        List<Boolean> added = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Boolean> result : pool.invokeAll(instances)) {
                added.add(result.get());
            }
        }
        assertThat(added).containsOnlyOnce(true);
        assertThat(workflows.byCode(definition.code())).isEqualTo(definition);
    }

    @Test
    void aServiceFollowsTheDefaultUntilItIsGivenAnother() {
        ServiceId service = someService();
        try {
            assertThat(workflows.definitionFor(service).code()).isEqualTo(Workflows.DEFAULT);
            workflows.assign(service, DEEMED);
            assertThat(workflows.definitionFor(service).code()).isEqualTo(DEEMED);
            assertThat(workflows.definitionFor(service).breachAction(new StateCode("PROCESSING"))).isPresent();
            workflows.assign(service, Workflows.DEFAULT);
            assertThat(workflows.definitionFor(service).code()).isEqualTo(Workflows.DEFAULT);
        } finally {
            jdbc.sql("DELETE FROM service_workflow WHERE service_id = :s").param("s", service.value()).update();
        }
    }

    @Test
    void assigningAnUnknownWorkflowOrToAnUnknownServiceIsRefused() {
        assertThatThrownBy(() -> workflows.assign(someService(), "TIDAK_ADA"))
                .isInstanceOfSatisfying(WorkflowError.class,
                        e -> assertThat(e.workflowCode()).isEqualTo(WorkflowError.Code.WORKFLOW_NOT_FOUND));
        assertThatThrownBy(() -> workflows.assign(new ServiceId(Long.MAX_VALUE), DEEMED))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).isEqualTo(NotFoundException.Code.SERVICE_NOT_FOUND));
        assertThatThrownBy(() -> workflows.byCode("not a code")).isInstanceOf(WorkflowError.class);
    }

    @Test
    void savingStoresANewVersionEachTime() {
        String code = freshCode();
        WorkflowDefinition first = workflows.save(copyOfStandard(code, 1));
        assertThat(first.version()).isEqualTo(1);
        WorkflowDefinition second = workflows.save(copyOfStandard(code, 3));
        assertThat(second.version()).isEqualTo(2);
        assertThat(storedVersion(code)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT (definition ->> 'version')::int FROM workflow_definition WHERE code = :c")
                .param("c", code).query(Integer.class).single()).isEqualTo(2);
        WorkflowDefinition read = workflows.byCode(code);
        assertThat(read).isEqualTo(second);
        assertThat(read.state(new StateCode("SUBMITTED")).slaWorkingDays()).isEqualTo(3);
    }

    @Test
    void aSaveByAnotherInstanceIsSeenAtOnce() {
        String code = freshCode();
        Workflows other = new Workflows(jdbc, json, clock);
        workflows.save(copyOfStandard(code, 1));
        assertThat(workflows.byCode(code).state(new StateCode("SUBMITTED")).slaWorkingDays()).isEqualTo(1);
        other.save(copyOfStandard(code, 4));
        assertThat(workflows.byCode(code).version()).isEqualTo(2);
        assertThat(workflows.byCode(code).state(new StateCode("SUBMITTED")).slaWorkingDays()).isEqualTo(4);
    }

    @Test
    void anInvalidDefinitionNeverReachesTheDatabase() {
        String code = freshCode();
        String terminalWithAnAction = json.write(copyOfStandard(code, 1))
                .replace("\"from\":[\"APPROVED\"]", "\"from\":[\"ISSUED\"]");
        assertThatThrownBy(() -> workflows.save(json.read(terminalWithAnAction)))
                .isInstanceOfSatisfying(WorkflowError.class,
                        e -> assertThat(e.rule()).isEqualTo("terminalHasAction"));
        assertThatThrownBy(() -> workflows.byCode(code)).isInstanceOfSatisfying(WorkflowError.class,
                e -> assertThat(e.workflowCode()).isEqualTo(WorkflowError.Code.WORKFLOW_NOT_FOUND));
    }

    @Test
    void aDefinitionBrokenInTheDatabaseIsReportedAsInvalid() {
        String code = freshCode();
        String broken = json.write(copyOfStandard(code, 1)).replace("\"initialState\":\"SUBMITTED\"",
                "\"initialState\":\"DRAFT\"");
        jdbc.sql("INSERT INTO workflow_definition (code, version, definition, updated_at) "
                + "VALUES (:c, 1, CAST(:d AS jsonb), now())").param("c", code).param("d", broken).update();
        assertThatThrownBy(() -> workflows.byCode(code)).isInstanceOfSatisfying(WorkflowError.class,
                e -> assertThat(e.rule()).isEqualTo("unknownInitialState"));
    }

    @Test
    void aDefinitionSurvivesTheApplicationsJsonAndTheDatabase() {
        WorkflowDefinition definition = copyOfStandard(freshCode(), 2);
        assertThat(json.read(json.write(definition))).isEqualTo(definition);
        workflows.save(definition);
        Workflows fresh = new Workflows(jdbc, json, clock);
        assertThat(fresh.byCode(definition.code())).isEqualTo(definition);
    }

    @Test
    void errorsNameStatesAndActionsByTheirLabels() {
        WorkflowError error = assertThrows(() -> workflows.byCode(Workflows.DEFAULT).transition(
                new StateCode("SUBMITTED"), new ActionCode("APPROVE"), Actor.OFFICER, TransitionFacts.none()));
        assertThat(problems.detail(error, Locale.of("id")))
                .isEqualTo("Tindakan \"Setujui\" tidak dapat dilakukan pada tahap \"Diajukan\".");
        assertThat(problems.detail(error, Locale.ENGLISH))
                .isEqualTo("The action \"Approve\" cannot be taken in the state \"Submitted\".");
        WorkflowError notAllowed = assertThrows(() -> workflows.byCode(Workflows.DEFAULT).transition(
                new StateCode("APPROVED"), new ActionCode("ISSUE"), Actor.APPLICANT, TransitionFacts.none()));
        assertThat(problems.detail(notAllowed, Locale.of("id")))
                .isEqualTo("Tindakan \"Terbitkan dokumen\" tidak boleh dilakukan oleh Pemohon.");
        assertThat(ProblemFactory.statusOf(notAllowed.code().kind()).value()).isEqualTo(403);
        assertThat(problems.message(new StateCode("NOT_LABELLED"), Locale.ENGLISH)).isEqualTo("NOT_LABELLED");
    }

    static WorkflowError assertThrows(org.junit.jupiter.api.function.Executable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(WorkflowError.class, call);
    }
}
