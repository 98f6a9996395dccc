package id.satupintu.catalogue;

import java.util.List;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;

/** A counter (loket) of an agency and the services it serves. */
public record Counter(CounterId id, MallId mallId, AgencyId agencyId, String name, List<ServiceId> services) {
}
