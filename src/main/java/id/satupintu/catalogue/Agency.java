package id.satupintu.catalogue;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.LocalizedText;
import id.satupintu.shared.MallId;

/** An agency (instansi) with a presence in one mall. */
public record Agency(AgencyId id, MallId mallId, String code, LocalizedText name, int sortOrder) {
}
