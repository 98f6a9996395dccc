package id.satupintu.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over their limit get 413 with a problem (API) or the error page (web), not a 500 or a reset connection:
 * JSON over 1 MB, with or without a declared length, forms over 1 MB, uploads over the multipart limit; headers
 * over their limit get a 4xx from the server itself.
 */
@SatuPintuTest
class RequestSizeLimitTests {

    static final int MB = 1024 * 1024;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedWithAProblem() {
        ApiClient api = new ApiClient(port);
        String big = "{\"username\":\"" + "a".repeat(MB) + "\",\"password\":\"x\"}";
        ApiClient.Response refused = api.postJson("/api/v1/auth/token", big, "Accept-Language", "en");
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(refused.json().get("detail").asString()).isEqualTo("The request body is too large.");
        assertThat(refused.header("Content-Security-Policy")).as("a refusal has the headers of every answer")
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(refused.header("Strict-Transport-Security")).isNotNull();
        assertThat(api.postJson("/api/v1/complaints", big).json().get("detail").asString())
                .isEqualTo("Isi permintaan terlalu besar.");
    }

    @Test
    void aJsonBodyWithoutADeclaredLengthIsCountedAsItComes() throws Exception {
        String big = "{\"username\":\"" + "a".repeat(MB) + "\",\"password\":\"x\"}";
        HttpResponse<String> refused = chunkedJson("/api/v1/auth/token", big);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");

        HttpResponse<String> small = chunkedJson("/api/v1/auth/token",
                "{\"username\":\"manager-3671\",\"password\":\"mpp-demo-2026\"}");
        assertThat(small.statusCode()).as("a small body read ahead still reaches the endpoint whole").isEqualTo(200);
        JsonNode token = JSON.readTree(small.body());
        assertThat(token.get("accessToken").asString()).isNotBlank();
    }

    @Test
    void aFormOverOneMegabyteGetsTheErrorPage() {
        ApiClient web = new ApiClient(port);
        String csrf = web.csrfFrom(web.get("/citizen/sign-in").body());
        ApiClient.Response refused = web.postForm("/citizen/sign-in", ApiClient.form("_csrf", csrf, "nik",
                "3671011708850002", "contact", "a".repeat(MB + 10)), "Accept", BROWSER_ACCEPT);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body()).contains("Isi permintaan terlalu besar.");
        assertThat(refused.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void anUploadOverTheLimitGets413EvenWhenTheServerDoesNotReadIt() {
        byte[] file = new byte[13 * MB];
        ApiClient web = new ApiClient(port);
        ApiClient.Response page = web.postFile("/complaints", "files", "big.pdf", file,
                new String[] {"description", "Terlalu besar"}, "Cookie", "satupintu-lang=en", "Accept", BROWSER_ACCEPT);
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.body()).contains("The request body is too large.");

        ApiClient api = new ApiClient(port);
        ApiClient.Response problem = api.postFile("/api/v1/complaints/ADU-x1/attachments", "file", "big.pdf", file,
                new String[0]);
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void headersOverTheirLimitGetAnAnswerNotAReset() throws IOException {
        String status = rawStatusLine("GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(32 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        System.out.println("Oversized header answer: " + status);
        assertThat(status).matches("HTTP/1\\.1 4\\d\\d.*");
    }

    private HttpResponse<String> chunkedJson(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String rawStatusLine(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(64);
            String text = new String(head, StandardCharsets.US_ASCII);
            return text.contains("\r\n") ? text.substring(0, text.indexOf("\r\n")) : Arrays.toString(head);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
