package id.satupintu.workflow;

import java.util.regex.Pattern;

/** The shape shared by workflow, state and action codes: UPPER_SNAKE, such as {@code RETURN_FOR_REVISION}. */
final class Codes {

    static final int MAX_LENGTH = 60;

    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private Codes() {
    }

    static boolean isUpperSnake(String value) {
        return value != null && value.length() <= MAX_LENGTH && UPPER_SNAKE.matcher(value).matches();
    }

    /** The value when it is a well-formed code; else an {@code INVALID_CODE} error naming it. */
    static String require(String value) {
        if (!isUpperSnake(value)) {
            throw new WorkflowError(WorkflowError.Code.INVALID_CODE, String.valueOf(value));
        }
        return value;
    }
}
