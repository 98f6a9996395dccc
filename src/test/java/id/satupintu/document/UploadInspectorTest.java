package id.satupintu.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadInspectorTest {

    private final UploadInspector inspector = new UploadInspector(DataSize.ofMegabytes(5));

    @Test
    void realPdfJpegAndPngFilesAreAcceptedByTheirContent() {
        byte[] pdf = TestFiles.pdf("Surat pengantar RT/RW");
        InspectedFile file = inspector.inspect("surat-pengantar.pdf", pdf);
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.displayName()).isEqualTo("surat-pengantar.pdf");
        assertThat(file.size()).isEqualTo(pdf.length);
        assertThat(file.sha256Hex()).isEqualTo(Sha256.hex(pdf)).hasSize(64);
        assertThat(file.content()).isEqualTo(pdf);

        assertThat(inspector.inspect("foto KTP.jpeg", TestFiles.image("jpeg")).mediaType()).isEqualTo("image/jpeg");
        assertThat(inspector.inspect("foto KTP.jpeg", TestFiles.image("jpeg")).displayName())
                .isEqualTo("foto KTP.jpeg");
        InspectedFile png = inspector.inspect("pas-foto.PNG", TestFiles.image("png"));
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.displayName()).isEqualTo("pas-foto.png");
    }

    @Test
    void aNameThatDisagreesWithTheContentGetsTheRightExtension() {
        assertThat(inspector.inspect("scan.png", TestFiles.image("jpeg")).displayName()).isEqualTo("scan.jpg");
        assertThat(inspector.inspect("ijazah.docx", TestFiles.pdf("Ijazah")).displayName()).isEqualTo("ijazah.pdf");
        assertThat(inspector.inspect("akta kelahiran", TestFiles.image("png")).displayName())
                .isEqualTo("akta kelahiran.png");
        // The client's claim plays no part: only the bytes are given.
        assertThat(inspector.inspect("photo.jpg", TestFiles.pdf("x")).mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void pathsControlAndInvisibleCharactersAreStrippedFromTheName() {
        byte[] pdf = TestFiles.pdf("x");
        assertThat(inspector.inspect("../../etc/passwd", pdf).displayName()).isEqualTo("passwd.pdf");
        assertThat(inspector.inspect("C:\\x\\y.pdf", pdf).displayName()).isEqualTo("y.pdf");
        assertThat(inspector.inspect("..", pdf).displayName()).isEqualTo("dokumen.pdf");
        assertThat(inspector.inspect(null, pdf).displayName()).isEqualTo("dokumen.pdf");
        assertThat(inspector.inspect("  .hidden.pdf", pdf).displayName()).isEqualTo("hidden.pdf");
        assertThat(inspector.inspect("a\u0000b\r\nc\t.pdf", pdf).displayName()).isEqualTo("abc.pdf");
        // A right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf".
        assertThat(inspector.inspect("invoice\u202Efdp.exe", pdf).displayName()).isEqualTo("invoicefdp.pdf");
        assertThat(inspector.inspect("what?<is>|this*.pdf", pdf).displayName()).isEqualTo("what__is__this_.pdf");
        String longName = "a".repeat(500) + ".pdf";
        assertThat(inspector.inspect(longName, pdf).displayName()).isEqualTo("a".repeat(100) + ".pdf");
        assertThat(inspector.inspect("Surat Keterangan Domisili – Budi Śantoso.pdf", pdf).displayName())
                .isEqualTo("Surat Keterangan Domisili – Budi Śantoso.pdf");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> inspector.inspect("kosong.pdf", new byte[0]))
                .isInstanceOfSatisfying(DocumentError.class,
                        e -> assertThat(e.documentCode()).isEqualTo(DocumentError.Code.FILE_EMPTY));
        assertThatThrownBy(() -> inspector.inspect("kosong.pdf", null)).isInstanceOf(DocumentError.class);
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimit() {
        UploadInspector small = new UploadInspector(DataSize.ofKilobytes(1));
        byte[] pdf = Arrays.copyOf(TestFiles.pdf("Lampiran"), 1025);
        assertThatThrownBy(() -> small.inspect("besar.pdf", pdf))
                .isInstanceOfSatisfying(DocumentError.class, e -> {
                    assertThat(e.documentCode()).isEqualTo(DocumentError.Code.FILE_TOO_LARGE);
                    assertThat(e.properties()).containsEntry("maxBytes", 1024L);
                    assertThat(e.args()).containsExactly("1 KB");
                });
        byte[] exactly = Arrays.copyOf(pdf, 1024);
        assertThat(small.inspect("pas.pdf", exactly).size()).isEqualTo(1024);

        byte[] sixMegabytes = Arrays.copyOf(TestFiles.pdf("x"), 6 * 1024 * 1024);
        assertThatThrownBy(() -> inspector.inspect("besar.pdf", sixMegabytes))
                .isInstanceOfSatisfying(DocumentError.class, e -> assertThat(e.args()).containsExactly("5 MB"));
    }

    @Test
    void executablesAndOtherTypesAreRefusedWhateverTheirName() {
        byte[] windows = new byte[512];
        windows[0] = 'M';
        windows[1] = 'Z';
        windows[0x3c] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, windows, 0x80, 4);
        byte[] elf = Arrays.copyOf(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 256);
        byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
        byte[] text = "ini bukan gambar".getBytes(StandardCharsets.US_ASCII);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        for (byte[] content : List.of(windows, elf, script, text, html, TestFiles.image("gif"))) {
            for (String name : List.of("surat.pdf", "foto.png", "foto.jpg")) {
                assertThatThrownBy(() -> inspector.inspect(name, content))
                        .isInstanceOfSatisfying(DocumentError.class, e -> {
                            assertThat(e.documentCode()).isEqualTo(DocumentError.Code.FILE_TYPE_NOT_ALLOWED);
                            assertThat(e.properties()).containsEntry("allowed", List.of("pdf", "jpeg", "png"));
                        });
            }
        }
    }
}
