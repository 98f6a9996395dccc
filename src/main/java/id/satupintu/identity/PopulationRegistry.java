package id.satupintu.identity;

import java.time.LocalDate;

/**
 * The port to the civil registry (Dukcapil), the authority on whether a NIK belongs to a living person with this
 * name and date of birth. An HTTP adapter when {@code satupintu.registry.url} is set, else a simulator with demo
 * citizens ({@code identity/demo-citizens.json}).
 */
public interface PopulationRegistry {

    /**
     * Asks the registry about a person.
     *
     * @throws RegistryUnavailable when the registry cannot answer now (down, slow, misconfigured)
     */
    RegistryAnswer verify(Nik nik, String fullName, LocalDate birthDate);
}
