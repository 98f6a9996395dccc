package id.satupintu.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes each message go out once although its event may be delivered more than once: the event publication registry
 * delivers again what was not marked complete, after a crash or when another instance republishes outstanding events
 * on its start, and a listener that sent its e-mail but failed on the text message is run again as a whole. A message
 * is recorded under its key right after the gateway accepted it and skipped when its key is there already. What stays
 * is the moment between the gateway's acceptance and the record's commit (a crash there); an e-mail sent again from
 * there carries the same Message-ID ({@link #messageId}), by which mail systems recognise it.
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    /** How long a key is kept: far longer than any event waits for its delivery. */
    private static final Duration KEPT = Duration.ofDays(60);

    /** Recording a sent message is tried for about a minute (each attempt waits for a connection for a while too). */
    private static final int RECORD_ATTEMPTS = 30;
    private static final Duration RECORD_PAUSE = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Deliveries(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        // A transaction of its own for each attempt, so that each takes a fresh connection from the pool instead of
        // the one the listener's scope holds, which may be the one the database closed.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs {@code send} unless a message under {@code key} went out before, and records that it went out. */
    void once(String key, Runnable send) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM notification_delivery WHERE key = ?)").param(key)
                .query(Boolean.class).single()) {
            log.info("Message {} was sent before; not sending it again", key);
            return;
        }
        send.run();
        record(key);
    }

    /**
     * Records a message the gateway has accepted. The database may be away for a moment (a restart, a fail-over):
     * rather than leaving the event to be delivered, and the message sent, again, it keeps trying for a while.
     */
    private void record(String key) {
        for (int attempt = 1; ; attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO notification_delivery (key, sent_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
                        .param(key).param(Timestamp.from(clock.instant())).update());
                return;
            } catch (DataAccessException | TransactionException e) {
                if (attempt == RECORD_ATTEMPTS) {
                    throw e;
                }
                log.warn("Could not record that message {} went out, trying again: {}", key, e.getMessage());
                try {
                    Thread.sleep(RECORD_PAUSE);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The Message-ID of the e-mail sent under {@code key}: the same for every attempt. */
    static String messageId(String key) {
        return "<" + digest(key) + "@satupintu>";
    }

    /** A short fingerprint of {@code text} (hex), for keys that must not show what they are made of. */
    static String digest(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(fixedDelay = 24 * 60 * 60 * 1000L, initialDelay = 10 * 60 * 1000L)
    void forgetOld() {
        Instant before = clock.instant().minus(KEPT);
        jdbc.sql("DELETE FROM notification_delivery WHERE sent_at < ?").param(Timestamp.from(before))
                .update();
    }
}
