package id.satupintu.complaint;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** Rules of complaining and of handling complaints that a request broke. */
public class ComplaintError extends DomainException {

    public enum Code implements ErrorCode {
        COMPLAINT_NOT_FOUND(ErrorKind.NOT_FOUND),
        /** A field that is missing, malformed or out of bounds; the {@code field} property names it. */
        INVALID_COMPLAINT(ErrorKind.UNPROCESSABLE),
        TOO_MANY_ATTACHMENTS(ErrorKind.CONFLICT),
        /** Closed or ended: the complainant can no longer add to it (but may reopen a closed one). */
        COMPLAINT_NOT_OPEN(ErrorKind.CONFLICT),
        REOPEN_LIMIT_REACHED(ErrorKind.CONFLICT),
        /** A rating before the complaint was closed, or a second one. */
        RATING_NOT_OPEN(ErrorKind.CONFLICT),
        /** Forwarding needs the agency the complaint goes to. */
        AGENCY_REQUIRED(ErrorKind.UNPROCESSABLE);

        private final ErrorKind kind;

        Code(ErrorKind kind) {
            this.kind = kind;
        }

        @Override
        public ErrorKind kind() {
            return kind;
        }
    }

    ComplaintError(Code code, Object... args) {
        super(code, args);
    }

    private ComplaintError(Code code, String messageKey, Object... args) {
        super(code, messageKey, args);
    }

    /** A field that is missing or wrong; the detail comes from {@code error.INVALID_COMPLAINT.<field>}. */
    static ComplaintError invalid(String field, Object... args) {
        return (ComplaintError) new ComplaintError(Code.INVALID_COMPLAINT,
                Code.INVALID_COMPLAINT.messageKey() + "." + field, args).with("field", field);
    }

    static ComplaintError notFound() {
        return new ComplaintError(Code.COMPLAINT_NOT_FOUND);
    }

    public Code complaintCode() {
        return (Code) code();
    }
}
