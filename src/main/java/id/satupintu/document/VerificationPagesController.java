package id.satupintu.document;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

import id.satupintu.shared.web.DateTexts;
import id.satupintu.shared.web.LimitedPublicWrite;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public page a document's QR code opens: whether the document is genuine, and a form to check that the PDF
 * someone holds is exactly the one issued. The PDF itself is never offered here; it belongs to its applicant.
 */
@Controller
class VerificationPagesController {

    private final OutputDocuments documents;
    private final DateTexts dates;

    VerificationPagesController(OutputDocuments documents, DateTexts dates) {
        this.documents = documents;
        this.dates = dates;
    }

    @GetMapping("/verify/{id}")
    String verification(@PathVariable String id, Model model, Locale locale, HttpServletResponse response) {
        Verification verification = DocumentId.parse(id).map(documents::verify)
                .orElseGet(Verification.Unknown::new);
        return page(id, verification, model, locale, response);
    }

    @PostMapping("/verify/{id}")
    @LimitedPublicWrite
    String checkFile(@PathVariable String id, @RequestParam(required = false) MultipartFile file, Model model,
            Locale locale, HttpServletResponse response) throws IOException {
        Optional<DocumentId> documentId = DocumentId.parse(id);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileMissing", true);
            return page(id, documentId.map(documents::verify).orElseGet(Verification.Unknown::new), model, locale,
                    response);
        }
        byte[] content = file.getBytes();
        return page(id, documentId.map(d -> documents.verifyFile(d, content)).orElseGet(Verification.Unknown::new),
                model, locale, response);
    }

    private String page(String id, Verification verification, Model model, Locale locale,
            HttpServletResponse response) {
        model.addAttribute("id", id);
        model.addAttribute("verification", verification);
        switch (verification) {
            case Verification.Valid valid -> model.addAttribute("issuedAt", when(valid.document(),
                    valid.document().issuedAt(), locale));
            case Verification.Revoked revoked -> {
                model.addAttribute("issuedAt", when(revoked.document(), revoked.document().issuedAt(), locale));
                model.addAttribute("revokedAt", when(revoked.document(), revoked.revokedAt(), locale));
            }
            case Verification.Unknown unknown -> response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        return "document/verify";
    }

    private String when(Verification.Document document, java.time.Instant instant, Locale locale) {
        return dates.dateTime(ZonedDateTime.ofInstant(instant, document.zone()), locale);
    }
}
