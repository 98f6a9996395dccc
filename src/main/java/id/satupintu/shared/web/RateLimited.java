package id.satupintu.shared.web;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;

/** A client sent more public writes than its share; it may try again after the given number of seconds. */
public class RateLimited extends DomainException {

    enum Code implements ErrorCode {
        RATE_LIMITED;

        @Override
        public ErrorKind kind() {
            return ErrorKind.TOO_MANY_REQUESTS;
        }
    }

    private final long retryAfterSeconds;

    RateLimited(long retryAfterSeconds) {
        super(Code.RATE_LIMITED, retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
        with(ProblemFactory.RETRY_AFTER_SECONDS, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
