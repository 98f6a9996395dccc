package id.satupintu.document;

import java.time.Instant;
import java.time.ZoneId;

/** What anyone who holds a document learns from its id: genuine, revoked, or not known here. */
public sealed interface Verification {

    enum Status {
        VALID, REVOKED, UNKNOWN
    }

    /** Whether a file someone holds is, byte for byte, the document as issued. */
    enum FileCheck {
        NOT_CHECKED, MATCHES, DIFFERS
    }

    Status status();

    FileCheck fileCheck();

    /**
     * The facts of an issued document that its verification shows to anyone.
     *
     * @param holder the applicant's name masked to initials, such as "S*** N********"
     * @param zone   the issuing mall's time zone
     */
    record Document(DocumentId id, String issuerName, String title, String referenceNumber, String serviceName,
            String holder, ZoneId zone, Instant issuedAt, String sha256Hex) {
    }

    record Valid(Document document, FileCheck fileCheck) implements Verification {
        @Override
        public Status status() {
            return Status.VALID;
        }
    }

    record Revoked(Document document, Instant revokedAt, String reason, FileCheck fileCheck)
            implements Verification {
        @Override
        public Status status() {
            return Status.REVOKED;
        }
    }

    record Unknown() implements Verification {
        @Override
        public Status status() {
            return Status.UNKNOWN;
        }

        @Override
        public FileCheck fileCheck() {
            return FileCheck.NOT_CHECKED;
        }
    }
}
