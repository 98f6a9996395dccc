package id.satupintu.submission;

import java.util.concurrent.CompletableFuture;

import id.satupintu.SatuPintuTest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.identity.Citizens;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.MallId;
import id.satupintu.region.Malls;
import id.satupintu.workflow.ActionCode;
import id.satupintu.workflow.Workflows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Missed deadlines: an application past its state's deadline is escalated to the mall manager once, or, where the
 * service's workflow says so (fiktif positif, UU 30/2014 Pasal 53), deemed approved by the system.
 */
@SatuPintuTest
class SubmissionDeadlineTests {

    static final String MALL = "74.02";

    @Autowired
    Submissions submissions;

    @Autowired
    Citizens citizens;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    @Autowired
    Workflows workflows;

    @Autowired
    JdbcClient jdbc;

    Applications applications;
    MallService service;

    @BeforeEach
    void application() {
        applications = new Applications(submissions, citizens, catalogue, malls);
        service = applications.onlineService(MALL);
    }

    @AfterEach
    void standardWorkflow() {
        workflows.assign(service.id(), Workflows.DEFAULT);
    }

    @Test
    void aMissedDeadlineIsEscalatedOnceEvenWithTwoInstancesLooking() {
        Party.Applicant applicant = applications.applicant();
        Submission sent = submissions.submit(applications.complete(applicant, MALL, service).id(), applicant);
        assertThat(sent.dueAt()).isNotNull();
        pastDeadline(sent);

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> submissions.handleOverdue(100));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> submissions.handleOverdue(100));
        one.join();
        two.join();

        Submission escalated = submissions.find(sent.id()).orElseThrow();
        assertThat(escalated.escalatedAt()).isNotNull();
        assertThat(escalated.state()).isEqualTo(sent.state());
        assertThat(steps(sent, Submissions.ESCALATE)).isEqualTo(1);
        submissions.handleOverdue(100);
        assertThat(steps(sent, Submissions.ESCALATE)).isEqualTo(1);
    }

    @Test
    void aServiceWithDeemedApprovalIsApprovedWhenTheDeadlineOfProcessingPasses() {
        workflows.assign(service.id(), "PERMOHONAN_FIKTIF_POSITIF");
        Party.Applicant applicant = applications.applicant();
        Submission sent = submissions.submit(applications.complete(applicant, MALL, service).id(), applicant);
        Party.Staff officer = officerOf(service);
        submissions.act(sent.id(), officer, new ActionCode("START_VERIFICATION"), "");
        Submission processing = submissions.act(sent.id(), officer, new ActionCode("ACCEPT"), "");
        assertThat(processing.state().value()).isEqualTo("PROCESSING");

        pastDeadline(processing);
        submissions.handleOverdue(100);

        Submission approved = submissions.find(sent.id()).orElseThrow();
        assertThat(approved.state().value()).isEqualTo("APPROVED");
        assertThat(approved.escalatedAt()).isNull();
        Step last = submissions.timeline(sent.id()).getLast();
        assertThat(last.action()).isEqualTo("DEEM_APPROVE");
        assertThat(last.actorKind()).isEqualTo(id.satupintu.workflow.Actor.SYSTEM);
        assertThat(approved.dueAt()).as("issuing has its own deadline").isNotNull().isNotEqualTo(processing.dueAt());
    }

    @Test
    void onlyTheOwnerSeesADraftAndStaffOutsideTheAgencyDoNotSeeTheApplication() {
        Party.Applicant applicant = applications.applicant();
        Submission draft = applications.complete(applicant, MALL, service);
        Party.Staff officer = officerOf(service);
        assertThatThrownBy(() -> submissions.get(draft.id(), officer))
                .isInstanceOf(SubmissionError.class)
                .extracting(e -> ((SubmissionError) e).submissionCode())
                .isEqualTo(SubmissionError.Code.SUBMISSION_NOT_FOUND);
        Party.Applicant stranger = new Party.Applicant(new id.satupintu.shared.CitizenId(java.util.UUID.randomUUID()),
                "Orang lain", Party.Applicant.WEB);
        assertThatThrownBy(() -> submissions.get(draft.id(), stranger)).isInstanceOf(SubmissionError.class);
        assertThatThrownBy(() -> submissions.submit(draft.id(), stranger)).isInstanceOf(SubmissionError.class);
        assertThat(submissions.find(draft.id()).orElseThrow().isDraft()).isTrue();

        submissions.submit(draft.id(), applicant);
        assertThat(submissions.get(draft.id(), officer).trackingNumber()).isNotNull();
        StaffPrincipal otherAgency = staffNamed("officer-7402-polri");
        assertThatThrownBy(() -> submissions.get(draft.id(), new Party.Staff(otherAgency)))
                .isInstanceOf(SubmissionError.class);
        assertThatThrownBy(() -> submissions.act(draft.id(), new Party.Staff(otherAgency),
                new ActionCode("START_VERIFICATION"), "")).isInstanceOf(SubmissionError.class);
        assertThat(submissions.find(draft.id()).orElseThrow().state().value()).isEqualTo("SUBMITTED");
    }

    private Party.Staff officerOf(MallService service) {
        String agency = catalogue.agency(service.mallId(), service.agencyId()).code();
        return new Party.Staff(staffNamed("officer-7402-" + agency));
    }

    private StaffPrincipal staffNamed(String username) {
        return jdbc.sql("SELECT id, display_name, mall_id, agency_id FROM staff_account WHERE username = :name")
                .param("name", username)
                .query((rs, n) -> new StaffPrincipal(rs.getLong("id"), username, rs.getString("display_name"),
                        StaffRole.OFFICER, new MallId(rs.getLong("mall_id")), new AgencyId(rs.getLong("agency_id"))))
                .single();
    }

    private void pastDeadline(Submission s) {
        jdbc.sql("UPDATE submission SET due_at = :due WHERE id = :id")
                .param("due", java.sql.Timestamp.from(java.time.Instant.parse("2026-11-30T00:00:00Z")))
                .param("id", s.id().value()).update();
    }

    private int steps(Submission s, String action) {
        return (int) submissions.timeline(s.id()).stream().filter(step -> step.action().equals(action)).count();
    }
}
