package id.satupintu.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static id.satupintu.document.DocumentFixtures.INDONESIAN;
import static id.satupintu.document.DocumentFixtures.permit;
import static org.assertj.core.api.Assertions.assertThat;

/** The public verification page and API over real HTTP, in Indonesian and English. */
@SatuPintuTest
class VerificationPagesTests {

    @Autowired
    OutputDocuments documents;

    @LocalServerPort
    int port;

    ApiClient web() {
        return new ApiClient(port);
    }

    @Test
    void aValidDocumentIsShownAsAuthenticWithItsFactsButNeverItsPdf() {
        IssuedDocument issued = documents.issue(permit(INDONESIAN));
        ApiClient.Response page = web().get("/verify/" + issued.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-status=\"VALID\"", ">Asli<", "MPP Kabupaten Bandung Barat", "Surat Izin Praktik Bidan",
                        "3217-20261124-000123", "S*** N********", "Selasa, 1 Desember 2026, 09:", " WIB<",
                        issued.sha256Hex(), "name=\"_csrf\"", "enctype=\"multipart/form-data\"",
                        "<meta name=\"robots\" content=\"noindex\">")
                .doesNotContain("Siti Nurhaliza", "3217********0001", "document.pdf", "Rina Marlina");

        ApiClient.Response english = web().get("/verify/" + issued.id() + "?lang=en");
        assertThat(english.body()).contains("lang=\"en\"", ">Authentic<", "Tuesday, 1 December 2026, 09:",
                "WIB (UTC+7)", "Check your PDF file");

        assertThat(web().get("/verify/" + issued.id() + "/document.pdf").status()).isEqualTo(404);
    }

    @Test
    void aRevokedDocumentSaysWhenAndWhy() {
        IssuedDocument issued = documents.issue(permit(INDONESIAN));
        documents.revoke(issued.id(), "Diterbitkan atas data yang keliru");
        ApiClient.Response page = web().get("/verify/" + issued.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-status=\"REVOKED\"", ">Dicabut<", "Dicabut pada",
                "Diterbitkan atas data yang keliru", "Selasa, 1 Desember 2026", "Surat Izin Praktik Bidan");
        assertThat(web().get("/verify/" + issued.id() + "?lang=en").body())
                .contains(">Revoked<", "Reason for revocation", "Diterbitkan atas data yang keliru");
    }

    @Test
    void anUnknownOrMalformedIdIsUnknownNeverAnError() {
        for (String id : new String[] {DocumentId.random().toString(), "bukan-kode", "1-1-1-1-1",
                "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ", "x".repeat(2000), "%3Cscript%3E"}) {
            ApiClient.Response page = web().get("/verify/" + id);
            assertThat(page.status()).as(id).isEqualTo(404);
            assertThat(page.body()).as(id).contains("data-status=\"UNKNOWN\"", ">Tidak dikenal<")
                    .doesNotContain("<script>", "enctype=\"multipart/form-data\"");
        }
        assertThat(web().get("/verify/bukan-kode?lang=en").body()).contains(">Unknown<", "Do not trust");
    }

    @Test
    void aHeldPdfIsCheckedAgainstTheIssuedOneThroughTheFormWithItsCsrfToken() throws Exception {
        IssuedDocument issued = documents.issue(permit(INDONESIAN));
        byte[] pdf = documents.pdf(issued.id()).orElseThrow();
        Browser browser = new Browser();
        String csrf = new ApiClient(port).csrfFrom(browser.get("/verify/" + issued.id()));

        assertThat(browser.upload(issued.id().toString(), csrf, pdf).body())
                .contains("file-result matches", "Berkas cocok").doesNotContain("Namun dokumen ini telah dicabut");
        byte[] altered = pdf.clone();
        altered[pdf.length / 2] ^= 1;
        assertThat(browser.upload(issued.id().toString(), csrf, altered).body())
                .contains("file-result differs", "Berkas tidak cocok");
        assertThat(browser.upload(issued.id().toString(), csrf, new byte[0]).body())
                .contains("Pilih berkas PDF terlebih dahulu").doesNotContain("file-result");
        assertThat(browser.upload(issued.id().toString(), "wrong", pdf).statusCode()).isEqualTo(403);

        documents.revoke(issued.id(), "Izin diganti");
        assertThat(browser.upload(issued.id().toString(), csrf, pdf).body())
                .contains(">Dicabut<", "Berkas cocok", "Namun dokumen ini telah dicabut");
        HttpResponse<String> unknown = browser.upload(DocumentId.random().toString(), csrf, pdf);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains(">Tidak dikenal<").doesNotContain("Berkas cocok");
    }

    @Test
    void theApiGivesTheVerdictToAnyoneWithoutSigningIn() {
        IssuedDocument issued = documents.issue(permit(Locale.ENGLISH));
        JsonNode valid = web().get("/api/v1/documents/" + issued.id() + "/verification").json();
        assertThat(valid.get("status").asString()).isEqualTo("VALID");
        assertThat(valid.get("issuer").asString()).isEqualTo("MPP Kabupaten Bandung Barat");
        assertThat(valid.get("title").asString()).isEqualTo("Surat Izin Praktik Bidan");
        assertThat(valid.get("referenceNumber").asString()).isEqualTo("3217-20261124-000123");
        assertThat(valid.get("issuedAt").asString()).endsWith("+07:00")
                .startsWith(issued.issuedAt().atZone(DocumentFixtures.WIB).toLocalDate().toString());
        assertThat(valid.get("sha256").asString()).isEqualTo(issued.sha256Hex());
        assertThat(valid.has("revokedAt")).isFalse();

        documents.revoke(issued.id(), "Replaced by a corrected permit");
        JsonNode revoked = web().get("/api/v1/documents/" + issued.id() + "/verification").json();
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedReason").asString()).isEqualTo("Replaced by a corrected permit");
        assertThat(revoked.get("revokedAt").asString()).endsWith("+07:00");
        assertThat(revoked.get("sha256").asString()).isEqualTo(issued.sha256Hex());

        for (String id : new String[] {DocumentId.random().toString(), "not-an-id"}) {
            ApiClient.Response unknown = web().get("/api/v1/documents/" + id + "/verification");
            assertThat(unknown.status()).isEqualTo(200);
            assertThat(unknown.json().get("status").asString()).isEqualTo("UNKNOWN");
            assertThat(unknown.json().size()).isEqualTo(1);
        }
        assertThat(web().get("/api/v1/documents/" + issued.id()).status()).isEqualTo(401);
    }

    /** Posts files as a browser's form does: multipart, with the session cookie and CSRF token of the page. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        String get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        HttpResponse<String> upload(String id, String csrf, byte[] pdf) throws IOException, InterruptedException {
            String boundary = "----satupintu" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"surat-izin.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(pdf);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(uri("/verify/" + id))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
