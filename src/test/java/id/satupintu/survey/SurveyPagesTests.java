package id.satupintu.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.region.Malls;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The survey's web pages over HTTP at MPP Kabupaten Kubu Raya (61.12): the citizen's form refusing a bad answer in
 * place, and the manager's report as CSV and as an A4 PDF, for the manager of the mall only.
 */
@SatuPintuTest
class SurveyPagesTests {

    static final String MALL = "61.12";

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    ApiClient api;
    SurveyFixtures service;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        service = new SurveyFixtures(api, catalogue, malls, MALL, "dukcapil", "SP");
    }

    @Test
    void theCitizensFormKeepsTheAnswersAndSaysWhatIsWrong() {
        String ticket = service.finishedTicket();
        String path = "/survey/ticket/" + ticket;
        String form = api.get(path).body();
        assertThat(form).contains("Survei Kepuasan Masyarakat", "name=\"U9\"", "Layanan Uji Survei SP");
        String csrf = api.csrfFrom(form);

        ApiClient.Response wrong = api.postForm(path, ApiClient.form("_csrf", csrf, "U1", "4", "U2", "7"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("Jawaban untuk U2 harus angka 1 sampai 4, bukan 7.")
                .containsPattern("name=\"U1\" value=\"4\"\\s+checked");

        ApiClient.Response sent = api.postForm(path, ApiClient.form("_csrf", csrf, "U1", "4", "U2", "3", "age", "52",
                "education", "S2"));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).endsWith("/survey/thanks");
        assertThat(api.get(path).body()).contains("Survei sudah diisi");
        assertThat(api.get("/survey/ticket/" + service.waitingTicket()).status()).isEqualTo(409);
        assertThat(api.get("/survey/ticket/" + ticket + "/qr.svg").body()).startsWith("<svg");
    }

    @Test
    void theManagerDownloadsTheReportAsCsvAndAsAnA4Pdf() throws IOException {
        String manager = "Bearer " + api.token("manager-6112", SurveyFixtures.PASSWORD);
        for (Map<String, Integer> sheet : List.of(Map.of("U1", 4, "U2", 2), Map.of("U1", 3, "U2", 3, "U9", 4))) {
            assertThat(api.postJson("/api/v1/surveys", SurveyFixtures.JSON.writeValueAsString(Map.of("mallCode", MALL,
                    "serviceCode", service.serviceCode(), "answers", sheet)), "Authorization", manager).status())
                    .isEqualTo(201);
        }
        assertThat(api.signIn("manager-6112", SurveyFixtures.PASSWORD).status()).isEqualTo(302);
        String query = "?from=2026-11-01&to=2026-12-01&serviceCode=" + service.serviceCode();

        ApiClient.Response csv = api.get("/manage/" + MALL + "/surveys/report.csv" + query);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .contains("ikm-61.12-2026-11-01-2026-12-01.csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.body())).getRecords();
        assertThat(rows.getFirst().values()).containsExactly("Mal Pelayanan Publik", "MPP Kabupaten Kubu Raya");
        assertThat(rows).anySatisfy(row -> assertThat(row.values())
                .containsExactly("U1", "Persyaratan", "2", "3.5000", "87.50", "B"));
        assertThat(rows).anySatisfy(row -> assertThat(row.values())
                .containsExactly("U4", "Biaya/tarif", "0", "-", "-", "-"));
        // (3.5 + 2.5 + 4) / 3 x 25 = 83.33
        assertThat(rows).anySatisfy(row -> assertThat(row.values()).containsExactly("IKM", "83.33"));
        assertThat(rows).anySatisfy(row -> assertThat(row.values()).containsExactly("Responden", "2"));

        ApiClient.Response download = api.get("/manage/" + MALL + "/surveys/report.pdf" + query);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        byte[] pdf = api.getBytes("/manage/" + MALL + "/surveys/report.pdf" + query);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "survey-report.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Laporan Indeks Kepuasan Masyarakat", "MPP Kabupaten Kubu Raya",
                    "1 November 2026 - 1 Desember 2026", "Layanan Uji Survei SP", "Persyaratan", "83,33",
                    "B (Baik)", "Sampel", "Tercapai");
        }

        String published = new ApiClient(port).get("/malls/" + MALL + "/ikm" + query).body();
        assertThat(published).contains("Unsur U3, U4, U5, U6, U7, U8 belum dijawab siapa pun pada periode ini",
                "83,33", "Mutu B · Baik").doesNotContain("id=\"export-pdf\"");
        assertThat(api.get("/malls/" + MALL + "/ikm" + query).body()).contains("id=\"export-pdf\"");

        ApiClient other = new ApiClient(port);
        other.signIn("manager-3671", SurveyFixtures.PASSWORD);
        assertThat(other.get("/manage/" + MALL + "/surveys/report.pdf").status()).isEqualTo(403);
        assertThat(new ApiClient(port).get("/manage/" + MALL + "/surveys/report.csv").status()).isEqualTo(302);
    }
}
