package id.satupintu.shared.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static id.satupintu.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests that cannot be read are the client's mistake: a 4xx problem or page in the caller's language. */
@SatuPintuTest
class BadInputTests {

    static final String PASSWORD = "mpp-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void parametersInABrokenEncodingAreAMalformedRequest() throws Exception {
        String admin = new ApiClient(port).token("admin", PASSWORD);
        HttpResponse<String> api = send("GET", "/api/v1/insight/national?from=%ED%A0%80", null, null,
                "Authorization", bearer(admin), "Accept-Language", "en");
        assertProblem(api, 400, "MALFORMED_REQUEST", "The request cannot be read. Check its format and fields.");

        HttpResponse<String> page = send("GET", "/search?q=%ED%A0%80", null, null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Permintaan tidak dapat diproses").doesNotContain("Exception");
    }

    @Test
    void multipartWithoutABoundaryIsAMalformedRequest() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/complaints/PGD-NONE/attachments",
                "multipart/form-data", "--x\r\n\r\n");
        assertProblem(response, 400, "MALFORMED_REQUEST", "Permintaan tidak dapat dibaca. Periksa format dan isiannya.");
    }

    @Test
    void aCounterIdThatCannotExistIsNotFound() throws Exception {
        String officer = new ApiClient(port).token("officer-1106-polri", PASSWORD);
        for (String id : new String[] {"0", "-1"}) {
            HttpResponse<String> response = send("POST", "/api/v1/counters/" + id + "/open", null, null,
                    "Authorization", bearer(officer), "Accept-Language", "en");
            assertProblem(response, 404, "COUNTER_NOT_FOUND", "Counter " + id + " was not found.");
        }
    }

    @Test
    void failuresBeforeAnyControllerAreProblemsForTheApi() throws Exception {
        assertProblem(send("TRACE", "/api/v1/malls", null, null, "Accept-Language", "en"), 405,
                "METHOD_NOT_ALLOWED", "This HTTP method is not supported here.");
        // The firewall refuses a path parameter, and the language still follows Accept-Language.
        assertProblem(send("GET", "/api/v1/malls/;x=1/ikm?lang=%ED%A0%80", null, null, "Accept-Language", "en"),
                400, "MALFORMED_REQUEST", "The request cannot be read. Check its format and fields.");
        assertProblem(send("TRACE", "/api/v1/malls?by=%ED%A0%80", null, null), 405, "METHOD_NOT_ALLOWED",
                "Metode HTTP ini tidak didukung untuk alamat ini.");
    }

    @Test
    void theErrorPageOpenedDirectlyIsNotFound() throws Exception {
        assertThat(send("GET", "/error", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aSignUpFormWithAValueNoFieldSendsIsABadRequest() {
        ApiClient citizen = new ApiClient(port);
        String csrf = citizen.csrfFrom(citizen.get("/citizen/sign-up").body());
        ApiClient.Response response = citizen.postForm("/citizen/sign-up", ApiClient.form("nik", "3671011501900001",
                "fullName", "Budi", "birthDate", "1990-01-15", "consent", "perhaps", "_csrf", csrf));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Permintaan tidak dapat diproses").doesNotContain("Exception");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void twoRequestsOfOneSessionMayAddTheSameAttribute() {
        SessionRepository<Session> sessions = (SessionRepository) this.sessions;
        Session session = sessions.createSession();
        sessions.save(session);
        Session first = sessions.findById(session.getId());
        Session second = sessions.findById(session.getId());
        first.setAttribute("saved", "first");
        second.setAttribute("saved", "second");
        sessions.save(first);
        sessions.save(second);
        assertThat((String) sessions.findById(session.getId()).getAttribute("saved")).isEqualTo("second");
        sessions.deleteById(session.getId());
    }

    @Test
    void textTheDatabaseCannotHoldIsUnreadableButAConflictIsNot() {
        assertThat(UnreadableRequests.isUnreadable(new DataIntegrityViolationException("nul",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))).isTrue();
        assertThat(UnreadableRequests.isUnreadable(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value", "23505")))).isFalse();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
    }
}
