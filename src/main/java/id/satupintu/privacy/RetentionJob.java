package id.satupintu.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import id.satupintu.shared.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies every module's retention rule: what is past its period is deleted or anonymized, in batches each in its
 * own transaction so that a large backlog never holds locks for long. With several instances only one runs it at a
 * time: it holds a PostgreSQL advisory lock on a connection of its own for the whole run (released when the
 * connection closes, also if the instance dies), and an instance that does not get the lock skips the run. Running
 * it again is harmless. It logs counts only, never what the records held.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final long LOCK_KEY = 0x5A7D_0003L;

    private final List<Retention.Rule> rules;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;

    RetentionJob(List<Retention.Rule> rules, DataSource dataSource, TransactionTemplate transaction, Clock clock,
            @Value("${satupintu.retention.batch-size}") int batchSize) {
        this.rules = List.copyOf(rules);
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(cron = "${satupintu.retention.cron}", zone = "Asia/Jakarta")
    void scheduled() {
        run();
    }

    /**
     * Runs every rule unless another instance is running them; returns how many records each rule deleted or
     * anonymized, or empty when the run was left to the other instance.
     */
    Optional<Map<String, Integer>> run() {
        try (Connection lockHolder = dataSource.getConnection()) {
            lockHolder.setAutoCommit(true);
            if (!tryLock(lockHolder)) {
                log.info("Retention: another instance is applying the retention rules; skipped");
                return Optional.empty();
            }
            try {
                return Optional.of(applyAll());
            } finally {
                unlock(lockHolder);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Retention: cannot take the job's lock", e);
        }
    }

    private Map<String, Integer> applyAll() {
        Instant now = clock.instant();
        Map<String, Integer> done = new LinkedHashMap<>();
        for (Retention.Rule rule : rules) {
            Instant cutoff = now.minus(rule.period());
            int total = 0;
            int batch;
            do {
                batch = transaction.execute(status -> rule.apply(cutoff, batchSize));
                total += batch;
            } while (batch == batchSize);
            done.put(rule.name(), total);
        }
        log.info("Retention: records deleted or anonymized per rule {}", done);
        return done;
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, LOCK_KEY);
            unlock.execute();
        }
    }
}
