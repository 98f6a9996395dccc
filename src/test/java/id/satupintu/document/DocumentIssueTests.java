package id.satupintu.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import id.satupintu.SatuPintuTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.satupintu.document.DocumentFixtures.INDONESIAN;
import static id.satupintu.document.DocumentFixtures.permit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issuing, keeping, verifying and revoking output documents in the running application (test clock 09:00 WIB). */
@SatuPintuTest
class DocumentIssueTests {

    @Autowired
    OutputDocuments documents;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** Leaves the document under target/documents, for a person (or pdfsig) to look at. */
    static void keepForReview(String name, byte[] pdf) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "documents"));
        Files.write(directory.resolve(name), pdf);
    }

    @Test
    void anIssuedDocumentIsASignedA4PdfAndTheStoredHashIsOfTheSignedBytes() throws Exception {
        IssuedDocument issued = documents.issue(permit(INDONESIAN));

        assertThat(issued.verificationUrl()).isEqualTo("http://localhost:" + port + "/verify/" + issued.id());
        byte[] pdf = documents.pdf(issued.id()).orElseThrow();
        keepForReview("permit-id.pdf", pdf);
        assertThat(Sha256.hex(pdf)).isEqualTo(issued.sha256Hex());
        assertThat(jdbc.sql("SELECT sha256 FROM issued_document WHERE id = :id").param("id", issued.id().value())
                .query(String.class).single()).isEqualTo(issued.sha256Hex());
        X509Certificate signer = SignedPdfs.verify(pdf);
        assertThat(signer.getSubjectX500Principal().getName()).contains("CN=SatuPintu Development Signing Key");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Surat Izin Praktik Bidan 3217-20261124-000123");
            assertThat(PdfQrCodes.on(new PDFRenderer(document).renderImageWithDPI(0, 150)))
                    .isEqualTo(issued.verificationUrl());
        }
        assertThat(text(pdf))
                .contains("MPP Kabupaten Bandung Barat", "Surat Izin Praktik Bidan", "Nomor: 3217-20261124-000123",
                        "Keputusan", "Permohonan Surat Izin Praktik Bidan DISETUJUI.", "Nama pemohon Siti Nurhaliza",
                        "NIK 3217********0001", "Instansi Dinas Kesehatan Kabupaten Bandung Barat",
                        "Diajukan Selasa, 24 November 2026, 09:15 WIB", "Diputuskan Senin, 30 November 2026, 14:40 WIB",
                        "Diterbitkan Selasa, 1 Desember 2026, 09:", "Petugas Rina Marlina",
                        "Periksa keaslian dokumen ini", issued.verificationUrl(), "Halaman 1 dari 1");
    }

    @Test
    void labelsFollowTheLocaleAndDatesTheMallsZone() throws Exception {
        IssuedDocument issued = documents.issue(permit(Locale.ENGLISH, ZoneId.of("Asia/Makassar"), "Andi Baso",
                "Granted."));
        byte[] pdf = documents.pdf(issued.id()).orElseThrow();
        keepForReview("permit-en-wita.pdf", pdf);
        assertThat(text(pdf))
                .contains("Number: 3217-20261124-000123", "Decision", "Applicant Andi Baso",
                        "Submitted Tuesday, 24 November 2026, 10:15 WITA (UTC+8)",
                        "Issued Tuesday, 1 December 2026, 10:", "Check that this document is genuine", "Page 1 of 1");
    }

    @Test
    void charactersTheStandardFontCannotShowAreReplacedAndLongDecisionsGoOnNewPages() throws Exception {
        String decision = "Disetujui ✅ dengan catatan.\n" + "Persyaratan teknis bangunan telah dipenuhi. ".repeat(150);
        IssuedDocument issued = documents.issue(permit(INDONESIAN, DocumentFixtures.WIB,
                "Nguyễn Thị Ánh Đào 李", decision));
        byte[] pdf = documents.pdf(issued.id()).orElseThrow();
        keepForReview("permit-long.pdf", pdf);
        SignedPdfs.verify(pdf);
        String text = text(pdf);
        assertThat(text).contains("Nguyen Thi Ánh ?ào ?", "Disetujui ? dengan catatan.");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            assertThat(text).contains("Halaman 1 dari " + pages, "Halaman " + pages + " dari " + pages);
        }
        assertThat(jdbc.sql("SELECT holder_masked FROM issued_document WHERE id = :id")
                .param("id", issued.id().value()).query(String.class).single()).isEqualTo("N***** T** Á** Đ** 李");
    }

    @Test
    void aFullNikIsNeverPrinted() {
        assertThatThrownBy(() -> new OutputDocumentContent("1", "t", "d", "a", "3217014107900001", "s", "g", "i",
                DocumentFixtures.WIB, java.time.Instant.EPOCH, java.time.Instant.EPOCH, "o", INDONESIAN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verificationSaysValidRevokedOrUnknownAndWhetherAFileMatches() {
        IssuedDocument issued = documents.issue(permit(INDONESIAN));
        byte[] pdf = documents.pdf(issued.id()).orElseThrow();

        Verification valid = documents.verify(issued.id());
        assertThat(valid).isInstanceOfSatisfying(Verification.Valid.class, v -> {
            assertThat(v.document().issuerName()).isEqualTo("MPP Kabupaten Bandung Barat");
            assertThat(v.document().title()).isEqualTo("Surat Izin Praktik Bidan");
            assertThat(v.document().referenceNumber()).isEqualTo("3217-20261124-000123");
            assertThat(v.document().holder()).isEqualTo("S*** N********");
            assertThat(v.document().issuedAt()).isEqualTo(issued.issuedAt());
            assertThat(v.document().sha256Hex()).isEqualTo(issued.sha256Hex());
            assertThat(v.fileCheck()).isEqualTo(Verification.FileCheck.NOT_CHECKED);
        });
        assertThat(documents.verifyFile(issued.id(), pdf).fileCheck()).isEqualTo(Verification.FileCheck.MATCHES);
        byte[] altered = pdf.clone();
        altered[altered.length / 3] ^= 0x20;
        assertThat(documents.verifyFile(issued.id(), altered).fileCheck())
                .isEqualTo(Verification.FileCheck.DIFFERS);

        documents.revoke(issued.id(), "Izin dicabut atas permintaan pemegang");
        documents.revoke(issued.id(), "Alasan kedua tidak menggantikan yang pertama");
        assertThat(documents.verifyFile(issued.id(), pdf)).isInstanceOfSatisfying(Verification.Revoked.class, r -> {
            assertThat(r.reason()).isEqualTo("Izin dicabut atas permintaan pemegang");
            assertThat(r.revokedAt()).isAfterOrEqualTo(issued.issuedAt());
            assertThat(r.fileCheck()).isEqualTo(Verification.FileCheck.MATCHES);
        });

        DocumentId unknown = DocumentId.random();
        assertThat(documents.verify(unknown)).isInstanceOf(Verification.Unknown.class);
        assertThat(documents.verifyFile(unknown, pdf).status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(documents.pdf(unknown)).isEmpty();
        assertThatThrownBy(() -> documents.revoke(unknown, "Tidak ada"))
                .isInstanceOfSatisfying(DocumentError.class,
                        e -> assertThat(e.documentCode()).isEqualTo(DocumentError.Code.DOCUMENT_NOT_FOUND));
        assertThatThrownBy(() -> documents.revoke(issued.id(), "  "))
                .isInstanceOfSatisfying(DocumentError.class,
                        e -> assertThat(e.documentCode()).isEqualTo(DocumentError.Code.INVALID_REVOCATION_REASON));
    }

    @Test
    void instancesStartingTogetherAgreeOnOneDevelopmentKeyKeptInTheDatabase() throws Exception {
        documents.issue(permit(INDONESIAN));
        var before = jdbc.sql("SELECT private_key, certificate FROM document_signing_key").query().singleRow();
        jdbc.sql("DELETE FROM document_signing_key").update();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            CountDownLatch start = new CountDownLatch(1);
            Callable<SigningKey> instance = () -> {
                start.await();
                return new SigningKeys(jdbc, java.time.Clock.systemUTC(), "", "", "").get();
            };
            List<Future<SigningKey>> keys = List.of(pool.submit(instance), pool.submit(instance));
            start.countDown();
            assertThat(keys.get(0).get().certificate()).isEqualTo(keys.get(1).get().certificate());
            assertThat(jdbc.sql("SELECT count(*) FROM document_signing_key").query(Long.class).single())
                    .isEqualTo(1);
        } finally {
            // Put back the key this application has been signing with.
            jdbc.sql("DELETE FROM document_signing_key").update();
            jdbc.sql("INSERT INTO document_signing_key (id, private_key, certificate) VALUES (1, :k, :c)")
                    .param("k", before.get("private_key")).param("c", before.get("certificate")).update();
        }
    }
}
