package id.satupintu.shared;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule of the domain was broken. Carries a stable {@link ErrorCode} and the message key and arguments from which
 * the detail is rendered in the caller's language.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final Object[] args;
    private final Map<String, Object> properties = new LinkedHashMap<>();

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

    /** Adds a machine-readable fact for API callers, such as when a closed mall opens again. */
    public DomainException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
