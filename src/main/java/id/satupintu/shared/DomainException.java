package id.satupintu.shared;

import java.util.Arrays;

/**
 * A rule of the domain was broken. Carries a stable {@link ErrorCode} and the message key and arguments from which
 * the detail is rendered in the caller's language.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final Object[] args;

    public DomainException(ErrorCode code, Object... args) {
        this(code, code.messageKey(), args);
    }

    public DomainException(ErrorCode code, String messageKey, Object... args) {
        super(code.name() + " " + messageKey + " " + Arrays.toString(args));
        this.code = code;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public ErrorCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
