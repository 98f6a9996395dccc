package id.satupintu.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMailUtil;
import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.TestMailServer;
import id.satupintu.identity.Citizen;
import id.satupintu.identity.Citizens;
import id.satupintu.workflow.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaints end to end: answered, responded to, closed, rated and reopened once; missed deadlines escalated once or
 * closing the complaint; a complaint passed on to SP4N-LAPOR! (its simulator) and answered there; the complainant's
 * contact and files shown to staff only on request, each showing logged.
 */
@SatuPintuTest
class ComplaintFlowTests {

    static final Instant LONG_AGO = Instant.parse("2026-11-20T00:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    Complaints complaints;

    @Autowired
    Citizens citizens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    id.satupintu.identity.NikFingerprints fingerprints;

    Complaining complaining;

    @BeforeEach
    void complainant() {
        complaining = new Complaining(new ApiClient(port));
    }

    Complaint stored(String code) {
        return complaints.byCode(ComplaintCode.parse(code).orElseThrow());
    }

    List<String> actions(String code) {
        return complaints.timeline(stored(code).id()).stream().map(ComplaintStep::action).toList();
    }

    void pastDeadline(String code) {
        jdbc.sql("UPDATE complaint SET due_at = :due WHERE code = :code").param("due", Timestamp.from(LONG_AGO))
                .param("code", ComplaintCode.parse(code).orElseThrow().value()).update();
    }

    @Test
    void anAnsweredComplaintIsRespondedToClosedRatedAndReopenedOnlyOnce() throws Exception {
        String email = Complaining.freshEmail();
        String code = complaining.answered(email).get("code").asString();
        String answerMail = GreenMailUtil.getBody(TestMailServer.awaitMail(email, "Pengaduan " + code + ": Dijawab"));
        assertThat(answerMail).contains("Petugas tersebut sudah diperiksa dan diberi teguran.")
                .doesNotContain("Mohon ditindaklanjuti");

        ApiClient.Response replied = complaining.asComplainant(code, "replies",
                Complaining.text("Uangnya belum dikembalikan."));
        assertThat(replied.json().get("status").asString()).as("back to the agency").isEqualTo("FORWARDED");
        complaining.step(complaining.token(Complaining.OFFICER), code, "ANSWER", "Uang Rp50.000 sudah dikembalikan.");
        ApiClient.Response early = complaining.asComplainant(code, "rating", "{\"rating\": 5}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("RATING_NOT_OPEN");

        JsonNode closed = complaining.asComplainant(code, "close", "{}").json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("open").asBoolean()).isFalse();
        assertThat(closed.get("complainantActions").toString()).isEqualTo("[\"REOPEN\",\"RATE\"]");
        ApiClient.Response late = complaining.asComplainant(code, "replies", Complaining.text("Satu lagi"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("COMPLAINT_NOT_OPEN");
        assertThat(complaining.asComplainant(code, "rating", "{\"rating\": 6}").json().get("field").asString())
                .isEqualTo("rating");
        assertThat(complaining.asComplainant(code, "rating", "{\"rating\": 4}").json().get("rating").asInt())
                .isEqualTo(4);
        assertThat(complaining.asComplainant(code, "rating", "{\"rating\": 5}").status()).isEqualTo(409);

        assertThat(complaining.asComplainant(code, "reopen", Complaining.text("")).json().get("code").asString())
                .isEqualTo("NOTE_REQUIRED");
        JsonNode reopened = complaining.asComplainant(code, "reopen",
                Complaining.text("Petugas yang sama meminta uang lagi.")).json();
        assertThat(reopened.get("status").asString()).isEqualTo("REOPENED");
        assertThat(reopened.get("rating").isNull()).as("the earlier rating no longer stands").isTrue();
        String manager = complaining.token(Complaining.MANAGER);
        complaining.step(manager, code, "FORWARD", "");
        complaining.step(complaining.token(Complaining.OFFICER), code, "ANSWER", "Petugas dipindahtugaskan.");
        complaining.asComplainant(code, "close", "{}");
        ApiClient.Response again = complaining.asComplainant(code, "reopen", Complaining.text("Lagi"),
                "Accept-Language", "en");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("REOPEN_LIMIT_REACHED");
        assertThat(again.json().get("detail").asString())
                .isEqualTo("This complaint was reopened before; at most 1 time.");

        assertThat(actions(code)).containsExactly("FILE", "VERIFY", "FORWARD", "ANSWER", "REPLY", "ANSWER", "CLOSE",
                "RATE", "REOPEN", "FORWARD", "ANSWER", "CLOSE");
        TestMailServer.awaitMail(email, "Pengaduan " + code, 11); // filed, and every change of state after it
    }

    @Test
    void aMissedDeadlineIsEscalatedOnceEvenWithTwoInstancesLooking() {
        String code = complaining.file(null).get("code").asString();
        Complaint received = stored(code);
        assertThat(received.dueAt()).as("verification within 3 working days: Tue 1 Dec + 3 = end of Fri 4 Dec")
                .isEqualTo(LocalDate.of(2026, 12, 5).atStartOfDay(java.time.ZoneId.of("Asia/Jakarta")).toInstant());
        pastDeadline(code);

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> complaints.handleOverdue(100));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> complaints.handleOverdue(100));
        one.join();
        two.join();
        complaints.handleOverdue(100);

        Complaint escalated = stored(code);
        assertThat(escalated.escalatedAt()).isNotNull();
        assertThat(escalated.state().value()).isEqualTo("RECEIVED");
        assertThat(actions(code).stream().filter(Complaints.ESCALATE::equals)).hasSize(1);
        assertThat(complaints.timeline(escalated.id()).getLast().visibility())
                .isEqualTo(ComplaintStep.Visibility.INTERNAL);
        JsonNode listed = complaining.api().get("/api/v1/complaints", "Authorization",
                ApiClient.bearer(complaining.token(Complaining.MANAGER))).json();
        JsonNode row = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
                .filter(r -> r.get("code").asString().equals(code)).findFirst().orElseThrow();
        assertThat(row.get("escalated").asBoolean()).isTrue();
        assertThat(listed.get(0).get("dueAt").asString()).as("the nearest deadline first")
                .isLessThanOrEqualTo(row.get("dueAt").asString());

        String manager = complaining.token(Complaining.MANAGER);
        assertThat(complaining.step(manager, code, "VERIFY", "").get("escalated").asBoolean())
                .as("a new state, a new deadline").isFalse();
    }

    @Test
    void anAnswerNobodyRespondsToIsClosedWhenTheComplainantsTimeIsUp() throws Exception {
        String email = Complaining.freshEmail();
        String code = complaining.answered(email).get("code").asString();
        pastDeadline(code);
        complaints.handleOverdue(100);

        Complaint closed = stored(code);
        assertThat(closed.state().value()).isEqualTo("CLOSED");
        assertThat(closed.open()).isFalse();
        assertThat(closed.escalatedAt()).isNull();
        ComplaintStep last = complaints.timeline(closed.id()).getLast();
        assertThat(last.action()).isEqualTo("CLOSE_AUTOMATICALLY");
        assertThat(last.actorKind()).isEqualTo(Actor.SYSTEM);
        assertThat(GreenMailUtil.getBody(TestMailServer.awaitMail(email, "Pengaduan " + code + ": Selesai")))
                .contains("tidak ada tanggapan");
    }

    @Test
    void aComplaintPassedOnToLaporIsFiledThereAndItsAnswerComesBack() {
        String code = complaining.file(null).get("code").asString();
        String manager = complaining.token(Complaining.MANAGER);
        complaining.step(manager, code, "VERIFY", "");
        JsonNode atLapor = complaining.step(manager, code, "FORWARD_TO_LAPOR", "Kewenangan Kementerian");
        assertThat(atLapor.get("status").asString()).isEqualTo("AT_LAPOR");
        // Passed on long enough ago for the simulator to have answered by now.
        jdbc.sql("UPDATE complaint SET lapor_requested_at = :at WHERE code = :code")
                .param("at", Timestamp.from(LONG_AGO))
                .param("code", ComplaintCode.parse(code).orElseThrow().value()).update();

        complaints.sendToLapor(100);
        Complaint sent = stored(code);
        assertThat(sent.lapor().reportId()).isEqualTo("SIM-" + LONG_AGO.getEpochSecond() + "-" + code);
        complaints.followLapor(100);

        Complaint answered = stored(code);
        assertThat(answered.state().value()).isEqualTo("ANSWERED");
        assertThat(answered.lapor().status()).isEqualTo("ANSWERED");
        JsonNode seen = complaining.api().get("/api/v1/complaints/" + code).json();
        JsonNode answer = seen.get("steps").get(seen.get("steps").size() - 1);
        assertThat(answer.get("action").asString()).isEqualTo("LAPOR_ANSWER");
        assertThat(answer.get("note").asString()).isEqualTo(SimulatedLaporGateway.REPLY);
        assertThat(actions(code)).containsSubsequence("FORWARD_TO_LAPOR", "LAPOR_SENT", "LAPOR_STATUS",
                "LAPOR_ANSWER");
        assertThat(complaints.followLapor(100)).as("nothing more to ask about").isZero();
    }

    @Test
    void aCitizensContactAndFilesAreShownToStaffOnlyOnRequestAndEachShowingIsLogged() {
        // Another test may have given this demo citizen an account with other contacts.
        id.satupintu.identity.TestCitizens.withoutAccount(jdbc, fingerprints, "7202015402010006");
        Citizen citizen = citizens.registerVerified("7202015402010006", "Agustina Lamasi", LocalDate.of(2001, 2, 14),
                "agustina.lamasi@example.test", null);
        Complaint filed = complaints.file(new Complaints.NewComplaint(Complaining.MALL, "", "", "facilities",
                "Kursi ruang tunggu banyak yang patah dan tidak diperbaiki.", "diabaikan@example.test", null),
                List.of(new Complaints.Upload("kursi.pdf", Complaining.pdf())), citizen.id(), Complaints.WEB,
                java.util.Locale.of("id"));
        assertThat(filed.contactEmail()).as("the account's contact counts").isNull();
        String code = filed.code().display();

        ApiClient web = new ApiClient(port);
        web.signIn(Complaining.MANAGER, Complaining.PASSWORD);
        String page = web.get("/staff/complaints/" + code).body();
        long before = logged(citizen);
        assertThat(page).contains("Kursi ruang tunggu").contains("kursi.pdf")
                .doesNotContain("agustina.lamasi@example.test").doesNotContain("Agustina");
        assertThat(logged(citizen)).isEqualTo(before);

        String shown = web.get("/staff/complaints/" + code + "?contact=show").body();
        assertThat(shown).contains("agustina.lamasi@example.test").contains("Agustina Lamasi");
        assertThat(logged(citizen)).isEqualTo(before + 1);
        String attachment = complaints.attachments(filed.id()).getFirst().id().toString();
        ApiClient.Response file = web.get("/staff/complaints/" + code + "/attachments/" + attachment);
        assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(logged(citizen)).isEqualTo(before + 2);

        ApiClient officer = new ApiClient(port);
        officer.signIn(Complaining.OFFICER, Complaining.PASSWORD);
        assertThat(officer.get("/staff/complaints/" + code + "?contact=show").status())
                .as("not forwarded to an agency").isEqualTo(404);
        assertThat(logged(citizen)).isEqualTo(before + 2);
    }

    long logged(Citizen citizen) {
        return jdbc.sql("""
                SELECT count(*) FROM processing_log WHERE citizen_id = :citizen AND purpose = 'COMPLAINT_HANDLING'
                """).param("citizen", citizen.id().value()).query(Long.class).single();
    }
}
