package id.satupintu.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.ServiceRequests;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.DayOverride;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.CounterId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static id.satupintu.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** The queue API of the integration contract, through a real HTTP client, at MPP Kabupaten Aceh Besar. */
@SatuPintuTest
class QueueApiTests {

    static final String PASSWORD = "mpp-demo-2026";
    static final String MALL = "11.06";

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    @Autowired
    MallCalendar calendar;

    ApiClient api;
    String officer;
    long counter;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        officer = api.token("officer-1106-polri", PASSWORD);
        Mall mall = malls.getByCode(MALL);
        CounterId created = catalogue.createCounter(mall.id(), "polri", "Uji API " + UUID.randomUUID(),
                List.of("skck-baru", "skck-perpanjangan"));
        counter = created.value();
        assertThat(post("/api/v1/counters/" + counter + "/open", "").status()).isEqualTo(200);
        drain();
    }

    @Test
    void aTicketIsIssuedWithItsNumberPlaceAndEstimateAndCanBeFollowedByItsId() {
        ApiClient.Response issued = api.postJson("/api/v1/malls/" + MALL + "/tickets", "{\"serviceCode\":\"skck-baru\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode ticket = issued.json();
        assertThat(ticket.get("number").asString()).matches("C\\d{3}");
        assertThat(ticket.get("serviceCode").asString()).isEqualTo("skck-baru");
        assertThat(ticket.get("status").asString()).isEqualTo("WAITING");
        assertThat(ticket.get("position").asInt()).isEqualTo(1);
        assertThat(ticket.get("estimatedWaitMinutes").asInt()).isZero();
        assertThat(ticket.get("issuedAt").asString()).endsWith("+07:00");
        assertThat(UUID.fromString(ticket.get("id").asString()).version()).isEqualTo(4);

        JsonNode second = api.postJson("/api/v1/malls/" + MALL + "/tickets",
                "{\"serviceCode\":\"skck-perpanjangan\"}").json();
        assertThat(second.get("position").asInt()).isEqualTo(1);
        assertThat(second.get("estimatedWaitMinutes").asInt()).isPositive();

        JsonNode followed = api.get("/api/v1/tickets/" + ticket.get("id").asString()).json();
        assertThat(followed.get("number").asString()).isEqualTo(ticket.get("number").asString());
        assertThat(followed.get("status").asString()).isEqualTo("WAITING");
    }

    @Test
    void withNoCounterOpenForTheServiceATicketIsPlacedInLineWithoutAnEstimate() {
        JsonNode first = issueJson("akta-kelahiran", null);
        JsonNode second = issueJson("akta-kelahiran", null);
        JsonNode priority = issueJson("akta-kelahiran", "ELDERLY");
        assertThat(second.get("position").asInt()).isEqualTo(first.get("position").asInt() + 1);
        assertThat(second.get("peopleAhead").asInt()).isEqualTo(second.get("position").asInt() - 1);
        assertThat(second.path("estimatedWaitMinutes").isNumber()).isFalse();
        assertThat(priority.get("position").asInt()).isLessThanOrEqualTo(first.get("position").asInt());
        JsonNode followed = api.get("/api/v1/tickets/" + second.get("id").asString()).json();
        assertThat(followed.get("position").asInt()).isEqualTo(second.get("position").asInt() + 1);
    }

    @Test
    void aCounterCallsServesAndFinishesAndTellsWhenNobodyWaits() {
        String id = issue("skck-baru", null);
        ApiClient.Response called = post("/api/v1/counters/" + counter + "/call-next", "");
        assertThat(called.status()).isEqualTo(200);
        assertThat(called.json().get("id").asString()).isEqualTo(id);
        assertThat(called.json().get("status").asString()).isEqualTo("CALLED");
        assertThat(called.json().get("counter").get("id").asLong()).isEqualTo(counter);
        assertThat(api.get("/api/v1/tickets/" + id).json().get("counter").get("name").asString()).startsWith("Uji API");

        ApiClient.Response busy = post("/api/v1/counters/" + counter + "/call-next", "");
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().get("code").asString()).isEqualTo("COUNTER_BUSY");

        assertThat(post("/api/v1/tickets/" + id + "/start", "").json().get("status").asString()).isEqualTo("SERVING");
        ApiClient.Response illegal = post("/api/v1/tickets/" + id + "/no-show", "");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(post("/api/v1/tickets/" + id + "/finish", "{\"outcome\":\"COMPLETED\"}").json().get("status")
                .asString()).isEqualTo("DONE");
        assertThat(post("/api/v1/counters/" + counter + "/call-next", "").status()).isEqualTo(204);
    }

    @Test
    void priorityTicketsGoFirstButRegularOnesAreNotStarved() {
        String r1 = issue("skck-baru", null);
        String p1 = issue("skck-baru", "ELDERLY");
        String p2 = issue("skck-perpanjangan", "PREGNANT");
        String p3 = issue("skck-baru", "DISABILITY");
        assertThat(callServeFinish()).isEqualTo(p1);
        assertThat(callServeFinish()).isEqualTo(p2);
        assertThat(callServeFinish()).isEqualTo(r1);
        assertThat(callServeFinish()).isEqualTo(p3);
    }

    @Test
    void aTransferredCitizenKeepsTheTicketAndTheirPlaceByArrival() {
        String first = issue("skck-baru", null);
        String later = issue("skck-perpanjangan", null);
        post("/api/v1/counters/" + counter + "/call-next", "");
        post("/api/v1/tickets/" + first + "/start", "");
        ApiClient.Response transferred = post("/api/v1/tickets/" + first + "/transfer",
                "{\"serviceCode\":\"skck-perpanjangan\"}");
        assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
        assertThat(transferred.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(transferred.json().get("serviceCode").asString()).isEqualTo("skck-perpanjangan");
        assertThat(callServeFinish()).as("arrived before the other one").isEqualTo(first);
        assertThat(callServeFinish()).isEqualTo(later);
    }

    @Test
    void recallsAreLimitedAndANoShowEndsTheTicket() {
        String id = issue("skck-baru", null);
        post("/api/v1/counters/" + counter + "/call-next", "");
        ApiClient.Response tooSoon = post("/api/v1/tickets/" + id + "/recall", "");
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.json().get("code").asString()).isEqualTo("RECALL_TOO_SOON");
        assertThat(post("/api/v1/tickets/" + id + "/no-show", "").json().get("status").asString())
                .isEqualTo("NO_SHOW");
        assertThat(api.get("/api/v1/tickets/" + id).json().get("status").asString()).isEqualTo("NO_SHOW");
    }

    @Test
    void aCounterMustBeOpenToCallAndPausingNeedsAReason() {
        ApiClient.Response noReason = post("/api/v1/counters/" + counter + "/pause", "{\"reason\":\"\"}");
        assertThat(noReason.status()).isEqualTo(400);
        ApiClient.Response paused = post("/api/v1/counters/" + counter + "/pause", "{\"reason\":\"Istirahat\"}");
        assertThat(paused.json().get("status").asString()).isEqualTo("PAUSED");
        issue("skck-baru", null);
        ApiClient.Response refused = post("/api/v1/counters/" + counter + "/call-next", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("COUNTER_NOT_OPEN");
        JsonNode listed = api.get("/api/v1/counters", "Authorization", bearer(officer)).json();
        assertThat(listed.toString()).contains("\"status\":\"PAUSED\"", "\"agencyCode\":\"polri\"")
                .doesNotContain("\"agencyCode\":\"dukcapil\"");
        post("/api/v1/counters/" + counter + "/open", "");
    }

    @Test
    void anOfficerCannotActOnAnotherAgencysCounterOrTickets() {
        String id = issue("skck-baru", null);
        post("/api/v1/counters/" + counter + "/call-next", "");
        String dukcapil = api.token("officer-1106-dukcapil", PASSWORD);
        assertThat(api.postJson("/api/v1/counters/" + counter + "/call-next", "", "Authorization", bearer(dukcapil))
                .status()).isEqualTo(403);
        ApiClient.Response start = api.postJson("/api/v1/tickets/" + id + "/start", "", "Authorization",
                bearer(dukcapil));
        assertThat(start.status()).isEqualTo(403);
        assertThat(start.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        String otherMall = api.token("officer-1216-polri", PASSWORD);
        assertThat(api.postJson("/api/v1/counters/" + counter + "/close", "", "Authorization", bearer(otherMall))
                .status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/counters/" + counter + "/call-next", "").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tickets/" + id).json().get("status").asString()).isEqualTo("CALLED");
    }

    @Test
    void aUsedUpQuotaAndAClosedMallAreRefusedWithWhenToComeBack() {
        Mall mall = malls.getByCode(MALL);
        MallService kia = catalogue.service(mall.id(), "akta-kelahiran");
        catalogue.updateService(mall.id(), kia.code(), ServiceRequests.withQuota(catalogue, kia, 1), null);
        try {
            assertThat(api.postJson("/api/v1/malls/" + MALL + "/tickets", "{\"serviceCode\":\"akta-kelahiran\"}")
                    .status()).isEqualTo(201);
            ApiClient.Response full = api.postJson("/api/v1/malls/" + MALL + "/tickets",
                    "{\"serviceCode\":\"akta-kelahiran\"}", "Accept-Language", "en");
            assertThat(full.status()).isEqualTo(409);
            assertThat(full.json().get("code").asString()).isEqualTo("QUOTA_EXHAUSTED");
            assertThat(full.json().get("opensAt").asString()).startsWith("2026-12-02T");
            assertThat(full.json().get("detail").asString()).contains("Wednesday, 2 December 2026");
        } finally {
            catalogue.updateService(mall.id(), kia.code(), ServiceRequests.withQuota(catalogue, kia, null), null);
        }

        LocalDate today = calendar.now(mall).toLocalDate();
        malls.putDayOverride(mall.id(), new DayOverride(today, false, "Pemadaman listrik"));
        try {
            ApiClient.Response closed = api.postJson("/api/v1/malls/" + MALL + "/tickets",
                    "{\"serviceCode\":\"skck-baru\"}");
            assertThat(closed.status()).isEqualTo(409);
            assertThat(closed.json().get("code").asString()).isEqualTo("MALL_CLOSED");
            assertThat(closed.json().get("detail").asString()).contains("Rabu, 2 Desember 2026");
        } finally {
            malls.removeDayOverride(mall.id(), today);
        }
    }

    @Test
    void badRequestsAreClearProblems() {
        ApiClient.Response unknownService = api.postJson("/api/v1/malls/" + MALL + "/tickets",
                "{\"serviceCode\":\"no-such\"}");
        assertThat(unknownService.status()).isEqualTo(404);
        assertThat(unknownService.json().get("code").asString()).isEqualTo("SERVICE_NOT_FOUND");
        assertThat(api.postJson("/api/v1/malls/" + MALL + "/tickets",
                "{\"serviceCode\":\"skck-baru\",\"priorityGroup\":\"VIP\"}").status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/malls/" + MALL + "/tickets", "{}").json().get("code").asString())
                .isEqualTo("INVALID_INPUT");
        assertThat(api.get("/api/v1/tickets/not-a-uuid").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tickets/" + UUID.randomUUID()).json().get("code").asString())
                .isEqualTo("TICKET_NOT_FOUND");
        assertThat(post("/api/v1/counters/999999/call-next", "").status()).isEqualTo(404);
    }

    private String issue(String serviceCode, String priorityGroup) {
        return issueJson(serviceCode, priorityGroup).get("id").asString();
    }

    private JsonNode issueJson(String serviceCode, String priorityGroup) {
        String body = priorityGroup == null ? "{\"serviceCode\":\"" + serviceCode + "\"}"
                : "{\"serviceCode\":\"" + serviceCode + "\",\"priorityGroup\":\"" + priorityGroup + "\"}";
        ApiClient.Response response = api.postJson("/api/v1/malls/" + MALL + "/tickets", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private String callServeFinish() {
        ApiClient.Response called = post("/api/v1/counters/" + counter + "/call-next", "");
        assertThat(called.status()).isEqualTo(200);
        String id = called.json().get("id").asString();
        post("/api/v1/tickets/" + id + "/start", "");
        post("/api/v1/tickets/" + id + "/finish", "");
        return id;
    }

    /** Sends away whatever earlier tests left waiting for these services, so each test starts on an empty line. */
    private void drain() {
        for (int i = 0; i < 500; i++) {
            ApiClient.Response called = post("/api/v1/counters/" + counter + "/call-next", "");
            if (called.status() == 204) {
                return;
            }
            assertThat(called.status()).as(called.body()).isEqualTo(200);
            post("/api/v1/tickets/" + called.json().get("id").asString() + "/no-show", "");
        }
        throw new AssertionError("The line did not empty");
    }

    /** Only this test's counter stays open, so estimates depend on it alone. */
    @AfterEach
    void closeCounter() {
        if (post("/api/v1/counters/" + counter + "/close", "").status() == 409 && lastCalled != null) {
            post("/api/v1/tickets/" + lastCalled + "/no-show", "");
            post("/api/v1/tickets/" + lastCalled + "/finish", "");
            post("/api/v1/counters/" + counter + "/close", "");
        }
    }

    private String lastCalled;

    private ApiClient.Response post(String path, String body) {
        ApiClient.Response response = api.postJson(path, body, "Authorization", bearer(officer));
        if (path.endsWith("/call-next") && response.status() == 200) {
            lastCalled = response.json().get("id").asString();
        }
        return response;
    }
}
