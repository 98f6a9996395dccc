package id.satupintu.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.satupintu.complaint.Complaining.JSON;
import static id.satupintu.complaint.Complaining.MALL;
import static org.assertj.core.api.Assertions.assertThat;

/** The complaints API over real HTTP: anyone files and follows by code; staff act within their scope. */
@SatuPintuTest
class ComplaintApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    Complaining complaining;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        complaining = new Complaining(api);
    }

    long stored(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).isNull() ? null : node.path(field).asString()));
        return values;
    }

    @Test
    void anyoneFilesAComplaintWithAFileAndFollowsItByItsCode() throws Exception {
        String email = Complaining.freshEmail();
        JsonNode filed = complaining.file(email);
        String code = filed.get("code").asString();
        assertThat(code).matches("ADU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(filed.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(filed.get("agencyCode").asString()).isEqualTo("dukcapil");
        assertThat(filed.get("dueAt").isNull()).as("deadlines are for staff").isTrue();
        assertThat(filed.get("complainantActions").toString()).isEqualTo("[\"REPLY\",\"ATTACH\"]");

        String mail = GreenMailUtil.getBody(TestMailServer.awaitMail(email, "Pengaduan " + code + ": Diterima"));
        assertThat(mail).contains(code).contains("/complaints/" + code);

        ApiClient.Response pdf = api.postFile("/api/v1/complaints/" + code + "/attachments", "file", "bukti.pdf",
                Complaining.pdf(), new String[0]);
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
        assertThat(pdf.json().get("mediaType").asString()).isEqualTo("application/pdf");
        ApiClient.Response program = api.postFile("/api/v1/complaints/" + code + "/attachments", "file",
                "foto.jpg", Complaining.disguisedProgram(), new String[0], "Accept-Language", "en");
        assertThat(program.status()).isEqualTo(422);
        assertThat(program.json().get("code").asString()).isEqualTo("FILE_TYPE_NOT_ALLOWED");

        JsonNode seen = api.get("/api/v1/complaints/" + code.toLowerCase().replace("-", "%20")).json();
        assertThat(seen.get("code").asString()).isEqualTo(code);
        assertThat(seen.get("description").asString()).isEqualTo(Complaining.DESCRIPTION);
        assertThat(texts(seen.get("attachments"), "displayName")).containsExactly("bukti.pdf");
        assertThat(texts(seen.get("steps"), "action")).containsExactly("FILE", "ATTACH");
        assertThat(api.get("/api/v1/complaints/ADU-0000-0000-0000").json().get("code").asString())
                .isEqualTo("COMPLAINT_NOT_FOUND");
        assertThat(api.get("/api/v1/complaints/bukan-kode").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/complaint-categories", "Accept-Language", "en").json().get(2).get("name")
                .asString()).isEqualTo("Unofficial fees or illegal levies (pungli)");
    }

    @Test
    void theComplaintEndpointsAreInTheOpenApiDescription() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        for (String path : List.of("/api/v1/complaints", "/api/v1/complaints/{code}",
                "/api/v1/complaints/{code}/attachments", "/api/v1/complaints/{code}/replies",
                "/api/v1/complaints/{code}/close", "/api/v1/complaints/{code}/reopen",
                "/api/v1/complaints/{code}/rating", "/api/v1/complaints/{code}/actions",
                "/api/v1/complaint-categories")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/v1/complaints").get("post").get("tags").get(0).asString()).isEqualTo("Complaints");
    }

    @Test
    void badInputGetsAClearAnswerInTheCallersLanguageAndLeavesNothingBehind() {
        long complaints = stored("complaint");
        long steps = stored("complaint_step");
        Map<String, String> good = Map.of("mallCode", MALL, "category", "FACILITIES", "description",
                "Toilet di lantai dua tidak ada airnya sejak pagi.");
        record Case(Map<String, String> change, int status, String code, String field, String indonesian,
                String english) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("category", "TIDAK_ADA"), 422, "INVALID_COMPLAINT", "category",
                        "Pilih tentang apa pengaduan Anda.", "Choose what your complaint is about."),
                new Case(Map.of("description", "Kotor."), 422, "INVALID_COMPLAINT", "description",
                        "Isi pengaduan harus 20 sampai 4.000 karakter.",
                        "The description must be 20 to 4,000 characters long."),
                new Case(Map.of("mallCode", "99.99"), 422, "INVALID_COMPLAINT", "mallCode",
                        "Pilih Mal Pelayanan Publik yang Anda adukan.",
                        "Choose the public service mall you complain about."),
                new Case(Map.of("agencyCode", "polri", "serviceCode", "ktp-el-baru"), 422, "INVALID_COMPLAINT",
                        "serviceCode", "Layanan itu tidak ada di mal ini atau bukan layanan instansi yang dipilih.",
                        "That service is not offered at this mall or not by the agency chosen."),
                new Case(Map.of("email", "bukan-email"), 422, "INVALID_CONTACT", "email",
                        "Alamat e-mail tidak valid.", "The e-mail address is not valid."),
                new Case(Map.of("description", "x".repeat(4001)), 400, "INVALID_INPUT", null, null, null));
        for (Case c : cases) {
            Map<String, String> body = new java.util.HashMap<>(good);
            body.putAll(c.change());
            for (String language : List.of("id", "en")) {
                ApiClient.Response response = api.postJson("/api/v1/complaints", JSON.writeValueAsString(body),
                        "Accept-Language", language);
                assertThat(response.status()).as(c + " " + response.body()).isEqualTo(c.status());
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                JsonNode problem = response.json();
                assertThat(problem.get("code").asString()).isEqualTo(c.code());
                if (c.field() != null) {
                    assertThat(problem.get("field").asString()).isEqualTo(c.field());
                    assertThat(problem.get("detail").asString())
                            .isEqualTo(language.equals("id") ? c.indonesian() : c.english());
                }
            }
        }
        ApiClient.Response malformed = api.postJson("/api/v1/complaints", "{\"mallCode\": ", "Accept-Language", "en");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(stored("complaint")).isEqualTo(complaints);
        assertThat(stored("complaint_step")).isEqualTo(steps);
    }

    @Test
    void staffSeeOnlyTheirScopeAndTheComplainantNeverSeesStaffNotesOrNames() {
        String code = complaining.file(null).get("code").asString();
        String officer = complaining.token(Complaining.OFFICER);
        String manager = complaining.token(Complaining.MANAGER);
        String[] asOfficer = {"Authorization", ApiClient.bearer(officer)};

        assertThat(api.get("/api/v1/complaints/" + code, asOfficer).status())
                .as("not forwarded to the agency yet").isEqualTo(404);
        assertThat(texts(api.get("/api/v1/complaints", asOfficer).json(), "code")).doesNotContain(code);
        assertThat(texts(api.get("/api/v1/complaints", "Authorization", ApiClient.bearer(manager)).json(), "code"))
                .contains(code);
        String otherMall = complaining.token("manager-3671");
        assertThat(complaining.act(otherMall, code, "VERIFY", "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/complaints", "Accept-Language", "en").status()).as("the list is for staff")
                .isEqualTo(401);

        complaining.step(manager, code, "VERIFY", "Cek rekaman CCTV loket 3 dulu");
        JsonNode forwarded = complaining.step(manager, code, "FORWARD", "Mohon klarifikasi petugasnya");
        assertThat(forwarded.get("agencyCode").asString()).isEqualTo("dukcapil");
        assertThat(complaining.act(complaining.token("officer-1605-polri"), code, "ANSWER", "x").status())
                .isEqualTo(404);
        ApiClient.Response noNote = complaining.act(officer, code, "ANSWER", " ");
        assertThat(noNote.status()).isEqualTo(422);
        assertThat(noNote.json().get("code").asString()).isEqualTo("NOTE_REQUIRED");
        ApiClient.Response managerOnly = complaining.act(officer, code, "FORWARD", "");
        assertThat(managerOnly.status()).isEqualTo(403);
        assertThat(managerOnly.json().get("code").asString()).isEqualTo("ACTION_NOT_ALLOWED");
        JsonNode answered = complaining.step(officer, code, "ANSWER", "Uang sudah dikembalikan, petugas ditegur.");
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.get("dueAt").isNull()).isFalse();

        JsonNode seen = api.get("/api/v1/complaints/" + code).json();
        assertThat(texts(seen.get("steps"), "action")).containsExactly("FILE", "VERIFY", "FORWARD", "ANSWER");
        assertThat(texts(seen.get("steps"), "note")).containsExactly(null, null, null,
                "Uang sudah dikembalikan, petugas ditegur.");
        assertThat(texts(seen.get("steps"), "actorName")).containsOnlyNulls();
        assertThat(seen.get("complainantActions").toString()).isEqualTo("[\"REPLY\",\"CLOSE\",\"ATTACH\"]");
        assertThat(seen.get("escalated").isNull()).isTrue();
        JsonNode asStaff = api.get("/api/v1/complaints/" + code, "Authorization", ApiClient.bearer(manager)).json();
        assertThat(texts(asStaff.get("steps"), "note")).contains("Cek rekaman CCTV loket 3 dulu");
        assertThat(asStaff.get("staffActions").toString()).isEqualTo("[\"CLOSE\"]");
    }
}
