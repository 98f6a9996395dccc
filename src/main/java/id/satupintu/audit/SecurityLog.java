package id.satupintu.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Records security events, such as a sign-in locked after too many failures, for the people who watch them. */
@Service
public class SecurityLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    SecurityLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Event event) {
        jdbc.sql("INSERT INTO security_event (at, kind, subject, address, detail) "
                        + "VALUES (:at, :kind, :subject, :address, :detail)")
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("kind", event.kind().name())
                .param("subject", truncated(event.subject(), 200))
                .param("address", truncated(event.address(), 64))
                .param("detail", truncated(event.detail(), 300))
                .update();
    }

    /** The latest events about one subject, newest first. */
    public List<Entry> latestAbout(String subject, int limit) {
        return jdbc.sql("""
                SELECT at, kind, subject, address, detail FROM security_event
                WHERE subject = :subject ORDER BY at DESC, id DESC LIMIT :limit
                """)
                .param("subject", subject).param("limit", limit)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(),
                        new Event(Kind.valueOf(rs.getString("kind")), rs.getString("subject"),
                                rs.getString("address"), rs.getString("detail"))))
                .list();
    }

    private static String truncated(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    public enum Kind {
        /** Too many failed sign-ins for one account: it is refused for a while. */
        ACCOUNT_SIGN_IN_LOCKED,
        /** Too many failed sign-ins from one address: it is refused for a while. */
        ADDRESS_SIGN_IN_LOCKED
    }

    /**
     * One event.
     *
     * @param subject what it is about, such as {@code staff:admin}
     * @param address the client address it came from, if any
     */
    public record Event(Kind kind, String subject, String address, String detail) {
    }

    public record Entry(Instant at, Event event) {
    }
}
