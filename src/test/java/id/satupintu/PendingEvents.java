package id.satupintu;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits for the events published so far to be delivered, so that their listeners write nothing afterwards. */
public final class PendingEvents {

    private PendingEvents() {
    }

    /** Waits up to 10 s; an event whose listener keeps failing stays pending and is waited for no longer. */
    public static void awaitDelivered(JdbcClient jdbc) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Long pending = jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                    .query(Long.class).single();
            if (pending == 0) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
