package id.satupintu.insight;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** A report or monitor request that cannot be answered as asked. */
public class InsightError extends DomainException {

    public enum Code implements ErrorCode {
        /** The period is reversed, unreadable or longer than a report covers. */
        INVALID_PERIOD(ErrorKind.BAD_REQUEST),
        /** A granularity, ranking or export format that does not exist. */
        INVALID_CHOICE(ErrorKind.BAD_REQUEST),
        /** A wait target or alert threshold outside 1 to 600 minutes. */
        INVALID_TARGET(ErrorKind.UNPROCESSABLE);

        private final ErrorKind kind;

        Code(ErrorKind kind) {
            this.kind = kind;
        }

        @Override
        public ErrorKind kind() {
            return kind;
        }
    }

    public InsightError(Code code, Object... args) {
        super(code, args);
    }
}
