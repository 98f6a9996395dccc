package id.satupintu.identity;

import java.time.Duration;

import id.satupintu.shared.DomainException;
import id.satupintu.shared.ErrorCode;
import id.satupintu.shared.ErrorKind;
import id.satupintu.shared.web.ProblemFactory;

/**
 * The population registry cannot answer now: it is down, too slow, or this installation is not allowed to ask it.
 * Nothing was decided about the person; ask again later ({@link #retryAfter()}).
 */
public class RegistryUnavailable extends DomainException {

    public enum Code implements ErrorCode {
        REGISTRY_UNAVAILABLE;

        @Override
        public ErrorKind kind() {
            return ErrorKind.SERVICE_UNAVAILABLE;
        }
    }

    private final Duration retryAfter;

    RegistryUnavailable(Duration retryAfter) {
        super(Code.REGISTRY_UNAVAILABLE);
        this.retryAfter = retryAfter;
        with(ProblemFactory.RETRY_AFTER_SECONDS, Math.max(1, retryAfter.toSeconds()));
    }

    /** A sensible time to wait before asking again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
