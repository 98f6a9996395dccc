package id.satupintu.queue;

import java.util.LinkedHashMap;
import java.util.Map;

import id.satupintu.shared.MallId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces changes of the queue to every application instance through PostgreSQL NOTIFY. The notification is
 * part of the transaction that made the change, so it is delivered when, and only if, the change commits.
 */
@Component
class QueueEvents {

    static final String CHANNEL = "satupintu_queue";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    QueueEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Waiting lines of the mall changed (a ticket issued, taken, transferred or ended). */
    void changed(MallId mall) {
        send(changedNotification(mall));
    }

    /** The notification {@link #changed} sends, for a statement that sends it along with its own writes. */
    Notification changedNotification(MallId mall) {
        return notification(new Notice(mall.value(), Notice.CHANGED, null, null, null));
    }

    /** A ticket was called or called again to a counter (the lines changed too). */
    void called(MallId mall, Ticket ticket, String counterName) {
        send(notification(new Notice(mall.value(), Notice.CALLED, ticket.id().toString(), ticket.number(),
                counterName)));
    }

    /** One ticket's status changed (the lines changed too). */
    void ticketChanged(MallId mall, Ticket ticket) {
        send(notification(new Notice(mall.value(), Notice.TICKET, ticket.id().toString(), ticket.number(), null)));
    }

    private void send(Notification notification) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)")
                .param("channel", notification.channel()).param("payload", notification.payload())
                .query(Object.class).single();
    }

    private Notification notification(Notice notice) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("mall", notice.mall());
        payload.put("kind", notice.kind());
        payload.put("ticket", notice.ticket());
        payload.put("number", notice.number());
        payload.put("counter", notice.counter());
        return new Notification(CHANNEL, json.writeValueAsString(payload));
    }

    /** A PostgreSQL notification: delivered to every listening instance when the transaction commits. */
    record Notification(String channel, String payload) {
    }

    /** What travels between instances. The ticket id stays on the server; boards get number and counter only. */
    record Notice(long mall, String kind, String ticket, String number, String counter) {
        static final String CHANGED = "CHANGED";
        static final String CALLED = "CALLED";
        static final String TICKET = "TICKET";
    }
}
