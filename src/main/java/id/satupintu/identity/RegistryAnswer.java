package id.satupintu.identity;

import java.util.Set;

/** What the population registry says about a NIK with a name and date of birth. */
public sealed interface RegistryAnswer {

    /** The registry knows this living person; its spelling of the name and the region where they live now. */
    record Match(String registeredName, String regionCode) implements RegistryAnswer {
    }

    /** The NIK is registered, but the name or the date of birth given differ from the registry's. */
    record Mismatch(Set<Field> fields) implements RegistryAnswer {
        public Mismatch {
            fields = Set.copyOf(fields);
        }
    }

    /** No one is registered under this NIK. */
    record NotFound() implements RegistryAnswer {
    }

    /** The person registered under this NIK has died. */
    record Deceased() implements RegistryAnswer {
    }

    /** A detail that can differ from the registry's. */
    enum Field {
        FULL_NAME,
        BIRTH_DATE
    }
}
