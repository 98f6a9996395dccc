package id.satupintu.shared;

import java.io.Serializable;

/** Identifies a mall across modules; never reused. */
public record MallId(long value) implements Serializable {

    public MallId {
        if (value <= 0) {
            throw new IllegalArgumentException("Mall id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
