package id.satupintu.document;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Document verification")
class VerificationApiController {

    private final OutputDocuments documents;

    VerificationApiController(OutputDocuments documents) {
        this.documents = documents;
    }

    /** What the verification page says, for apps that scan the QR code; absent facts are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerificationResponse(String status, String issuer, String title, String referenceNumber, String service,
            String holder, OffsetDateTime issuedAt, String sha256, OffsetDateTime revokedAt, String revokedReason) {

        static VerificationResponse of(Verification verification) {
            return switch (verification) {
                case Verification.Valid valid -> of("VALID", valid.document(), null, null);
                case Verification.Revoked revoked -> of("REVOKED", revoked.document(),
                        revoked.revokedAt().atZone(revoked.document().zone()).toOffsetDateTime(), revoked.reason());
                case Verification.Unknown unknown ->
                        new VerificationResponse("UNKNOWN", null, null, null, null, null, null, null, null, null);
            };
        }

        private static VerificationResponse of(String status, Verification.Document d, OffsetDateTime revokedAt,
                String reason) {
            return new VerificationResponse(status, d.issuerName(), d.title(), d.referenceNumber(), d.serviceName(),
                    d.holder(), d.issuedAt().atZone(d.zone()).toOffsetDateTime(), d.sha256Hex(), revokedAt, reason);
        }
    }

    @GetMapping("/api/v1/documents/{id}/verification")
    @Operation(summary = "Whether an output document is genuine, by the id in its QR code",
            description = "Always 200: status VALID with the document's facts and the SHA-256 of the signed PDF, "
                    + "REVOKED with those facts and revokedAt and revokedReason, or UNKNOWN (also for an id that is "
                    + "not well-formed) with no other field, so that a scanning app need not tell a 404 of this "
                    + "call from one of a wrong address. Times carry the issuing mall's offset.")
    VerificationResponse verification(@PathVariable String id) {
        return VerificationResponse.of(DocumentId.parse(id).map(documents::verify)
                .orElseGet(Verification.Unknown::new));
    }
}
