package id.satupintu.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.LocalizedText;
import id.satupintu.shared.MallId;
import id.satupintu.shared.NotFoundException;
import id.satupintu.shared.ServiceId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agencies, services and counters of each mall. */
@Service
public class Catalogue {

    private static final String SERVICE_COLUMNS = """
            SELECT s.id, s.mall_id, s.agency_id, s.code, s.name_id, s.name_en, s.requirements, s.procedure,
                   s.completion_time, s.fee, s.fee_legal_basis, s.product, s.complaint_channel, s.legal_basis,
                   s.ticket_prefix, s.daily_quota, s.online, s.active, s.version
            FROM service s
            """;

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- agencies

    public List<Agency> agencies(MallId mall) {
        return jdbc.sql("SELECT id, mall_id, code, name_id, name_en, sort_order FROM agency WHERE mall_id = :mall"
                        + " ORDER BY sort_order, code")
                .param("mall", mall.value())
                .query(Catalogue::agency)
                .list();
    }

    public Agency agency(MallId mall, String code) {
        return jdbc.sql("SELECT id, mall_id, code, name_id, name_en, sort_order FROM agency"
                        + " WHERE mall_id = :mall AND code = :code")
                .param("mall", mall.value()).param("code", code)
                .query(Catalogue::agency)
                .optional()
                .orElseThrow(() -> new NotFoundException(NotFoundException.Code.AGENCY_NOT_FOUND, code));
    }

    public Agency agency(MallId mall, AgencyId id) {
        return jdbc.sql("SELECT id, mall_id, code, name_id, name_en, sort_order FROM agency"
                        + " WHERE mall_id = :mall AND id = :id")
                .param("mall", mall.value()).param("id", id.value())
                .query(Catalogue::agency)
                .optional()
                .orElseThrow(() -> new NotFoundException(NotFoundException.Code.AGENCY_NOT_FOUND, id));
    }

    @Transactional
    public AgencyId createAgency(MallId mall, String code, LocalizedText name, int sortOrder) {
        try {
            return new AgencyId(jdbc.sql("""
                    INSERT INTO agency (mall_id, code, name_id, name_en, sort_order)
                    VALUES (:mall, :code, :nameId, :nameEn, :sort) RETURNING id
                    """)
                    .param("mall", mall.value()).param("code", code.strip().toLowerCase(Locale.ROOT))
                    .param("nameId", name.id().strip()).param("nameEn", name.en().strip()).param("sort", sortOrder)
                    .query(Long.class).single());
        } catch (DuplicateKeyException e) {
            throw new CatalogueError(CatalogueError.Code.DUPLICATE_CODE, code);
        }
    }

    @Transactional
    public void renameAgency(MallId mall, String code, LocalizedText name, int sortOrder) {
        agency(mall, code);
        jdbc.sql("UPDATE agency SET name_id = :nameId, name_en = :nameEn, sort_order = :sort"
                        + " WHERE mall_id = :mall AND code = :code")
                .param("nameId", name.id().strip()).param("nameEn", name.en().strip()).param("sort", sortOrder)
                .param("mall", mall.value()).param("code", code)
                .update();
    }

    // ---- services

    /** Every service of the mall, active or not, ordered by agency. */
    public List<MallService> services(MallId mall) {
        return jdbc.sql(SERVICE_COLUMNS + " JOIN agency a ON a.id = s.agency_id WHERE s.mall_id = :mall"
                        + " ORDER BY a.sort_order, a.code, s.name_id")
                .param("mall", mall.value())
                .query(Catalogue::service)
                .list();
    }

    /** The services a citizen can use at the mall today. */
    public List<MallService> activeServices(MallId mall) {
        return services(mall).stream().filter(MallService::active).toList();
    }

    public Optional<MallService> findService(MallId mall, String code) {
        return jdbc.sql(SERVICE_COLUMNS + " WHERE s.mall_id = :mall AND s.code = :code")
                .param("mall", mall.value()).param("code", code == null ? "" : code.strip())
                .query(Catalogue::service)
                .optional();
    }

