package id.satupintu.queue;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** Rules of the queue that a request broke. */
public class QueueError extends DomainException {

    public enum Code implements ErrorCode {
        TICKET_NOT_FOUND(ErrorKind.NOT_FOUND),
        ILLEGAL_TRANSITION(ErrorKind.CONFLICT),
        QUOTA_EXHAUSTED(ErrorKind.CONFLICT),
        MALL_CLOSED(ErrorKind.CONFLICT),
        SERVICE_UNAVAILABLE(ErrorKind.CONFLICT),
        COUNTER_NOT_OPEN(ErrorKind.CONFLICT),
        COUNTER_BUSY(ErrorKind.CONFLICT),
        RECALL_LIMIT(ErrorKind.CONFLICT),
        RECALL_TOO_SOON(ErrorKind.CONFLICT),
        TRANSFER_TO_SAME_SERVICE(ErrorKind.UNPROCESSABLE),
        REASON_REQUIRED(ErrorKind.UNPROCESSABLE),
        DAY_FULL(ErrorKind.CONFLICT);

        private final ErrorKind kind;

        Code(ErrorKind kind) {
            this.kind = kind;
        }

        @Override
        public ErrorKind kind() {
            return kind;
        }
    }

    public QueueError(Code code, Object... args) {
        super(code, args);
    }
}
