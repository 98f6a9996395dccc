package id.satupintu.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import id.satupintu.document.DocumentId;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.CitizenId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import id.satupintu.workflow.Actor;
import id.satupintu.workflow.StateCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications, their documents and their timelines in PostgreSQL. */
@Repository
class SubmissionStore {

    private static final String SELECT = """
            SELECT s.*, a.display_name AS assignee_name FROM submission s
            LEFT JOIN staff_account a ON a.id = s.assignee_id
            """;
    private static final String DOCUMENT_COLUMNS = """
            id, submission_id, requirement_no, display_name, media_type, size_bytes, sha256, uploaded_at, sealed
            """;

    private final JdbcClient jdbc;

    SubmissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Submission> find(SubmissionId id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id.value()).query(SubmissionStore::row).optional();
    }

    /** Reads the application and locks its row until the transaction ends, so that steps on it take turns. */
    Optional<Submission> lock(SubmissionId id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id FOR UPDATE OF s").param("id", id.value())
                .query(SubmissionStore::row).optional();
    }

    /** Applications that reached a state they stay in for good, counted per service and state. */
    record ClosedCount(ServiceId service, String workflowCode, StateCode state, long count) {
    }

    /** Applications of the mall that entered their final state in the period, counted per service and state. */
    List<ClosedCount> closedPerState(MallId mall, Instant from, Instant until) {
        return jdbc.sql("""
                SELECT service_id, workflow_code, state, count(*) AS n FROM submission
                WHERE mall_id = :mall AND state IS NOT NULL AND NOT state_open
                  AND state_entered_at >= :from AND state_entered_at < :until
                GROUP BY service_id, workflow_code, state
                """)
                .param("mall", mall.value()).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query((rs, n) -> new ClosedCount(new ServiceId(rs.getLong("service_id")),
                        rs.getString("workflow_code"), new StateCode(rs.getString("state")), rs.getLong("n")))
                .list();
    }

    Optional<Submission> findByTracking(TrackingNumber number) {
        return jdbc.sql(SELECT + " WHERE s.tracking_number = :number").param("number", number.value())
                .query(SubmissionStore::row).optional();
    }

    List<Submission> ofCitizen(CitizenId citizen) {
        return jdbc.sql(SELECT + " WHERE s.citizen_id = :citizen ORDER BY s.created_at DESC")
                .param("citizen", citizen.value()).query(SubmissionStore::row).list();
    }

    /**
     * Submitted applications of a mall still open, the most urgent first; limited to one agency when given.
     * Closed ones have no deadline and come last, newest first.
     */
    List<Submission> inbox(MallId mall, AgencyId agency, boolean includeClosed, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE s.mall_id = :mall AND (CAST(:agency AS BIGINT) IS NULL OR s.agency_id = :agency)
                   AND s.state IS NOT NULL AND (:closed OR s.state_open)
                 ORDER BY s.due_at ASC NULLS LAST, s.submitted_at DESC LIMIT :limit
                """)
                .param("mall", mall.value()).param("agency", agency == null ? null : agency.value())
                .param("closed", includeClosed).param("limit", limit)
                .query(SubmissionStore::row).list();
    }

    void insert(Submission s) {
        jdbc.sql("""
                INSERT INTO submission (id, mall_id, region_code, service_id, agency_id, citizen_id, purpose, channel,
                    language, created_at, updated_at)
                VALUES (:id, :mall, :region, :service, :agency, :citizen, :purpose, :channel, :language, :created,
                    :updated)
                """)
                .param("id", s.id().value()).param("mall", s.mallId().value()).param("region", s.regionCode())
                .param("service", s.serviceId().value()).param("agency", s.agencyId().value())
                .param("citizen", s.citizenId().value()).param("purpose", s.purpose()).param("channel", s.channel())
                .param("language", s.language()).param("created", ts(s.createdAt()))
                .param("updated", ts(s.updatedAt()))
                .update();
    }

    /** Writes what may change after the draft was created. */
    void update(Submission s, boolean open) {
        jdbc.sql("""
                UPDATE submission SET tracking_number = :tracking, workflow_code = :workflow, state = :state,
                    state_open = :open, state_entered_at = :entered, due_at = :due, escalated_at = :escalated,
                    assignee_id = :assignee, purpose = :purpose, output_document_id = :output,
                    submitted_at = :submitted, updated_at = :updated
                WHERE id = :id
                """)
                .param("id", s.id().value())
                .param("tracking", s.trackingNumber() == null ? null : s.trackingNumber().value())
                .param("workflow", s.workflowCode()).param("state", s.state() == null ? null : s.state().value())
                .param("open", open)
                .param("entered", ts(s.stateEnteredAt())).param("due", ts(s.dueAt()))
                .param("escalated", ts(s.escalatedAt()))
                .param("assignee", s.assignee() == null ? null : s.assignee().accountId())
                .param("purpose", s.purpose())
                .param("output", s.outputDocumentId() == null ? null : s.outputDocumentId().value())
                .param("submitted", ts(s.submittedAt())).param("updated", ts(s.updatedAt()))
                .update();
    }

    /** The next serial of the mall's day; the row lock of the upsert makes concurrent submissions take turns. */
    int nextSerial(MallId mall, LocalDate localDate) {
        return jdbc.sql("""
                INSERT INTO tracking_counter (mall_id, local_date, last_value) VALUES (:mall, :date, 1)
                ON CONFLICT (mall_id, local_date) DO UPDATE SET last_value = tracking_counter.last_value + 1
                RETURNING last_value
                """)
                .param("mall", mall.value()).param("date", localDate).query(Integer.class).single();
    }

    /** Open applications whose deadline has passed and that were not escalated yet, oldest deadline first. */
    List<SubmissionId> overdue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM submission WHERE due_at < :now AND escalated_at IS NULL AND state_open
                ORDER BY due_at LIMIT :limit
                """)
                .param("now", ts(now)).param("limit", limit)
                .query((rs, n) -> new SubmissionId(rs.getObject("id", UUID.class))).list();
    }

    /** Locks an overdue application unless another instance is handling it right now. */
    Optional<Submission> lockIfFree(SubmissionId id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id FOR UPDATE OF s SKIP LOCKED").param("id", id.value())
                .query(SubmissionStore::row).optional();
    }

    // ---- documents

    void insertDocument(SubmissionDocument d, byte[] content) {
        jdbc.sql("""
                INSERT INTO submission_document (id, submission_id, requirement_no, display_name, media_type,
                    size_bytes, sha256, content, uploaded_at, sealed)
                VALUES (:id, :submission, :requirement, :name, :type, :size, :sha, :content, :at, FALSE)
                """)
                .param("id", d.id()).param("submission", d.submissionId().value())
                .param("requirement", d.requirementNo()).param("name", d.displayName())
                .param("type", d.mediaType()).param("size", d.size()).param("sha", d.sha256())
                .param("content", content).param("at", ts(d.uploadedAt()))
                .update();
    }

    List<SubmissionDocument> documents(SubmissionId id) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + """
                 FROM submission_document WHERE submission_id = :id ORDER BY requirement_no, uploaded_at, id
                """)
                .param("id", id.value()).query(SubmissionStore::document).list();
    }

    int documentCount(SubmissionId id) {
        return jdbc.sql("SELECT count(*) FROM submission_document WHERE submission_id = :id")
                .param("id", id.value()).query(Integer.class).single();
    }

    Optional<StoredFile> documentContent(SubmissionId id, UUID documentId) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + """
                , content FROM submission_document WHERE submission_id = :submission AND id = :id
                """)
                .param("submission", id.value()).param("id", documentId)
                .query((rs, n) -> new StoredFile(document(rs, n), rs.getBytes("content"))).optional();
    }

    /** A document with its bytes. */
    record StoredFile(SubmissionDocument document, byte[] content) {
    }

    boolean removeUnsealedDocument(SubmissionId id, UUID documentId) {
        return jdbc.sql("DELETE FROM submission_document WHERE submission_id = :submission AND id = :id AND NOT sealed")
                .param("submission", id.value()).param("id", documentId).update() == 1;
    }

    void sealDocuments(SubmissionId id) {
        jdbc.sql("UPDATE submission_document SET sealed = TRUE WHERE submission_id = :id AND NOT sealed")
                .param("id", id.value()).update();
    }

    // ---- timeline

    void insertStep(SubmissionId id, Step step) {
        jdbc.sql("""
                INSERT INTO submission_step (submission_id, at, actor_kind, actor_name, action, from_state, to_state,
                    note)
                VALUES (:id, :at, :kind, :name, :action, :from, :to, :note)
                """)
                .param("id", id.value()).param("at", ts(step.at())).param("kind", step.actorKind().name())
                .param("name", step.actorName()).param("action", step.action()).param("from", step.fromState())
                .param("to", step.toState()).param("note", step.note() == null ? "" : step.note())
                .update();
    }

    List<Step> steps(SubmissionId id) {
        return jdbc.sql("SELECT * FROM submission_step WHERE submission_id = :id ORDER BY at, id")
                .param("id", id.value())
                .query((rs, n) -> new Step(rs.getTimestamp("at").toInstant(), Actor.valueOf(rs.getString("actor_kind")),
                        rs.getString("actor_name"), rs.getString("action"), rs.getString("from_state"),
                        rs.getString("to_state"), rs.getString("note")))
                .list();
    }

    /** An officer of the agency at the mall, by account id, with the name to show. */
    Optional<Submission.Assignee> officer(MallId mall, AgencyId agency, long accountId) {
        return jdbc.sql("""
                SELECT id, display_name FROM staff_account
                WHERE id = :id AND mall_id = :mall AND agency_id = :agency AND role = 'OFFICER' AND enabled
                """)
                .param("id", accountId).param("mall", mall.value()).param("agency", agency.value())
                .query((rs, n) -> new Submission.Assignee(rs.getLong("id"), rs.getString("display_name")))
                .optional();
    }

    List<Submission.Assignee> officers(MallId mall, AgencyId agency) {
        return jdbc.sql("""
                SELECT id, display_name FROM staff_account
                WHERE mall_id = :mall AND agency_id = :agency AND role = 'OFFICER' AND enabled ORDER BY display_name
                """)
                .param("mall", mall.value()).param("agency", agency.value())
                .query((rs, n) -> new Submission.Assignee(rs.getLong("id"), rs.getString("display_name"))).list();
    }

    private static Submission row(ResultSet rs, int n) throws SQLException {
        String tracking = rs.getString("tracking_number");
        String state = rs.getString("state");
        long assignee = rs.getLong("assignee_id");
        boolean hasAssignee = !rs.wasNull();
        UUID output = rs.getObject("output_document_id", UUID.class);
        return new Submission(new SubmissionId(rs.getObject("id", UUID.class)), new MallId(rs.getLong("mall_id")),
                rs.getString("region_code"), new ServiceId(rs.getLong("service_id")),
                new AgencyId(rs.getLong("agency_id")), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                tracking == null ? null : new TrackingNumber(tracking), rs.getString("workflow_code"),
                state == null ? null : new StateCode(state), instant(rs, "state_entered_at"), instant(rs, "due_at"),
                instant(rs, "escalated_at"),
                hasAssignee ? new Submission.Assignee(assignee, rs.getString("assignee_name")) : null,
                rs.getString("purpose"), rs.getString("channel"), rs.getString("language"),
                output == null ? null : new DocumentId(output), rs.getTimestamp("created_at").toInstant(),
                instant(rs, "submitted_at"), rs.getTimestamp("updated_at").toInstant());
    }

    private static SubmissionDocument document(ResultSet rs, int n) throws SQLException {
        return new SubmissionDocument(rs.getObject("id", UUID.class),
                new SubmissionId(rs.getObject("submission_id", UUID.class)), rs.getInt("requirement_no"),
                rs.getString("display_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(), rs.getBoolean("sealed"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
