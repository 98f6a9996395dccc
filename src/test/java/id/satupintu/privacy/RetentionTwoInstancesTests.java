package id.satupintu.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import id.satupintu.SatuPintuTest;
import id.satupintu.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database run the retention job at the same moment, on real threads: one applies
 * the rules, the other leaves the run to it, neither fails, and every expired record is gone once.
 */
@SatuPintuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionTwoInstancesTests {

    static final int EXPIRED = 1_200;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    RetentionJob first;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    SecondInstance secondInstance;
    RetentionJob second;

    @BeforeAll
    void startSecondInstance() {
        secondInstance = SecondInstance.on(dataSource, "--satupintu.clock=" + clock.instant(),
                "--satupintu.retention.cron=-");
        second = secondInstance.bean(RetentionJob.class);
    }

    @AfterAll
    void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void whileOneHoldsTheRunTheOtherSkipsIt() throws Exception {
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, RetentionJob.LOCK_KEY);
            lock.execute();
            expiredCodes(3);
            assertThat(first.run()).isEmpty();
            assertThat(second.run()).isEmpty();
            assertThat(expiredCodesLeft()).isEqualTo(3);
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, RetentionJob.LOCK_KEY);
                unlock.execute();
            }
        }
        assertThat(second.run()).isPresent();
        assertThat(expiredCodesLeft()).isZero();
    }

    @Test
    void bothRunningAtTheSameMomentApplyEachRuleOnce() throws Exception {
        expiredCodes(EXPIRED);
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Optional<Map<String, Integer>>>> runs = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (RetentionJob job : List.of(first, second)) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return job.run();
                }));
            }
        }
        int deleted = 0;
        int ran = 0;
        for (Future<Optional<Map<String, Integer>>> run : runs) {
            Optional<Map<String, Integer>> done = run.get();
            if (done.isPresent()) {
                ran++;
                deleted += done.get().get("citizen-codes");
            }
        }
        assertThat(ran).as("at least one instance ran the rules").isGreaterThanOrEqualTo(1);
        assertThat(deleted).as("each expired code deleted once, in batches").isEqualTo(EXPIRED);
        assertThat(expiredCodesLeft()).isZero();
    }

    private void expiredCodes(int count) {
        jdbc.sql("""
                INSERT INTO citizen_code (id, purpose, code_hash, created_at, expires_at)
                SELECT gen_random_uuid(), 'SIGN_IN', repeat('0', 64), :expires, :expires FROM generate_series(1, :n)
                """).param("expires", Timestamp.from(clock.instant().minus(Duration.ofDays(3))))
                .param("n", count).update();
    }

    private long expiredCodesLeft() {
        return jdbc.sql("SELECT count(*) FROM citizen_code WHERE expires_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).query(Long.class)
                .single();
    }
}
