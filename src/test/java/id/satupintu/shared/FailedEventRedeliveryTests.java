package id.satupintu.shared;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event whose listener failed once (as on a deadlock) stays undelivered until the next redelivery round, which
 * delivers it; before this, only a restart of some instance did.
 */
@SatuPintuTest
@Import(FailedEventRedeliveryTests.Listeners.class)
@TestPropertySource(properties = "satupintu.events.redeliver-after=0s")
class FailedEventRedeliveryTests {

    record SomethingHappened(UUID id) {
    }

    static class FlakyListener {

        private final AtomicInteger calls = new AtomicInteger();
        private final Set<UUID> delivered = ConcurrentHashMap.newKeySet();

        /** Read through methods: the listener is a proxy, whose own fields are empty. */
        int calls() {
            return calls.get();
        }

        boolean delivered(UUID id) {
            return delivered.contains(id);
        }

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("deadlock detected (the test's first delivery fails)");
            }
            delivered.add(event.id());
        }
    }

    @TestConfiguration
    static class Listeners {

        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    FlakyListener listener;

    @Autowired
    FailedEventRedelivery redelivery;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventWhoseListenerFailedIsDeliveredByTheNextRound() throws InterruptedException {
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> events.publishEvent(new SomethingHappened(id)));

        await(() -> listener.calls() >= 1 && undelivered(id) == 1);
        assertThat(listener.delivered(id)).isFalse();

        redelivery.redeliver();

        await(() -> listener.delivered(id) && undelivered(id) == 0);
        assertThat(listener.calls()).isEqualTo(2);
    }

    private long undelivered(UUID id) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                        + " AND serialized_event LIKE :id")
                .param("id", "%" + id + "%").query(Long.class).single();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("reached within 10 s").isTrue();
    }
}
