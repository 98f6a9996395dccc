package id.satupintu.region;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** Opening hours that cannot be: closing before opening, a break outside the day. */
public class InvalidOpeningHours extends DomainException {

    public enum Code implements ErrorCode {
        INVALID_HOURS;

        @Override
        public ErrorKind kind() {
            return ErrorKind.UNPROCESSABLE;
        }
    }

    InvalidOpeningHours(String messageKey) {
        super(Code.INVALID_HOURS, messageKey);
    }
}
