package id.satupintu.shared;

import java.io.Serializable;

/** Identifies a agency across modules; never reused. */
public record AgencyId(long value) implements Serializable {

    public AgencyId {
        if (value <= 0) {
            throw new IllegalArgumentException("Agency id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
