package id.satupintu.identity;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** A citizen's sign-up or sign-in cannot go on. */
public class CitizenError extends DomainException {

    public enum Code implements ErrorCode {
        /** The registry did not confirm the person; deliberately one code whatever it said, so nothing leaks. */
        CITIZEN_NOT_VERIFIED,
        CITIZEN_ALREADY_REGISTERED,
        /** A contact is missing or malformed; the {@code field} property names it. */
        INVALID_CONTACT,
        SIGN_IN_CODE_WRONG,
        SIGN_IN_CODE_EXPIRED,
        SIGN_IN_CODE_LOCKED,
        SIGN_IN_CODE_RESEND_TOO_SOON;

        @Override
        public ErrorKind kind() {
            return switch (this) {
                case CITIZEN_ALREADY_REGISTERED -> ErrorKind.CONFLICT;
                case SIGN_IN_CODE_RESEND_TOO_SOON -> ErrorKind.TOO_MANY_REQUESTS;
                default -> ErrorKind.UNPROCESSABLE;
            };
        }
    }

    CitizenError(Code code, Object... args) {
        super(code, args);
    }

    private CitizenError(Code code, String messageKey) {
        super(code, messageKey);
    }

    /** A contact that is missing ({@code contact}) or malformed ({@code email}, {@code phone}). */
    static CitizenError invalidContact(String field) {
        CitizenError error = new CitizenError(Code.INVALID_CONTACT, Code.INVALID_CONTACT.messageKey() + "." + field);
        error.with("field", field);
        return error;
    }

    public Code citizenCode() {
        return (Code) code();
    }
}
