package id.satupintu.submission;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Files as responses. An uploaded file is sent with the type judged from its content when it was accepted, never
 * sniffed again by the browser, and kept out of shared caches: it is personal data.
 */
final class DocumentResponses {

    private DocumentResponses() {
    }

    static ResponseEntity<byte[]> inline(SubmissionStore.StoredFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.document().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.document().displayName(), java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    static ResponseEntity<byte[]> pdfDownload(byte[] pdf, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }
}
