package id.satupintu;

import java.util.Map;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.catalogue.ServiceDraft;
import tools.jackson.databind.json.JsonMapper;

/** A service as it stands, with a changed fee or quota: as an API request body, or as a draft. */
public final class ServiceRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServiceRequests() {
    }

    /** The body of {@code PUT /api/v1/malls/{mall}/services/{code}} that keeps the service but for fee and quota. */
    public static String json(Catalogue catalogue, MallService service, String fee, Integer quota) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("agencyCode", catalogue.agency(service.mallId(), service.agencyId()).code());
        body.put("nameId", service.name().id());
        body.put("nameEn", service.name().en());
        body.put("requirements", service.requirements());
        body.put("procedure", service.procedure());
        body.put("completionTime", service.completionTime());
        body.put("fee", fee);
        body.put("feeLegalBasis", service.feeLegalBasis());
        body.put("product", service.product());
        body.put("complaintChannel", service.complaintChannel());
        body.put("ticketPrefix", service.ticketPrefix());
        body.put("dailyQuota", quota);
        body.put("online", service.online());
        body.put("active", true);
        return JSON.writeValueAsString(body);
    }

    /** The service as a draft with another daily quota (none when {@code null}). */
    public static ServiceDraft withQuota(Catalogue catalogue, MallService service, Integer quota) {
        ServiceDraft d = ServiceDraft.of(service, catalogue.agency(service.mallId(), service.agencyId()).code());
        return new ServiceDraft(d.agencyCode(), d.code(), d.nameId(), d.nameEn(), d.requirements(), d.procedure(),
                d.completionTime(), d.fee(), d.feeLegalBasis(), d.product(), d.complaintChannel(), d.legalBasis(),
                d.ticketPrefix(), quota, d.online(), d.active());
    }
}
