package id.satupintu.complaint;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import id.satupintu.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaints over the API in tests, at MPP Kabupaten Musi Rawas (16.05), which the other tests leave alone: a
 * complainant files and responds with the code, staff act with their tokens.
 */
final class Complaining {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MALL = "16.05";
    static final String PASSWORD = "mpp-demo-2026";
    static final String MANAGER = "manager-1605";
    static final String OFFICER = "officer-1605-dukcapil";
    static final String DESCRIPTION = "Petugas loket KTP-el meminta uang Rp50.000 agar KTP saya dicetak hari ini.";

    private final ApiClient api;

    Complaining(ApiClient api) {
        this.api = api;
    }

    ApiClient api() {
        return api;
    }

    static String freshEmail() {
        return "pelapor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** A complaint about the Dukcapil desk, anonymous, with answers to {@code email} (may be null). */
    JsonNode file(String email) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("mallCode", MALL, "agencyCode", "dukcapil",
                "serviceCode", "ktp-el-baru", "category", "ILLEGAL_FEES", "description", DESCRIPTION));
        if (email != null) {
            body.put("email", email);
        }
        ApiClient.Response created = api.postJson("/api/v1/complaints", JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    String token(String username) {
        return api.token(username, PASSWORD);
    }

    ApiClient.Response act(String token, String code, String action, String note) {
        return api.postJson("/api/v1/complaints/" + code + "/actions", JSON.writeValueAsString(
                Map.of("action", action, "note", note)), "Authorization", ApiClient.bearer(token));
    }

    /** Takes a staff step that must succeed; returns the complaint as staff see it afterwards. */
    JsonNode step(String token, String code, String action, String note) {
        ApiClient.Response response = act(token, code, action, note);
        assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    /** Filed, verified and forwarded to the Dukcapil desk, then answered by its officer. */
    JsonNode answered(String email) {
        String code = file(email).get("code").asString();
        String manager = token(MANAGER);
        step(manager, code, "VERIFY", "");
        step(manager, code, "FORWARD", "Mohon ditindaklanjuti");
        return step(token(OFFICER), code, "ANSWER", "Petugas tersebut sudah diperiksa dan diberi teguran.");
    }

    ApiClient.Response asComplainant(String code, String what, String json, String... headers) {
        return api.postJson("/api/v1/complaints/" + code + "/" + what, json, headers);
    }

    static String text(String text) {
        return JSON.writeValueAsString(Map.of("text", text));
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A Windows program dressed up as a photo by its name. */
    static byte[] disguisedProgram() {
        byte[] program = new byte[256];
        program[0] = 'M';
        program[1] = 'Z';
        return program;
    }
}
