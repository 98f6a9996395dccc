package id.satupintu.document;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies an issued document; random (122 bits), so that nobody can guess the id of someone else's document. */
public record DocumentId(UUID value) implements Serializable {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public DocumentId {
        if (value == null) {
            throw new IllegalArgumentException("Document id must not be null");
        }
    }

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID());
    }

    /** The id written as text, or empty when the text is not one (a mistyped or damaged link). */
    public static Optional<DocumentId> parse(String text) {
        // UUID.fromString accepts short forms such as "1-1-1-1-1"; only the canonical form names a document.
        if (text == null || !CANONICAL.matcher(text.strip().toLowerCase(Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        return Optional.of(new DocumentId(UUID.fromString(text.strip())));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
