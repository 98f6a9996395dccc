package id.satupintu.browser;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import id.satupintu.SatuPintuTest;
import id.satupintu.document.DocumentId;
import id.satupintu.document.IssuedDocument;
import id.satupintu.document.OutputDocumentContent;
import id.satupintu.document.OutputDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Someone scans the QR code of an output document with a phone and checks the PDF they were given. */
@SatuPintuTest
class OutputDocumentBrowserTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    OutputDocuments documents;

    IssuedDocument issue() {
        return documents.issue(new OutputDocumentContent("6472-20261125-000042", "Izin Usaha Mikro Kecil",
                "Permohonan Izin Usaha Mikro Kecil untuk usaha Warung Makan Bu Sri DISETUJUI.", "Sri Wahyuni",
                "6472********0003", "Izin Usaha Mikro Kecil (IUMK)", "DPMPTSP Kota Samarinda",
                "MPP Kota Samarinda", ZoneId.of("Asia/Makassar"), Instant.parse("2026-11-25T01:30:00Z"),
                Instant.parse("2026-11-30T06:00:00Z"), "Ahmad Fauzi", Locale.of("id")));
    }

    static String path(IssuedDocument issued) {
        return URI.create(issued.verificationUrl()).getPath();
    }

    void assertFitsThePhone() {
        assertThat(browser.contentWidth()).as(browser.overflowingElements().toString())
                .isLessThanOrEqualTo(browser.viewportWidth());
    }

    @Test
    void aGenuineDocumentAndTheHoldersPdfAreConfirmedOnAPhone(@TempDir Path directory) throws Exception {
        IssuedDocument issued = issue();
        byte[] pdf = documents.pdf(issued.id()).orElseThrow();
        Path held = Files.write(directory.resolve("izin-usaha.pdf"), pdf);
        byte[] altered = pdf.clone();
        altered[pdf.length / 2] ^= 1;
        Path forged = Files.write(directory.resolve("izin-usaha-diubah.pdf"), altered);

        browser.phone().open(path(issued));
        assertThat(browser.text("#verdict h2")).isEqualTo("Asli");
        assertThat(browser.text("#issued-at")).startsWith("Selasa, 1 Desember 2026, 10:").endsWith("WITA");
        assertThat(browser.text("#document-sha256")).isEqualTo(issued.sha256Hex());
        assertFitsThePhone();
        browser.screenshot("document-verify-valid-phone");

        browser.find("#file").sendKeys(held.toString());
        browser.clickAndWait("#check-file");
        assertThat(browser.text("#file-result")).startsWith("Berkas cocok");
        assertFitsThePhone();
        browser.screenshot("document-verify-file-matches-phone");

        browser.find("#file").sendKeys(forged.toString());
        browser.clickAndWait("#check-file");
        assertThat(browser.text("#file-result")).startsWith("Berkas tidak cocok");
        browser.screenshot("document-verify-file-differs-phone");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void revokedAndUnknownDocumentsSaySoInBothLanguages() {
        IssuedDocument issued = issue();
        documents.revoke(issued.id(), "Usaha telah ditutup oleh pemiliknya");

        browser.phone().open(path(issued));
        assertThat(browser.text("#verdict h2")).isEqualTo("Dicabut");
        assertThat(browser.text("#revoked-reason")).isEqualTo("Usaha telah ditutup oleh pemiliknya");
        assertFitsThePhone();
        browser.screenshot("document-verify-revoked-phone");
        browser.clickAndWait("a[hreflang=en]");
        assertThat(browser.text("#verdict h2")).isEqualTo("Revoked");
        assertThat(browser.text("#revoked-at")).startsWith("Tuesday, 1 December 2026, 10:");
        browser.desktop().open(path(issued));
        browser.screenshot("document-verify-revoked-en-desktop");
        assertThat(browser.consoleErrors()).isEmpty();

        browser.phone().open("/verify/" + DocumentId.random() + "?lang=id");
        assertThat(browser.text("#verdict h2")).isEqualTo("Tidak dikenal");
        assertThat(browser.all("#file")).isEmpty();
        assertFitsThePhone();
        browser.screenshot("document-verify-unknown-phone");
        browser.open("/verify/salah-ketik?lang=en");
        assertThat(browser.text("#verdict h2")).isEqualTo("Unknown");
        browser.screenshot("document-verify-unknown-en-phone");
        // The page of an unknown document answers 404, which the console reports; nothing else may fail.
        assertThat(browser.consoleErrors()).allMatch(error -> error.contains("/verify/") && error.contains("404"));
    }
}
