package id.satupintu.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers again the events whose listener failed (a deadlock, a database restart, a mail server that was down), so
 * that a message or a report figure is not held back until some instance restarts. Only events still undelivered
 * after {@code satupintu.events.redeliver-after} are taken, so one in flight is left alone; one instance at a time
 * does it (a transaction-scoped advisory lock). Every listener is safe to run twice: rollups count a ticket once and
 * messages remember what was sent.
 */
@Component
class FailedEventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(FailedEventRedelivery.class);
    private static final long LOCK_KEY = 0x5A7D_0004L;

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final Duration after;

    FailedEventRedelivery(IncompleteEventPublications incomplete, JdbcClient jdbc,
            @Value("${satupintu.events.redeliver-after:5m}") Duration after) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${satupintu.events.redeliver-every:5m}",
            initialDelayString = "${satupintu.events.redeliver-every:5m}")
    @Transactional
    public void redeliver() {
        boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY)
                .query(Boolean.class).single();
        if (mine) {
            log.debug("Delivering again the events whose delivery failed more than {} ago", after);
            incomplete.resubmitIncompletePublicationsOlderThan(after);
        }
    }
}
