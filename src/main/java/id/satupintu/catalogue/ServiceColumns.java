package id.satupintu.catalogue;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The writable columns of a service, taken from a draft. */
final class ServiceColumns extends MapSqlParameterSource {

    ServiceColumns(ServiceDraft draft) {
        addValue("nameId", draft.nameId().strip());
        addValue("nameEn", draft.nameEn().strip());
        addValue("requirements", String.join("\n", draft.requirementList()));
        addValue("procedure", String.join("\n", draft.procedureList()));
        addValue("completionTime", draft.completionTime().strip());
        addValue("fee", draft.fee().strip());
        addValue("feeLegalBasis", draft.feeLegalBasis().strip());
        addValue("product", draft.product().strip());
        addValue("complaintChannel", draft.complaintChannel().strip());
        addValue("legalBasis", draft.legalBasis() == null ? "" : draft.legalBasis().strip());
        addValue("ticketPrefix", draft.ticketPrefix().strip());
        addValue("dailyQuota", draft.dailyQuota());
        addValue("online", draft.isOnline());
        addValue("active", draft.isActive());
    }
}
