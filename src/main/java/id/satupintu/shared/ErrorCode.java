package id.satupintu.shared;

/**
 * A stable, machine-readable error code (UPPER_SNAKE). Modules declare their codes as enums implementing this
 * interface; the human message comes from the message bundles under {@code error.<CODE>}.
 */
public interface ErrorCode {

    String name();

    ErrorKind kind();

    default String messageKey() {
        return "error." + name();
    }
}
