package id.satupintu.complaint;

import java.util.UUID;

/** Identifies a complaint inside SatuPintu; people use its {@link ComplaintCode}. */
public record ComplaintId(UUID value) {

    public ComplaintId {
        if (value == null) {
            throw new IllegalArgumentException("Complaint id is required");
        }
    }

    static ComplaintId random() {
        return new ComplaintId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
