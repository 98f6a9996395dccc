package id.satupintu.shared;

import java.io.Serializable;

/** Identifies a service across modules; never reused. */
public record ServiceId(long value) implements Serializable {

    public ServiceId {
        if (value <= 0) {
            throw new IllegalArgumentException("Service id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
