package id.satupintu.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a citizen's account across modules; random, so it says nothing about the person. */
public record CitizenId(UUID value) implements Serializable {

    public CitizenId {
        Objects.requireNonNull(value, "value");
    }

    public static CitizenId random() {
        return new CitizenId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
