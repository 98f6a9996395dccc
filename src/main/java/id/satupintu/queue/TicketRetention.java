package id.satupintu.queue;

import java.sql.Timestamp;
import java.time.Duration;

import id.satupintu.shared.Retention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ticket names no one, but the notes officers write on it (why a visit ended incomplete, why it was transferred)
 * may; past the period they go. What reports count (times, outcome, priority group) stays.
 */
@Configuration(proxyBeanMethods = false)
class TicketRetention {

    @Bean
    Retention.Rule ticketNoteRule(JdbcClient jdbc, @Value("${satupintu.retention.ticket-notes}") Duration period) {
        return Retention.rule("ticket-notes", period, (cutoff, limit) -> jdbc.sql("""
                WITH expired AS (
                    UPDATE ticket SET outcome_reason = NULL
                    WHERE id IN (SELECT id FROM ticket WHERE finished_at < :cutoff AND outcome_reason IS NOT NULL
                        LIMIT :limit FOR UPDATE SKIP LOCKED)
                    RETURNING id),
                events AS (
                    UPDATE ticket_event SET detail = NULL WHERE ticket_id IN (SELECT id FROM expired))
                SELECT count(*) FROM expired
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query(Integer.class).single());
    }
}
