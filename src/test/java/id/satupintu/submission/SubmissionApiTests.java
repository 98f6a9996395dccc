package id.satupintu.submission;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.TestMailServer;
import id.satupintu.identity.NikFingerprints;
import id.satupintu.identity.TestCitizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applications API as an integrator and an officer use it, over real HTTP, at MPP Kabupaten Bandung Barat
 * (32.17): the demo super-app applies for a citizen of the registry simulator, the DPMPTSP officer processes it.
 */
@SatuPintuTest
class SubmissionApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NIK = "7402022307920004";
    static final String EMAIL = "andi.pratama@example.test";
    static final String DEMO_SECRET = "mpp-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NikFingerprints fingerprints;

    ApiClient api;

    @BeforeEach
    void freshApplicant() {
        api = new ApiClient(port);
        TestCitizens.withoutAccount(jdbc, fingerprints, NIK);
    }

    String clientToken() {
        String basic = Base64.getEncoder().encodeToString(("superapp-demo:" + DEMO_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        ApiClient.Response response = api.postForm("/api/v1/oauth2/token", "grant_type=client_credentials",
                "Authorization", "Basic " + basic);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(response.json().get("scope").asString()).isEqualTo("submissions");
        return response.json().get("access_token").asString();
    }

    String[] as(String token) {
        return new String[] {"Authorization", ApiClient.bearer(token), "Accept-Language", "en"};
    }

    static String draftBody(String service) {
        return JSON.writeValueAsString(Map.of("mallCode", "32.17", "serviceCode", service,
                "applicant", Map.of("nik", NIK, "fullName", "andi  pratama", "birthDate", "1992-07-23",
                        "email", EMAIL),
                "purpose", "Izin usaha warung"));
    }

    @Test
    void integratorsAuthenticateWithClientCredentialsAndReachOnlyTheApplicationsApi() {
        assertThat(api.postForm("/api/v1/oauth2/token", ApiClient.form("grant_type", "client_credentials",
                "client_id", "superapp-demo", "client_secret", "wrong-secret-123")).status()).isEqualTo(401);
        assertThat(api.postForm("/api/v1/oauth2/token", ApiClient.form("grant_type", "password",
                "client_id", "superapp-demo", "client_secret", DEMO_SECRET)).json().get("error").asString())
                .isEqualTo("unsupported_grant_type");
        ApiClient.Response post = api.postForm("/api/v1/oauth2/token", ApiClient.form("grant_type",
                "client_credentials", "client_id", "superapp-demo", "client_secret", DEMO_SECRET));
        assertThat(post.status()).isEqualTo(200);
        String token = post.json().get("access_token").asString();
        assertThat(api.get("/api/v1/counters", as(token)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/submissions/" + java.util.UUID.randomUUID(), as(token)).status())
                .isEqualTo(404);
        assertThat(api.postJson("/api/v1/submissions", draftBody("pb-umku")).status()).isEqualTo(401);
    }

    @Test
    void anApplicationGoesFromDraftThroughRevisionToASignedDocument() throws Exception {
        String client = clientToken();
        String officer = api.token("officer-3217-dpmptsp", DEMO_SECRET);

        ApiClient.Response created = api.postJson("/api/v1/submissions", draftBody("pb-umku"), as(client));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode draft = created.json();
        String id = draft.get("id").asString();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("trackingNumber").isNull()).isTrue();
        assertThat(draft.get("requirements")).hasSize(2);
        assertThat(draft.get("missingRequirements").toString()).isEqualTo("[0,1]");
        String base = "/api/v1/submissions/" + id;

        ApiClient.Response early = api.postJson(base + "/submit", "{}", as(client));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("code").asString()).isEqualTo("DOCUMENTS_MISSING");

        ApiClient.Response disguised = api.postFile(base + "/documents", "file", "ktp.pdf",
                SubmissionFiles.disguisedExecutable(), new String[] {"requirementIndex", "0"}, as(client));
        assertThat(disguised.status()).isEqualTo(422);
        assertThat(disguised.json().get("code").asString()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        ApiClient.Response noSuchRequirement = api.postFile(base + "/documents", "file", "x.pdf",
                SubmissionFiles.pdf(), new String[] {"requirementIndex", "7"}, as(client));
        assertThat(noSuchRequirement.json().get("code").asString()).isEqualTo("NO_SUCH_REQUIREMENT");
        assertThat(officerCannotSee(officer, base)).isTrue();

        ApiClient.Response pdf = api.postFile(base + "/documents", "file", "../../ktp scan", SubmissionFiles.pdf(),
                new String[] {"requirementIndex", "0"}, as(client));
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
        assertThat(pdf.json().get("displayName").asString()).doesNotContain("/").endsWith(".pdf");
        assertThat(pdf.json().get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(api.postFile(base + "/documents", "file", "foto.png", SubmissionFiles.png(),
                new String[] {"requirementIndex", "1"}, as(client)).status()).isEqualTo(201);

        JsonNode submitted = api.postJson(base + "/submit", "{}", as(client)).json();
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        String number = submitted.get("trackingNumber").asString();
        assertThat(number).matches("3217-20261201-\\d{6}");
        assertThat(submitted.get("dueAt").asString()).endsWith("+07:00");
        assertThat(api.postJson(base + "/submit", "{}", as(client)).json().get("code").asString())
                .isEqualTo("ALREADY_SUBMITTED");
        assertThat(GreenMailUtil.getBody(TestMailServer.awaitMail(EMAIL, "Application " + number)))
                .contains(number);

        assertThat(api.get("/api/v1/submissions", as(officer)).body()).contains(number);
        assertThat(act(officer, base, "ACCEPT", null).json().get("code").asString()).isEqualTo("ILLEGAL_ACTION");
        assertThat(act(officer, base, "START_VERIFICATION", null).json().get("status").asString())
                .isEqualTo("VERIFICATION");
        assertThat(act(officer, base, "RETURN_FOR_REVISION", " ").json().get("code").asString())
                .isEqualTo("NOTE_REQUIRED");
        JsonNode returned = act(officer, base, "RETURN_FOR_REVISION", "Foto kurang jelas, unggah ulang").json();
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("applicantActions").toString()).isEqualTo("[\"RESUBMIT\"]");

        assertThat(act(client, base, "RESUBMIT", null).json().get("code").asString())
                .isEqualTo("DOCUMENTS_REQUIRED");
        assertThat(api.postFile(base + "/documents", "file", "foto-baru.png", SubmissionFiles.png(),
                new String[] {"requirementIndex", "1"}, as(client)).status()).isEqualTo(201);
        assertThat(act(client, base, "APPROVE", null).status()).isEqualTo(409);
        assertThat(act(client, base, "RESUBMIT", null).json().get("status").asString()).isEqualTo("VERIFICATION");
        assertThat(act(client, base, "ACCEPT", null).json().get("code").asString()).isEqualTo("ACTION_NOT_ALLOWED");

        assertThat(act(officer, base, "ACCEPT", null).json().get("status").asString()).isEqualTo("PROCESSING");
        assertThat(act(officer, base, "APPROVE", null).json().get("status").asString()).isEqualTo("APPROVED");
        JsonNode issued = act(officer, base, "ISSUE", "Berlaku sesuai ketentuan").json();
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.get("closed").asBoolean()).isTrue();
        String documentId = issued.get("outputDocument").get("id").asString();
        assertThat(issued.get("outputDocument").get("verificationUrl").asString()).endsWith("/verify/" + documentId);
        assertThat(api.get("/api/v1/documents/" + documentId + "/verification").json().get("status").asString())
                .isEqualTo("VALID");
        assertThat(act(officer, base, "REJECT", "terlambat").json().get("code").asString())
                .isEqualTo("ILLEGAL_ACTION");

        JsonNode timeline = api.get(base + "/timeline", as(client)).json();
        assertThat(timeline.valueStream().map(step -> step.get("action").asString()).toList()).containsExactly(
                "SUBMIT", "START_VERIFICATION", "RETURN_FOR_REVISION", "RESUBMIT", "ACCEPT", "APPROVE", "ISSUE");
        assertThat(timeline.get(2).get("note").asString()).isEqualTo("Foto kurang jelas, unggah ulang");
        assertThat(timeline.get(1).get("actor").asString()).isEqualTo("OFFICER");

        JsonNode tracking = api.get("/api/v1/tracking/" + number).json();
        assertThat(tracking.get("status").asString()).isEqualTo("ISSUED");
        assertThat(tracking.toString()).doesNotContain("Foto kurang jelas").doesNotContain("Andi")
                .doesNotContain(NIK);
        assertThat(api.get("/api/v1/tracking/not-a-number").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDescriptionHasTheApplicationsApi() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/v1/submissions")).isTrue();
        assertThat(paths.has("/api/v1/submissions/{id}/documents")).isTrue();
        assertThat(paths.has("/api/v1/submissions/{id}/submit")).isTrue();
        assertThat(paths.has("/api/v1/submissions/{id}/timeline")).isTrue();
        assertThat(paths.has("/api/v1/tracking/{trackingNumber}")).isTrue();
        assertThat(paths.has("/api/v1/oauth2/token")).isTrue();
        assertThat(paths.get("/api/v1/submissions").get("post").get("description").asString())
                .contains("REGISTRY_UNAVAILABLE");
    }

    @Test
    void badApplicationsGetClearErrorsAndCreateNothing() {
        String client = clientToken();
        int before = jdbc.sql("SELECT count(*) FROM submission").query(Integer.class).single();
        assertThat(api.postJson("/api/v1/submissions", draftBody("pb-umku"), as(client)).status()).isEqualTo(201);

        ApiClient.Response wrongBirthDate = api.postJson("/api/v1/submissions", draftBody("pb-umku")
                .replace("1992-07-23", "1992-07-24"), as(client));
        assertThat(wrongBirthDate.status()).isEqualTo(422);
        assertThat(wrongBirthDate.json().get("code").asString()).isEqualTo("CITIZEN_NOT_VERIFIED");
        ApiClient.Response noName = api.postJson("/api/v1/submissions", JSON.writeValueAsString(Map.of(
                "mallCode", "32.17", "serviceCode", "pb-umku",
                "applicant", Map.of("nik", NIK, "birthDate", "1992-07-23"))), as(client));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().get("field").asString()).isEqualTo("applicant.fullName");
        ApiClient.Response registryDown = api.postJson("/api/v1/submissions", draftBody("pb-umku")
                .replace(NIK, "3671030909880008").replace("andi  pratama", "Rahmat Hidayat")
                .replace("1992-07-23", "1988-09-09"), as(client));
        assertThat(registryDown.status()).isEqualTo(503);
        assertThat(registryDown.header("Retry-After")).isNotBlank();
        ApiClient.Response notOnline = api.postJson("/api/v1/submissions", draftBody("konsultasi-perizinan"),
                as(client));
        assertThat(notOnline.status()).isEqualTo(409);
        assertThat(notOnline.json().get("code").asString()).isEqualTo("SERVICE_NOT_ONLINE");
        assertThat(notOnline.json().get("detail").asString()).contains("cannot be applied for online");
        assertThat(api.postJson("/api/v1/submissions", draftBody("pb-umku").replace("32.17", "99.99"), as(client))
                .status()).isEqualTo(404);

        assertThat(jdbc.sql("SELECT count(*) FROM submission").query(Integer.class).single()).isEqualTo(before + 1);
    }

    @Test
    void everyDocumentAnOfficerOpensIsInTheProcessingLog() {
        String client = clientToken();
        String officer = api.token("officer-3217-dpmptsp", DEMO_SECRET);
        String id = api.postJson("/api/v1/submissions", draftBody("pb-umku"), as(client)).json().get("id")
                .asString();
        String base = "/api/v1/submissions/" + id;
        String document = api.postFile(base + "/documents", "file", "ktp.pdf", SubmissionFiles.pdf(),
                new String[] {"requirementIndex", "0"}, as(client)).json().get("id").asString();
        api.postFile(base + "/documents", "file", "npwp.png", SubmissionFiles.png(),
                new String[] {"requirementIndex", "1"}, as(client));
        api.postJson(base + "/submit", "{}", as(client));
        int before = logEntries(id);

        ApiClient.Response file = api.get(base + "/documents/" + document, as(officer));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(logEntries(id)).isEqualTo(before + 1);
        assertThat(api.get(base + "/documents/" + document, as(api.token("officer-3217-polri", DEMO_SECRET)))
                .status()).isEqualTo(404);
        assertThat(logEntries(id)).isEqualTo(before + 1);
    }

    private int logEntries(String submissionId) {
        return jdbc.sql("""
                SELECT count(*) FROM processing_log WHERE actor_kind = 'STAFF'
                  AND citizen_id = (SELECT citizen_id FROM submission WHERE id = CAST(:id AS UUID))
                """).param("id", submissionId).query(Integer.class).single();
    }

    private boolean officerCannotSee(String officer, String base) {
        return api.get(base, as(officer)).status() == 404;
    }

    private ApiClient.Response act(String token, String base, String action, String note) {
        return api.postJson(base + "/actions", JSON.writeValueAsString(
                note == null ? Map.of("action", action) : Map.of("action", action, "note", note)), as(token));
    }
}
