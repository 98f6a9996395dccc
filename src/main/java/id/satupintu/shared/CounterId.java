package id.satupintu.shared;

import java.io.Serializable;

/** Identifies a counter across modules; never reused. */
public record CounterId(long value) implements Serializable {

    public CounterId {
        if (value <= 0) {
            throw new IllegalArgumentException("Counter id must be positive: " + value);
        }
    }

    /** A counter a caller named (a path, a form): one that cannot exist is not found, not a programming error. */
    public static CounterId given(long value) {
        if (value <= 0) {
            throw new NotFoundException(NotFoundException.Code.COUNTER_NOT_FOUND, value);
        }
        return new CounterId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
