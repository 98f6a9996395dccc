package id.satupintu.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records each processing of a citizen's personal data. An entry is written in the caller's transaction, so a read
 * that is shown is never missing from the log and a change that rolls back leaves no entry.
 */
@Service
public class ProcessingLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessingLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Processing processing) {
        jdbc.sql("""
                INSERT INTO processing_log (at, actor_kind, actor_ref, actor_name, citizen_id, purpose, subject)
                VALUES (:at, :kind, :ref, :name, :citizen, :purpose, :subject)
                """)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("kind", processing.actor().kind().name()).param("ref", processing.actor().reference())
                .param("name", processing.actor().name()).param("citizen", processing.citizenId())
                .param("purpose", processing.purpose().name()).param("subject", processing.subject())
                .update();
    }

    /** The trail of one citizen's data, newest first, for the data subject's access request. */
    public List<Entry> trailOf(UUID citizenId) {
        return jdbc.sql("""
                SELECT at, actor_kind, actor_ref, actor_name, purpose, subject FROM processing_log
                WHERE citizen_id = :citizen ORDER BY at DESC, id DESC
                """)
                .param("citizen", citizenId)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(),
                        new Actor(ActorKind.valueOf(rs.getString("actor_kind")), rs.getString("actor_ref"),
                                rs.getString("actor_name")),
                        Purpose.valueOf(rs.getString("purpose")), rs.getString("subject")))
                .list();
    }

    public enum ActorKind {
        CITIZEN, STAFF, INTEGRATOR, SYSTEM
    }

    /** Why personal data was processed. */
    public enum Purpose {
        /** Examining an application and its documents to decide on it. */
        APPLICATION_REVIEW,
        /** Issuing the output document of an application. */
        DOCUMENT_ISSUE,
        /** The data subject looking at their own data. */
        OWN_ACCESS,
        /** Handling a complaint: the complainant's contact details or attachments. */
        COMPLAINT_HANDLING,
        /** Managing a mall's bookings: the day's list with the bookers' names. */
        APPOINTMENT_HANDLING
    }

    /** Who processed: the kind, a stable reference (account id, client id) and the name shown in the trail. */
    public record Actor(ActorKind kind, String reference, String name) {
    }

    /**
     * One processing.
     *
     * @param subject what was processed, such as {@code document 3fa8… of application 3217-20261201-000001}
     */
    public record Processing(Actor actor, UUID citizenId, Purpose purpose, String subject) {
    }

    public record Entry(Instant at, Actor actor, Purpose purpose, String subject) {
    }
}
