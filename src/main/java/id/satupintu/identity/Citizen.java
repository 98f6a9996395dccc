package id.satupintu.identity;

import id.satupintu.shared.CitizenId;

/**
 * A citizen's account as other modules see it: the name as the population registry spells it, the NIK only masked,
 * the contacts codes and messages go to (either may be null), and the region where the registry says they live.
 */
public record Citizen(CitizenId id, String fullName, String nikMasked, String email, String phone,
        String regionCode) {
}
