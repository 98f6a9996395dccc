package id.satupintu.identity;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

import java.util.Objects;

/**
 * A NIK failed structural validation. The {@link Reason} says which rule failed first; the message key is
 * {@code error.INVALID_NIK.<REASON>}.
 *
 * <p>NIK is personal data, so this exception never carries the rejected input: no message argument, nothing in
 * {@link #getMessage()}, nothing in a field.
 */
public class InvalidNikException extends DomainException {

    public enum Code implements ErrorCode {
        INVALID_NIK;

        @Override
        public ErrorKind kind() {
            return ErrorKind.UNPROCESSABLE;
        }
    }

    /** Which structural rule failed, in the order the rules are checked. */
    public enum Reason {
        BLANK,
        WRONG_LENGTH,
        NOT_DIGITS,
        UNKNOWN_PROVINCE,
        INVALID_BIRTH_DATE,
        ZERO_SERIAL;

        /** The message key of this reason, e.g. {@code error.INVALID_NIK.WRONG_LENGTH}. */
        public String messageKey() {
            return Code.INVALID_NIK.messageKey() + "." + name();
        }
    }

    private final Reason reason;

    public InvalidNikException(Reason reason) {
        super(Code.INVALID_NIK, Objects.requireNonNull(reason, "reason").messageKey());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
