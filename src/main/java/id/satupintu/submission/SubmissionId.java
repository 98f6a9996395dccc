package id.satupintu.submission;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/** Identifies an online application; random, so that it cannot be guessed from another one. */
public record SubmissionId(UUID value) implements Serializable {

    public SubmissionId {
        if (value == null) {
            throw new IllegalArgumentException("Submission id is required");
        }
    }

    public static SubmissionId random() {
        return new SubmissionId(UUID.randomUUID());
    }

    /** The id in a path or form, or empty when it is not an id at all. */
    public static Optional<SubmissionId> parse(String text) {
        try {
            return Optional.of(new SubmissionId(UUID.fromString(text == null ? "" : text.trim())));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
