package id.satupintu.document;

import java.time.Instant;

/**
 * A signed output document as issued: keep the id to fetch its PDF for the applicant.
 *
 * @param sha256Hex       fingerprint of the signed PDF, lower-case hex
 * @param verificationUrl the public page that tells anyone whether the document is genuine (in its QR code)
 */
public record IssuedDocument(DocumentId id, String sha256Hex, Instant issuedAt, String verificationUrl) {
}