    public MallService service(MallId mall, ServiceId id) {
        return jdbc.sql(SERVICE_COLUMNS + " WHERE s.mall_id = :mall AND s.id = :id")
                .param("mall", mall.value()).param("id", id.value())
                .query(Catalogue::service)
                .optional()
                .orElseThrow(() -> new NotFoundException(NotFoundException.Code.SERVICE_NOT_FOUND, id));
    }

    public MallService service(MallId mall, String code) {
        return findService(mall, code)
                .orElseThrow(() -> new NotFoundException(NotFoundException.Code.SERVICE_NOT_FOUND, code));
    }

    @Transactional
    public ServiceId createService(MallId mall, ServiceDraft draft) {
        Agency agency = agency(mall, draft.agencyCode());
        try {
            return new ServiceId(jdbc.sql("""
                    INSERT INTO service (mall_id, agency_id, code, name_id, name_en, requirements, procedure,
                        completion_time, fee, fee_legal_basis, product, complaint_channel, legal_basis,
                        ticket_prefix, daily_quota, online, active)
                    VALUES (:mall, :agency, :code, :nameId, :nameEn, :requirements, :procedure, :completionTime,
                        :fee, :feeLegalBasis, :product, :complaintChannel, :legalBasis, :ticketPrefix, :dailyQuota,
                        :online, :active)
                    RETURNING id
                    """)
                    .paramSource(new ServiceColumns(draft).addValue("mall", mall.value())
                            .addValue("agency", agency.id().value()).addValue("code", draft.code().strip()))
                    .query(Long.class).single());
        } catch (DuplicateKeyException e) {
            throw new CatalogueError(CatalogueError.Code.DUPLICATE_CODE, draft.code());
        }
    }

