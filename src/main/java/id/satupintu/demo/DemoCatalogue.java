package id.satupintu.demo;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import id.satupintu.shared.LocalizedText;

/** The shape of {@code demo/catalogue.json} and {@code demo/malls.json}. */
final class DemoCatalogue {

    private DemoCatalogue() {
    }

    record Catalogue(List<AgencyTemplate> agencies) {
    }

    record AgencyTemplate(String code, LocalizedText name, String ticketPrefix, List<ServiceTemplate> services) {
    }

    record ServiceTemplate(String code, LocalizedText name, List<String> requirements, List<String> procedure,
            String completionTime, String fee, String feeLegalBasis, String product, String complaintChannel,
            String legalBasis, boolean online, Integer dailyQuota, boolean regionalFee) {
    }

    record MallTemplate(String code, String name, String address, String timeZone, Map<DayOfWeek, Hours> hours,
            Map<String, Tenant> agencies, Map<String, Override> overrides) {
    }

    record Hours(LocalTime opens, LocalTime closes, LocalTime breakStart, LocalTime breakEnd) {
    }

    record Tenant(int counters, List<String> services) {
    }

    record Override(String fee, String feeLegalBasis, Integer dailyQuota) {
    }
}
