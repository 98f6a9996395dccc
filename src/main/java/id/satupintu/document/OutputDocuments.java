package id.satupintu.document;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import id.satupintu.shared.web.PublicLinks;
import org.springframework.stereotype.Service;

/**
 * Issues output documents: lays out the PDF, signs it (PAdES) and keeps the signed bytes, so that anyone can check
 * a document by the QR code on it, and the applicant can download it again. A document can be revoked; its
 * verification then says so.
 */
@Service
public class OutputDocuments {

    private static final Logger log = LoggerFactory.getLogger(OutputDocuments.class);
    private static final int MAX_REASON_LENGTH = 500;

    private final IssuedDocuments documents;
    private final OutputDocumentPdf layout;
    private final SigningKeys keys;
    private final MessageSource messages;
    private final PublicLinks links;
    private final Clock clock;

    OutputDocuments(IssuedDocuments documents, OutputDocumentPdf layout, SigningKeys keys, MessageSource messages,
            PublicLinks links, Clock clock) {
        this.documents = documents;
        this.layout = layout;
        this.keys = keys;
        this.messages = messages;
        this.links = links;
        this.clock = clock;
    }

    /** Lays out, signs and stores a new document; joins the caller's transaction when there is one. */
    public IssuedDocument issue(OutputDocumentContent content) {
        DocumentId id = DocumentId.random();
        // Whole seconds, as the signature's own time in the PDF has them.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String url = verificationUrl(id);
        byte[] unsigned = layout.render(content, id, issuedAt, url);
        String reason = messages.getMessage("document.pdf.signatureReason",
                new Object[] {content.title(), content.referenceNumber()}, content.locale());
        byte[] signed = PdfSigner.sign(unsigned, keys.get(), new PdfSigner.SignatureFacts(content.issuerName(),
                reason, content.issuerName(), issuedAt.atZone(content.zone())));
        String sha256 = Sha256.hex(signed);
        documents.insert(new Verification.Document(id, content.issuerName(), content.title(),
                content.referenceNumber(), content.serviceName(), initials(content.applicantName()), content.zone(),
                issuedAt, sha256), signed);
        log.info("Issued document {} for application {}", id, content.referenceNumber());
        return new IssuedDocument(id, sha256, issuedAt, url);
    }

    /** The signed PDF, for its applicant only: callers check who asks before they hand it out. */
    /** Where anyone checks the document: the address its QR code holds. */
    public String verificationUrl(DocumentId id) {
        return links.to("/verify/" + id);
    }

    public Optional<byte[]> pdf(DocumentId id) {
        return documents.pdf(id);
    }

    public Verification verify(DocumentId id) {
        return documents.find(id).map(stored -> verification(stored, Verification.FileCheck.NOT_CHECKED))
                .orElseGet(Verification.Unknown::new);
    }

    /** As {@link #verify}, and whether {@code uploadedPdf} is exactly the document as issued. */
    public Verification verifyFile(DocumentId id, byte[] uploadedPdf) {
        return documents.find(id).map(stored -> verification(stored,
                        uploadedPdf != null && Sha256.hex(uploadedPdf).equals(stored.document().sha256Hex())
                                ? Verification.FileCheck.MATCHES
                                : Verification.FileCheck.DIFFERS))
                .orElseGet(Verification.Unknown::new);
    }

    /**
     * Revokes a document; its verification says so from now on, with the reason. Revoking it again changes nothing.
     *
     * @throws DocumentError DOCUMENT_NOT_FOUND, or INVALID_REVOCATION_REASON for a blank or overlong reason
     */
    public void revoke(DocumentId id, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > MAX_REASON_LENGTH) {
            throw new DocumentError(DocumentError.Code.INVALID_REVOCATION_REASON, MAX_REASON_LENGTH);
        }
        Optional<IssuedDocuments.Stored> stored = documents.find(id);
        if (stored.isEmpty()) {
            throw new DocumentError(DocumentError.Code.DOCUMENT_NOT_FOUND);
        }
        if (documents.revoke(id, clock.instant(), text)) {
            log.info("Revoked document {} of application {}", id, stored.get().document().referenceNumber());
        }
    }

    private static Verification verification(IssuedDocuments.Stored stored, Verification.FileCheck check) {
        return stored.revokedAt() == null
                ? new Verification.Valid(stored.document(), check)
                : new Verification.Revoked(stored.document(), stored.revokedAt(), stored.revokedReason(), check);
    }

    /** "Siti Nurhaliza" as "S*** N********": enough for a holder to recognise, too little to identify anyone. */
    static String initials(String name) {
        return Arrays.stream(name.strip().split("\\s+"))
                .map(word -> word.substring(0, word.offsetByCodePoints(0, 1))
                        + "*".repeat(word.codePointCount(0, word.length()) - 1))
                .collect(Collectors.joining(" "));
    }

}