    /**
     * Changes a service. The code and agency of a service stay what they are; {@code expectedVersion}, when given,
     * refuses the change if someone else saved the service in the meantime.
     */
    @Transactional
    public MallService updateService(MallId mall, String code, ServiceDraft draft, Integer expectedVersion) {
        MallService current = service(mall, code);
        Agency agency = agency(mall, draft.agencyCode());
        if (!agency.id().equals(current.agencyId())) {
            throw new CatalogueError(CatalogueError.Code.SERVICE_OF_OTHER_AGENCY, code);
        }
        int updated = jdbc.sql("""
                UPDATE service SET name_id = :nameId, name_en = :nameEn, requirements = :requirements,
                    procedure = :procedure, completion_time = :completionTime, fee = :fee,
                    fee_legal_basis = :feeLegalBasis, product = :product, complaint_channel = :complaintChannel,
                    legal_basis = :legalBasis, ticket_prefix = :ticketPrefix, daily_quota = :dailyQuota,
                    online = :online, active = :active, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .paramSource(new ServiceColumns(draft).addValue("id", current.id().value())
                        .addValue("version", expectedVersion != null ? expectedVersion : current.version()))
                .update();
        if (updated == 0) {
            throw new CatalogueError(CatalogueError.Code.STALE_VERSION, code);
        }
        return service(mall, code);
    }

    /** Services whose name, code or agency matches every word of the query, across all malls. */
    public List<MallService> search(String query, int limit) {
        List<String> words = query == null ? List.of()
                : List.of(query.strip().toLowerCase(Locale.ROOT).split("\\s+")).stream()
                        .filter(w -> !w.isBlank()).limit(6).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SERVICE_COLUMNS).append("""
                 JOIN agency a ON a.id = s.agency_id
                 WHERE s.active
                """);
        List<Object> params = new ArrayList<>();
        for (String word : words) {
            sql.append(" AND lower(s.name_id || ' ' || s.name_en || ' ' || s.code || ' ' || a.name_id || ' '"
                    + " || a.name_en || ' ' || a.code || ' ' || s.product) LIKE ? ESCAPE '\\'");
            params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY s.name_id, s.mall_id LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(Catalogue::service).list();
    }

    // ---- counters

    public List<Counter> counters(MallId mall) {
        return jdbc.sql("""
                SELECT c.id, c.mall_id, c.agency_id, c.name,
                       coalesce(array_agg(cs.service_id ORDER BY cs.service_id)
                                FILTER (WHERE cs.service_id IS NOT NULL), '{}') AS services
                FROM counter c LEFT JOIN counter_service cs ON cs.counter_id = c.id
                WHERE c.mall_id = :mall
                GROUP BY c.id ORDER BY c.agency_id, c.name
                """)
                .param("mall", mall.value())
                .query((rs, n) -> new Counter(new CounterId(rs.getLong("id")), new MallId(rs.getLong("mall_id")),
                        new AgencyId(rs.getLong("agency_id")), rs.getString("name"),
                        Arrays.stream((Long[]) rs.getArray("services").getArray()).map(ServiceId::new).toList()))
                .list();
    }

    public Counter counter(MallId mall, CounterId id) {
        return counters(mall).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException(NotFoundException.Code.COUNTER_NOT_FOUND, id));
    }

    @Transactional
    public CounterId createCounter(MallId mall, String agencyCode, String name, Collection<String> serviceCodes) {
        Agency agency = agency(mall, agencyCode);
        long id;
        try {
            id = jdbc.sql("INSERT INTO counter (mall_id, agency_id, name) VALUES (:mall, :agency, :name)"
                            + " RETURNING id")
                    .param("mall", mall.value()).param("agency", agency.id().value()).param("name", name.strip())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new CatalogueError(CatalogueError.Code.DUPLICATE_CODE, name);
        }
        assignServices(mall, agency, new CounterId(id), serviceCodes);
        return new CounterId(id);
    }

    @Transactional
    public void updateCounter(MallId mall, CounterId id, String name, Collection<String> serviceCodes) {
        Counter counter = counter(mall, id);
        Agency agency = agency(mall, counter.agencyId());
        try {
            jdbc.sql("UPDATE counter SET name = :name WHERE id = :id")
                    .param("name", name.strip()).param("id", id.value()).update();
        } catch (DuplicateKeyException e) {
            throw new CatalogueError(CatalogueError.Code.DUPLICATE_CODE, name);
        }
        jdbc.sql("DELETE FROM counter_service WHERE counter_id = :id").param("id", id.value()).update();
        assignServices(mall, agency, id, serviceCodes);
    }

    private void assignServices(MallId mall, Agency agency, CounterId counter, Collection<String> serviceCodes) {
        for (String code : new LinkedHashSet<>(serviceCodes)) {
            MallService service = service(mall, code);
            if (!service.agencyId().equals(agency.id())) {
                throw new CatalogueError(CatalogueError.Code.SERVICE_OF_OTHER_AGENCY, code);
            }
            jdbc.sql("INSERT INTO counter_service (mall_id, counter_id, service_id) VALUES (:mall, :counter, :service)")
                    .param("mall", mall.value()).param("counter", counter.value())
                    .param("service", service.id().value())
                    .update();
        }
    }

    private static Agency agency(ResultSet rs, int row) throws SQLException {
        return new Agency(new AgencyId(rs.getLong("id")), new MallId(rs.getLong("mall_id")), rs.getString("code"),
                new LocalizedText(rs.getString("name_id"), rs.getString("name_en")), rs.getInt("sort_order"));
    }

    private static MallService service(ResultSet rs, int row) throws SQLException {
        return new MallService(new ServiceId(rs.getLong("id")), new MallId(rs.getLong("mall_id")),
                new AgencyId(rs.getLong("agency_id")), rs.getString("code"),
                new LocalizedText(rs.getString("name_id"), rs.getString("name_en")),
                ServiceDraft.lines(rs.getString("requirements")), ServiceDraft.lines(rs.getString("procedure")),
                rs.getString("completion_time"), rs.getString("fee"), rs.getString("fee_legal_basis"),
                rs.getString("product"), rs.getString("complaint_channel"), rs.getString("legal_basis"),
                rs.getString("ticket_prefix"), rs.getObject("daily_quota", Integer.class), rs.getBoolean("online"),
                rs.getBoolean("active"), rs.getInt("version"));
    }
}
