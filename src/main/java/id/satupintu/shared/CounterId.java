package id.satupintu.shared;

import java.io.Serializable;

/** Identifies a counter across modules; never reused. */
public record CounterId(long value) implements Serializable {

    public CounterId {
        if (value <= 0) {
            throw new IllegalArgumentException("Counter id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
