package id.satupintu.catalogue;

import java.util.List;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.LocalizedText;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;

/**
 * A service as one mall publishes it: the six public components of its standard (requirements, procedure,
 * completion time, fee with its legal basis, product, complaint channel), its legal basis, and the mall's own
 * settings (ticket prefix, daily quota, online).
 */
public record MallService(ServiceId id, MallId mallId, AgencyId agencyId, String code, LocalizedText name,
        List<String> requirements, List<String> procedure, String completionTime, String fee, String feeLegalBasis,
        String product, String complaintChannel, String legalBasis, String ticketPrefix, Integer dailyQuota,
        boolean online, boolean active, int version) {

    public boolean hasQuota() {
        return dailyQuota != null;
    }
}
