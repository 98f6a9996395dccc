package id.satupintu.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes what a mall's day left open once that day is over in the mall's time zone: tickets still waiting are
 * cancelled, tickets called but never started are no-shows, visits still being served end as incomplete, and open
 * counters close. With several instances only one does it at a time (advisory lock); doing it twice is harmless.
 */
@Component
class DayEnd {

    private static final Logger log = LoggerFactory.getLogger(DayEnd.class);
    private static final long LOCK_KEY = 0x5A7D_0002L;
    static final String REASON = "Hari layanan berakhir";

    private final JdbcClient jdbc;
    private final Malls malls;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    DayEnd(JdbcClient jdbc, Malls malls, ApplicationEventPublisher published, Clock clock) {
        this.jdbc = jdbc;
        this.malls = malls;
        this.published = published;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 10 * 60 * 1000, initialDelay = 60 * 1000)
    @Transactional
    public void closePastDays() {
        boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY)
                .query(Boolean.class).single();
        if (!mine) {
            return;
        }
        for (Mall mall : malls.all()) {
            int closed = close(mall, LocalDate.now(clock.withZone(mall.timeZone())));
            if (closed > 0) {
                log.info("Closed {} tickets left from earlier days at {}", closed, mall.name());
            }
        }
    }

    /** Ends every ticket of the mall from before {@code today}; returns how many. */
    int close(Mall mall, LocalDate today) {
        Timestamp now = Timestamp.from(clock.instant());
        int closed = 0;
        closed += end(mall, today, now, "'WAITING'", "status = 'CANCELLED'", "CANCELLED");
        closed += end(mall, today, now, "'CALLED'", "status = 'NO_SHOW'", "NO_SHOW");
        closed += end(mall, today, now, "'SERVING'",
                "status = 'DONE', outcome = 'INCOMPLETE', outcome_reason = '" + REASON + "'", "FINISHED");
        jdbc.sql("UPDATE queue_counter SET status = 'CLOSED', pause_reason = NULL, priority_streak = 0,"
                        + " status_since = :now WHERE mall_id = :mall AND status <> 'CLOSED'"
                        + " AND status_since < :today AND NOT EXISTS (SELECT 1 FROM ticket t"
                        + " WHERE t.counter_id = queue_counter.counter_id AND t.status IN ('CALLED', 'SERVING'))")
                .param("mall", mall.id().value()).param("now", now)
                // Only counters left open from an earlier day: one opened this morning stays open while idle.
                .param("today", Timestamp.from(today.atStartOfDay(mall.timeZone()).toInstant()))
                .update();
        return closed;
    }

    /** Ends the tickets of earlier days in one status, records their events and announces each ending. */
    private int end(Mall mall, LocalDate today, Timestamp now, String from, String set, String eventType) {
        List<TicketEnded> ended = jdbc.sql("""
                WITH ended AS (
                    UPDATE ticket SET %s, finished_at = :now
                    WHERE mall_id = :mall AND local_date < :today AND status = %s
                    RETURNING *),
                event AS (
                    INSERT INTO ticket_event (mall_id, ticket_id, at, type, counter_id, service_id, detail)
                    SELECT mall_id, id, :now, :type, counter_id, service_id, :reason FROM ended)
                SELECT id, mall_id, local_date, first_service_id, channel, priority_group, status, outcome,
                       arrival_at, wait_seconds, service_seconds, finished_at FROM ended
                """.formatted(set, from))
                .param("mall", mall.id().value()).param("today", today).param("now", now)
                .param("type", eventType).param("reason", REASON)
                .query((rs, n) -> TicketEnded.fromRow(rs))
                .list();
        ended.forEach(published::publishEvent);
        return ended.size();
    }
}
