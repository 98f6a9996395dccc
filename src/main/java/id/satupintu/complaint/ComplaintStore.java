package id.satupintu.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import id.satupintu.identity.PersonalDataCipher;
import id.satupintu.identity.PersonalDataColumns;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.CitizenId;
import id.satupintu.shared.LocalizedText;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import id.satupintu.workflow.Actor;
import id.satupintu.workflow.StateCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Complaints, their attachments and their records of steps in PostgreSQL. */
@Repository
class ComplaintStore implements PersonalDataColumns {

    /** The encrypted contact of an anonymous complainant, bound to the complaint's id. */
    private static final String EMAIL = "complaint.email";
    private static final String PHONE = "complaint.phone";

    private static final String ATTACHMENT_COLUMNS =
            "id, complaint_id, display_name, media_type, size_bytes, sha256, uploaded_at";
    /** The most urgent first: the nearest deadline, then those without one, newest first. */
    private static final String URGENT_FIRST = " ORDER BY due_at ASC NULLS LAST, created_at DESC LIMIT :limit";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    ComplaintStore(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public List<Column> personalDataColumns() {
        return List.of(new Column("complaint", "contact_email", EMAIL, "id"),
                new Column("complaint", "contact_phone", PHONE, "id"));
    }

    Optional<Complaint> find(ComplaintId id) {
        return jdbc.sql("SELECT * FROM complaint WHERE id = :id").param("id", id.value())
                .query(this::row).optional();
    }

    Optional<Complaint> findByCode(ComplaintCode code) {
        return jdbc.sql("SELECT * FROM complaint WHERE code = :code").param("code", code.value())
                .query(this::row).optional();
    }

    /** Reads the complaint and locks its row until the transaction ends, so that steps on it take turns. */
    Optional<Complaint> lock(ComplaintCode code) {
        return jdbc.sql("SELECT * FROM complaint WHERE code = :code FOR UPDATE").param("code", code.value())
                .query(this::row).optional();
    }

    /** Locks a complaint a job is about to handle, unless another instance is handling it right now. */
    Optional<Complaint> lockIfFree(ComplaintId id) {
        return jdbc.sql("SELECT * FROM complaint WHERE id = :id FOR UPDATE SKIP LOCKED").param("id", id.value())
                .query(this::row).optional();
    }

    /** A mall's complaints, limited to those forwarded to one agency when given; done ones only when asked. */
    List<Complaint> handledAt(MallId mall, AgencyId agency, boolean includeDone, int limit) {
        return jdbc.sql("""
                SELECT * FROM complaint
                WHERE mall_id = :mall AND (:done OR state_open)
                  AND (CAST(:agency AS BIGINT) IS NULL OR (agency_id = :agency AND forwarded_at IS NOT NULL))
                """ + URGENT_FIRST)
                .param("mall", mall.value()).param("agency", agency == null ? null : agency.value())
                .param("done", includeDone).param("limit", limit)
                .query(this::row).list();
    }

    List<Complaint> ofCitizen(CitizenId citizen) {
        return jdbc.sql("SELECT * FROM complaint WHERE citizen_id = :citizen ORDER BY created_at DESC")
                .param("citizen", citizen.value()).query(this::row).list();
    }

    /** Open complaints past their deadline and not escalated yet, the oldest deadline first. */
    List<ComplaintId> overdue(Instant now, int limit) {
        return ids(jdbc.sql("""
                SELECT id FROM complaint WHERE due_at < :now AND escalated_at IS NULL AND state_open
                ORDER BY due_at LIMIT :limit
                """).param("now", ts(now)).param("limit", limit));
    }

    /** Complaints passed on to SP4N-LAPOR! that are not there yet. */
    List<ComplaintId> awaitingLapor(int limit) {
        return ids(jdbc.sql("""
                SELECT id FROM complaint WHERE lapor_requested_at IS NOT NULL AND lapor_id IS NULL AND state_open
                ORDER BY lapor_requested_at LIMIT :limit
                """).param("limit", limit));
    }

    /** Complaints at SP4N-LAPOR! whose report may still change, the least recently updated first. */
    List<ComplaintId> followedAtLapor(int limit) {
        return ids(jdbc.sql("""
                SELECT id FROM complaint
                WHERE lapor_id IS NOT NULL AND state_open
                  AND (lapor_status IS NULL OR lapor_status NOT IN ('ANSWERED', 'CLOSED', 'REJECTED'))
                ORDER BY updated_at LIMIT :limit
                """).param("limit", limit));
    }

    void insert(Complaint c) {
        jdbc.sql("""
                INSERT INTO complaint (id, mall_id, code, agency_id, service_id, category_code, description,
                    citizen_id, contact_email, contact_phone, language, channel, workflow_code, state, state_open,
                    state_entered_at, due_at, created_at, updated_at)
                VALUES (:id, :mall, :code, :agency, :service, :category, :description, :citizen, :email, :phone,
                    :language, :channel, :workflow, :state, :open, :entered, :due, :created, :updated)
                """)
                .param("id", c.id().value()).param("mall", c.mallId().value()).param("code", c.code().value())
                .param("agency", c.agencyId() == null ? null : c.agencyId().value())
                .param("service", c.serviceId() == null ? null : c.serviceId().value())
                .param("category", c.category()).param("description", c.description())
                .param("citizen", c.citizenId() == null ? null : c.citizenId().value())
                .param("email", cipher.seal(c.contactEmail(), EMAIL, c.id().value()))
                .param("phone", cipher.seal(c.contactPhone(), PHONE, c.id().value()))
                .param("language", c.language()).param("channel", c.channel())
                .param("workflow", c.workflowCode()).param("state", c.state().value()).param("open", c.open())
                .param("entered", ts(c.stateEnteredAt())).param("due", ts(c.dueAt()))
                .param("created", ts(c.createdAt())).param("updated", ts(c.updatedAt()))
                .update();
    }

    /** Writes what handling a complaint may change. */
    void update(Complaint c) {
        Complaint.Lapor lapor = c.lapor();
        jdbc.sql("""
                UPDATE complaint SET agency_id = :agency, state = :state, state_open = :open,
                    state_entered_at = :entered, due_at = :due, escalated_at = :escalated, forwarded_at = :forwarded,
                    reopen_count = :reopens, rating = :rating, lapor_requested_at = :laporRequested,
                    lapor_id = :laporId, lapor_status = :laporStatus, updated_at = :updated
                WHERE id = :id
                """)
                .param("id", c.id().value()).param("agency", c.agencyId() == null ? null : c.agencyId().value())
                .param("state", c.state().value()).param("open", c.open())
                .param("entered", ts(c.stateEnteredAt())).param("due", ts(c.dueAt()))
                .param("escalated", ts(c.escalatedAt())).param("forwarded", ts(c.forwardedAt()))
                .param("reopens", c.reopenCount()).param("rating", c.rating())
                .param("laporRequested", lapor == null ? null : ts(lapor.requestedAt()))
                .param("laporId", lapor == null ? null : lapor.reportId())
                .param("laporStatus", lapor == null ? null : lapor.status())
                .param("updated", ts(c.updatedAt()))
                .update();
    }

    // ---- categories

    /** Every category, also those no longer offered, which older complaints may have. */
    List<Category> categories() {
        return jdbc.sql("SELECT code, name_id, name_en, active FROM complaint_category ORDER BY sort_order, code")
                .query((rs, n) -> new Category(new ComplaintCategory(rs.getString("code"),
                        new LocalizedText(rs.getString("name_id"), rs.getString("name_en"))), rs.getBoolean("active")))
                .list();
    }

    /** A category and whether new complaints may choose it. */
    record Category(ComplaintCategory category, boolean active) {
    }

    // ---- attachments

    void insertAttachment(ComplaintAttachment a, byte[] content) {
        jdbc.sql("""
                INSERT INTO complaint_attachment (id, complaint_id, display_name, media_type, size_bytes, sha256,
                    content, uploaded_at)
                VALUES (:id, :complaint, :name, :type, :size, :sha, :content, :at)
                """)
                .param("id", a.id()).param("complaint", a.complaintId().value()).param("name", a.displayName())
                .param("type", a.mediaType()).param("size", a.size()).param("sha", a.sha256())
                .param("content", content).param("at", ts(a.uploadedAt()))
                .update();
    }

    List<ComplaintAttachment> attachments(ComplaintId id) {
        return jdbc.sql("SELECT " + ATTACHMENT_COLUMNS
                        + " FROM complaint_attachment WHERE complaint_id = :id ORDER BY uploaded_at, id")
                .param("id", id.value()).query(ComplaintStore::attachment).list();
    }

    /** An attachment with its bytes. */
    record StoredFile(ComplaintAttachment attachment, byte[] content) {
    }

    Optional<StoredFile> attachmentContent(ComplaintId id, UUID attachmentId) {
        return jdbc.sql("SELECT " + ATTACHMENT_COLUMNS
                        + ", content FROM complaint_attachment WHERE complaint_id = :complaint AND id = :id")
                .param("complaint", id.value()).param("id", attachmentId)
                .query((rs, n) -> new StoredFile(attachment(rs, n), rs.getBytes("content"))).optional();
    }

    // ---- steps

    void insertStep(ComplaintId id, ComplaintStep step) {
        jdbc.sql("""
                INSERT INTO complaint_step (complaint_id, at, actor_kind, actor_name, action, from_state, to_state,
                    note, visibility)
                VALUES (:id, :at, :kind, :name, :action, :from, :to, :note, :visibility)
                """)
                .param("id", id.value()).param("at", ts(step.at())).param("kind", step.actorKind().name())
                .param("name", step.actorName()).param("action", step.action()).param("from", step.fromState())
                .param("to", step.toState()).param("note", step.note() == null ? "" : step.note())
                .param("visibility", step.visibility().name())
                .update();
    }

    List<ComplaintStep> steps(ComplaintId id) {
        return jdbc.sql("SELECT * FROM complaint_step WHERE complaint_id = :id ORDER BY at, id")
                .param("id", id.value())
                .query((rs, n) -> new ComplaintStep(rs.getTimestamp("at").toInstant(),
                        Actor.valueOf(rs.getString("actor_kind")), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("from_state"), rs.getString("to_state"), rs.getString("note"),
                        ComplaintStep.Visibility.valueOf(rs.getString("visibility"))))
                .list();
    }

    private List<ComplaintId> ids(JdbcClient.StatementSpec query) {
        return query.query((rs, n) -> new ComplaintId(rs.getObject("id", UUID.class))).list();
    }

    private Complaint row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        long agency = rs.getLong("agency_id");
        boolean hasAgency = !rs.wasNull();
        long service = rs.getLong("service_id");
        boolean hasService = !rs.wasNull();
        UUID citizen = rs.getObject("citizen_id", UUID.class);
        int rating = rs.getInt("rating");
        boolean rated = !rs.wasNull();
        Instant laporRequested = instant(rs, "lapor_requested_at");
        return new Complaint(new ComplaintId(id), new ComplaintCode(rs.getString("code")),
                new MallId(rs.getLong("mall_id")), hasAgency ? new AgencyId(agency) : null,
                hasService ? new ServiceId(service) : null, rs.getString("category_code"),
                rs.getString("description"), citizen == null ? null : new CitizenId(citizen),
                cipher.open(rs.getBytes("contact_email"), EMAIL, id),
                cipher.open(rs.getBytes("contact_phone"), PHONE, id),
                rs.getString("language"),
                rs.getString("channel"), rs.getString("workflow_code"), new StateCode(rs.getString("state")),
                rs.getBoolean("state_open"), instant(rs, "state_entered_at"), instant(rs, "due_at"),
                instant(rs, "escalated_at"), instant(rs, "forwarded_at"), rs.getInt("reopen_count"),
                rated ? rating : null,
                laporRequested == null ? null : new Complaint.Lapor(laporRequested, rs.getString("lapor_id"),
                        rs.getString("lapor_status")),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static ComplaintAttachment attachment(ResultSet rs, int n) throws SQLException {
        return new ComplaintAttachment(rs.getObject("id", UUID.class),
                new ComplaintId(rs.getObject("complaint_id", UUID.class)), rs.getString("display_name"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                instant(rs, "uploaded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    Complaints.Counts counts(MallId mall, java.time.Instant from, java.time.Instant to) {
        return jdbc.sql("""
                SELECT count(*) AS received, count(*) FILTER (WHERE NOT state_open) AS resolved FROM complaint
                WHERE mall_id = :mall AND created_at >= :from AND created_at < :to
                """)
                .param("mall", mall.value()).param("from", java.sql.Timestamp.from(from))
                .param("to", java.sql.Timestamp.from(to))
                .query((rs, n) -> new Complaints.Counts(rs.getLong("received"), rs.getLong("resolved")))
                .single();
    }
}
