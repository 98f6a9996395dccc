package id.satupintu.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.region.Malls;
import id.satupintu.shared.web.LimitedPublicWrite;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The survey API of the integration contract over real HTTP, at MPP Kabupaten Kubu Raya (61.12), on a service of
 * the test's own under PLN, so that no other test's answers mix in: answering after a finished ticket or an issued
 * application, paper questionnaires by the mall's manager, the errors in both languages, and the index.
 */
@SatuPintuTest
class SurveyApiTests {

    static final String MALL = "61.12";
    static final String ID = "Accept-Language";
    static final Map<String, Integer> ALL_NINE = ordered("U1", 4, "U2", 4, "U3", 3, "U4", 3, "U5", 4, "U6", 3,
            "U7", 4, "U8", 2, "U9", 3);

    private static SurveyFixtures fixtures;

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        if (fixtures == null) {
            fixtures = new SurveyFixtures(api, catalogue, malls, MALL, "pln", "SV");
        }
    }

    static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    static String body(String serviceCode, String reference, String id, Object answers, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mallCode", MALL);
        body.put("serviceCode", serviceCode);
        if (reference != null) {
            body.put(reference, id);
        }
        body.put("answers", answers);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return SurveyFixtures.JSON.writeValueAsString(body);
    }

    ApiClient.Response answer(String body, String... headers) {
        return api.postJson("/api/v1/surveys", body, headers);
    }

    JsonNode ikm(String query) {
        return ikm(fixtures, query);
    }

    JsonNode ikm(SurveyFixtures service, String query) {
        ApiClient.Response response = api.get("/api/v1/malls/" + MALL + "/ikm?serviceCode=" + service.serviceCode()
                + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aFinishedTicketIsRatedOnceAndTheIndexCountsIt() {
        SurveyFixtures own = new SurveyFixtures(api, catalogue, malls, MALL, "pln", "SW");
        String ticket = own.finishedTicket();
        JsonNode before = ikm(own, "");
        assertThat(before.get("respondents").asLong()).isZero();
        assertThat(before.get("ikm").isNull()).isTrue();
        assertThat(before.get("population").asLong()).isEqualTo(1);
        assertThat(before.get("minimumSample").asInt()).isEqualTo(1);
        assertThat(before.get("sampleReached").asBoolean()).isFalse();

        ApiClient.Response answered = answer(body(own.serviceCode(), "ticketId", ticket, ALL_NINE,
                "respondent", Map.of("age", 34, "sex", "FEMALE", "education", "SMA", "occupation", "WIRAUSAHA")));
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.json().get("source").asString()).isEqualTo("ONLINE");
        assertThat(answered.json().get("answeredOn").asString()).isEqualTo("2026-12-01");

        ApiClient.Response again = answer(body(own.serviceCode(), "ticketId", ticket, Map.of("U1", 1)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("ALREADY_ANSWERED");
        assertThat(again.json().get("detail").asString())
                .isEqualTo("Survei untuk tiket atau permohonan ini sudah diisi.");
        assertThat(answer(body(own.serviceCode(), "ticketId", ticket, Map.of("U1", 1)), ID, "en").json()
                .get("detail").asString()).isEqualTo("The survey for this ticket or application has already been answered.");

        JsonNode ikm = ikm(own, "");
        assertThat(ikm.get("respondents").asLong()).isEqualTo(1);
        assertThat(ikm.get("elements")).hasSize(9);
        assertThat(ikm.get("elements").get(0).get("code").asString()).isEqualTo("U1");
        assertThat(ikm.get("elements").get(7).get("name").asString())
                .isEqualTo("Penanganan pengaduan, saran, dan masukan");
        // 4 4 3 3 4 3 4 2 3: the NRRs sum to 30, so IKM = 30 / 9 x 25 = 83.33, grade B
        assertThat(ikm.get("ikm").decimalValue()).isEqualByComparingTo("83.33");
        assertThat(ikm.get("grade").asString()).isEqualTo("B");
        assertThat(ikm.get("nrrAverage").decimalValue()).isEqualByComparingTo("3.3333");
        assertThat(ikm.get("elements").get(7).get("ikm").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(ikm.get("elements").get(7).get("grade").asString()).isEqualTo("D");
        assertThat(ikm.get("weakestElements").toString()).isEqualTo("[\"U8\",\"U3\",\"U4\"]");
        assertThat(ikm.get("complete").asBoolean()).isTrue();
        assertThat(ikm.get("sources").toString()).isEqualTo("{\"ONLINE\":1}");
        assertThat(ikm.get("sampleReached").asBoolean()).isTrue();

        // The response keeps neither the ticket nor anything that leads back to it without the key.
        assertThat(jdbc.sql("SELECT count(*) FROM survey_response WHERE reference_hash LIKE :id"
                        + " OR CAST(id AS text) = :id").param("id", ticket).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'survey_response'"
                        + " AND data_type LIKE 'timestamp%'").query(Long.class).single()).isZero();
    }

    @Test
    void theSurveyOpensOnlyForAFinishedTicketOfThatService() {
        String waiting = fixtures.waitingTicket();
        ApiClient.Response early = answer(body(fixtures.serviceCode(), "ticketId", waiting, ALL_NINE));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("SURVEY_NOT_OPEN");

        ApiClient.Response unknown = answer(body(fixtures.serviceCode(), "ticketId", UUID.randomUUID().toString(),
                ALL_NINE));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("TICKET_NOT_FOUND");
        assertThat(answer(body(fixtures.serviceCode(), "ticketId", "not-a-ticket", ALL_NINE)).status())
                .isEqualTo(404);

        String other = catalogue.activeServices(malls.getByCode(MALL).id()).getFirst().code();
        ApiClient.Response elsewhere = answer(body(other, "ticketId", fixtures.finishedTicket(), ALL_NINE), ID, "en");
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().get("code").asString()).isEqualTo("INVALID_SURVEY");
        assertThat(elsewhere.json().get("detail").asString())
                .isEqualTo("This ticket or application is for service " + fixtures.serviceCode() + " at mall 61.12.");
    }

    @Test
    void answersOutsideTheScaleOrTheElementsAreRefusedInTheCallersLanguageAndNothingIsStored() {
        String ticket = fixtures.finishedTicket();
        long before = ikm("").get("respondents").asLong();
        String service = fixtures.serviceCode();

        ApiClient.Response five = answer(body(service, "ticketId", ticket, Map.of("U1", 5)));
        assertThat(five.status()).isEqualTo(422);
        assertThat(five.header("Content-Type")).startsWith("application/problem+json");
        assertThat(five.json().get("code").asString()).isEqualTo("INVALID_SURVEY");
        assertThat(five.json().get("detail").asString()).isEqualTo("Jawaban untuk U1 harus angka 1 sampai 4, bukan 5.");
        assertThat(answer(body(service, "ticketId", ticket, Map.of("U1", 5)), ID, "en").json().get("detail")
                .asString()).isEqualTo("The answer to U1 must be a number from 1 to 4, not 5.");

        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("zero", Map.of("U2", 0));
        refused.put("fraction", Map.of("U3", 2.5));
        refused.put("text", Map.of("U4", "3"));
        refused.put("unknown element", ordered("U1", 4, "U10", 3));
        refused.put("nothing", Map.of());
        Map<String, Integer> allLeftOut = new LinkedHashMap<>();
        allLeftOut.put("U1", null);
        refused.put("all left out", allLeftOut);
        refused.forEach((why, answers) -> {
            ApiClient.Response response = answer(body(service, "ticketId", ticket, answers));
            assertThat(response.status()).as(why).isEqualTo(422);
            assertThat(response.json().get("code").asString()).as(why).isEqualTo("INVALID_SURVEY");
        });
        assertThat(answer(body(service, "ticketId", ticket, ordered("U1", 4, "U10", 3)), ID, "en").json()
                .get("detail").asString())
                .isEqualTo("The survey has no element U10; its elements are U1, U2, U3, U4, U5, U6, U7, U8, U9.");

        ApiClient.Response anonymous = answer(body(service, null, null, ALL_NINE));
        assertThat(anonymous.status()).isEqualTo(422);
        assertThat(anonymous.json().get("detail").asString()).isEqualTo(
                "Sebutkan ticketId tiket yang sudah selesai atau submissionId permohonan yang sudah terbit.");
        assertThat(answer(body(service, "ticketId", ticket, ALL_NINE, "submissionId", UUID.randomUUID().toString()))
                .status()).isEqualTo(422);
        assertThat(answer(body(service, "ticketId", ticket, ALL_NINE, "answeredOn", "2026-11-20")).status())
                .isEqualTo(422);
        assertThat(answer(body(service, "ticketId", ticket, ALL_NINE, "respondent", Map.of("age", 7))).status())
                .isEqualTo(422);
        ApiClient.Response sex = answer(body(service, "ticketId", ticket, ALL_NINE, "respondent", Map.of("sex", "X")),
                ID, "en");
        assertThat(sex.status()).isEqualTo(422);
        assertThat(sex.json().get("detail").asString()).isEqualTo("The value X is unknown for sex; the choices are "
                + "[MALE, FEMALE].");

        assertThat(api.postJson("/api/v1/surveys", "{\"serviceCode\":\"x\",\"answers\":{}}").status())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/surveys", "{\"mallCode\": ").status()).isEqualTo(400);
        ApiClient.Response noMall = api.postJson("/api/v1/surveys", "{\"mallCode\":\"99.99\",\"serviceCode\":\"x\","
                + "\"ticketId\":\"" + ticket + "\",\"answers\":{\"U1\":4}}");
        assertThat(noMall.status()).isEqualTo(404);
        assertThat(noMall.json().get("code").asString()).isEqualTo("MALL_NOT_FOUND");

        assertThat(ikm("").get("respondents").asLong()).isEqualTo(before);
        assertThat(answer(body(service, "ticketId", ticket, Map.of("U7", 4))).status()).isEqualTo(201);
    }

    @Test
    void theMallsManagerEntersPaperQuestionnairesAndOthersMayNot() {
        String manager = "Bearer " + api.token("manager-6112", SurveyFixtures.PASSWORD);
        String service = fixtures.serviceCode();
        String query = "&from=2026-11-01&to=2026-11-30";
        assertThat(ikm(query).get("respondents").asLong()).isZero();

        for (Map<String, Integer> sheet : List.of(ordered("U1", 4, "U2", 3), ordered("U1", 3),
                ordered("U1", 4, "U2", 4, "U3", 1))) {
            ApiClient.Response entered = answer(body(service, null, null, sheet, "answeredOn", "2026-11-15"),
                    "Authorization", manager);
            assertThat(entered.status()).as(entered.body()).isEqualTo(201);
            assertThat(entered.json().get("source").asString()).isEqualTo("PAPER");
            assertThat(entered.json().get("answeredOn").asString()).isEqualTo("2026-11-15");
        }

        // U1 by three (4, 3, 4), U2 by two (3, 4), U3 by one (1), the rest by nobody:
        // IKM = (11/3 + 7/2 + 1) / 3 x 25 = 68.06
        JsonNode november = ikm(query);
        assertThat(november.get("respondents").asLong()).isEqualTo(3);
        JsonNode u1 = november.get("elements").get(0);
        assertThat(u1.get("respondents").asLong()).isEqualTo(3);
        assertThat(u1.get("nrr").decimalValue()).isEqualByComparingTo("3.6667");
        assertThat(u1.get("ikm").decimalValue()).isEqualByComparingTo("91.67");
        assertThat(u1.get("grade").asString()).isEqualTo("A");
        assertThat(november.get("elements").get(1).get("nrr").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(november.get("elements").get(2).get("nrr").decimalValue()).isEqualByComparingTo("1");
        assertThat(november.get("elements").get(3).get("nrr").isNull()).isTrue();
        assertThat(november.get("ikm").decimalValue()).isEqualByComparingTo("68.06");
        assertThat(november.get("grade").asString()).isEqualTo("C");
        assertThat(november.get("complete").asBoolean()).isFalse();
        assertThat(november.get("unansweredElements").toString())
                .isEqualTo("[\"U4\",\"U5\",\"U6\",\"U7\",\"U8\",\"U9\"]");
        assertThat(november.get("sources").toString()).isEqualTo("{\"PAPER\":3}");
        assertThat(november.get("from").asString()).isEqualTo("2026-11-01");
        JsonNode trend = november.get("trend");
        assertThat(trend).hasSize(12);
        assertThat(trend.get(11).get("month").asString()).isEqualTo("2026-11");
        assertThat(trend.get(11).get("respondents").asLong()).isEqualTo(3);

        String other = "Bearer " + api.token("manager-3671", SurveyFixtures.PASSWORD);
        ApiClient.Response elsewhere = answer(body(service, null, null, ALL_NINE), "Authorization", other);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        String officer = "Bearer " + api.token("officer-6112-pln", SurveyFixtures.PASSWORD);
        assertThat(answer(body(service, null, null, ALL_NINE), "Authorization", officer).status()).isEqualTo(403);
        ApiClient.Response future = answer(body(service, null, null, ALL_NINE, "answeredOn", "2026-12-25"),
                "Authorization", manager, ID, "en");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("detail").asString()).startsWith("The day filled in, Friday, 25 December 2026");
        ApiClient.Response badToken = answer(body(service, null, null, ALL_NINE), "Authorization", "Bearer nope");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(ikm(query).get("respondents").asLong()).isEqualTo(3);
    }

    @Test
    void periodsAreLocalDaysAndABackwardPeriodIsRefused() {
        ApiClient.Response backwards = api.get("/api/v1/malls/" + MALL + "/ikm?from=2026-12-01&to=2026-11-01");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("code").asString()).isEqualTo("INVALID_PERIOD");
        assertThat(backwards.json().get("detail").asString())
                .isEqualTo("Periode tidak sah: Selasa, 1 Desember 2026 jatuh sesudah Minggu, 1 November 2026.");
        assertThat(api.get("/api/v1/malls/" + MALL + "/ikm?from=kemarin").status()).isEqualTo(400);
        ApiClient.Response agency = api.get("/api/v1/malls/" + MALL + "/ikm?agencyCode=nope");
        assertThat(agency.status()).isEqualTo(404);
        assertThat(agency.json().get("code").asString()).isEqualTo("AGENCY_NOT_FOUND");
        assertThat(api.get("/api/v1/malls/99.99/ikm").status()).isEqualTo(404);

        JsonNode byDefault = api.get("/api/v1/malls/" + MALL + "/ikm").json();
        assertThat(byDefault.get("from").asString()).isEqualTo("2026-01-01");
        assertThat(byDefault.get("to").asString()).isEqualTo("2026-12-01");
        assertThat(byDefault.get("mallCode").asString()).isEqualTo(MALL);
        assertThat(byDefault.has("malls")).isFalse();
        JsonNode byAgency = api.get("/api/v1/malls/" + MALL + "/ikm?agencyCode=pln").json();
        assertThat(byAgency.get("agencyCode").asString()).isEqualTo("pln");
        assertThat(byAgency.get("respondents").asLong()).isGreaterThanOrEqualTo(ikm("").get("respondents").asLong());
    }

    @Test
    void theNationalIndexCoversEveryMall() {
        JsonNode nation = api.get("/api/v1/ikm?from=2025-12-01&to=2026-12-01").json();
        assertThat(nation.get("mallCode").isNull()).isTrue();
        assertThat(nation.get("malls")).hasSize(14);
        long sum = nation.get("malls").valueStream().mapToLong(m -> m.get("respondents").asLong()).sum();
        assertThat(nation.get("respondents").asLong()).isEqualTo(sum).isPositive();
        JsonNode wajo = nation.get("malls").valueStream().filter(m -> m.get("mallCode").asString().equals("73.13"))
                .findFirst().orElseThrow();
        assertThat(wajo.get("respondents").asLong()).as("demo answers").isGreaterThan(300);
        assertThat(wajo.get("grade").asString()).isIn("A", "B", "C");
        assertThat(nation.get("minimumSample").asInt()).isPositive();
    }

    @Test
    void anIssuedApplicationIsRatedOnce() throws IOException {
        String client = clientToken();
        String officer = api.token("officer-3217-dpmptsp", SurveyFixtures.PASSWORD);
        String[] asClient = {"Authorization", ApiClient.bearer(client)};
        String[] asOfficer = {"Authorization", ApiClient.bearer(officer)};
        ApiClient.Response created = api.postJson("/api/v1/submissions", SurveyFixtures.JSON.writeValueAsString(
                Map.of("mallCode", "32.17", "serviceCode", "pb-umku", "purpose", "Warung kelontong",
                        "applicant", Map.of("nik", "3217015203900001", "fullName", "Siti Nurhaliza",
                                "birthDate", "1990-03-12", "email", "siti.nurhaliza@example.test"))), asClient);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String base = "/api/v1/submissions/" + id;
        for (int requirement = 0; requirement < created.json().get("requirements").size(); requirement++) {
            assertThat(api.postFile(base + "/documents", "file", "berkas.pdf", pdf(),
                    new String[] {"requirementIndex", Integer.toString(requirement)}, asClient).status())
                    .isEqualTo(201);
        }
        assertThat(api.postJson(base + "/submit", "{}", asClient).status()).isEqualTo(200);
        String rating = "{\"mallCode\":\"32.17\",\"serviceCode\":\"pb-umku\",\"submissionId\":\"" + id
                + "\",\"answers\":{\"U1\":4,\"U3\":2}}";
        assertThat(answer(rating).json().get("code").asString()).isEqualTo("SURVEY_NOT_OPEN");

        for (String action : List.of("START_VERIFICATION", "ACCEPT", "APPROVE", "ISSUE")) {
            ApiClient.Response acted = api.postJson(base + "/actions", "{\"action\":\"" + action + "\"}", asOfficer);
            assertThat(acted.status()).as(action + ": " + acted.body()).isEqualTo(200);
        }
        ApiClient.Response answered = answer(rating);
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answer(rating).json().get("code").asString()).isEqualTo("ALREADY_ANSWERED");
        assertThat(answer(rating.replace(id, UUID.randomUUID().toString())).json().get("code").asString())
                .isEqualTo("SUBMISSION_NOT_FOUND");
        JsonNode ikm = api.get("/api/v1/malls/32.17/ikm?serviceCode=pb-umku").json();
        assertThat(ikm.get("respondents").asLong()).isPositive();
        assertThat(ikm.get("population").asLong()).as("issued applications count as served").isPositive();
    }

    @Test
    void theContractIsDescribedAndPublicAnswersAreRateLimited() throws NoSuchMethodException {
        String docs = api.get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/surveys", "/api/v1/malls/{mallCode}/ikm", "/api/v1/ikm", "INVALID_SURVEY",
                "ALREADY_ANSWERED");
        assertThat(SurveyApiController.class.getDeclaredMethod("answer", SurveyApiController.SurveyRequest.class)
                .isAnnotationPresent(LimitedPublicWrite.class)).isTrue();
    }

    private String clientToken() {
        String basic = Base64.getEncoder().encodeToString(("superapp-demo:" + SurveyFixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return api.postForm("/api/v1/oauth2/token", "grant_type=client_credentials", "Authorization",
                "Basic " + basic).json().get("access_token").asString();
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
