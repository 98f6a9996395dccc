package id.satupintu.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on PostgreSQL for queue notifications from every instance (this one included) and hands them to the
 * live subscribers connected here. Reconnects by itself when the database goes away.
 */
@Component
class QueueListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueListener.class);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final LiveHub hub;
    private final JsonMapper json;
    private volatile boolean running;
    private Thread thread;

    QueueListener(DataSource dataSource, LiveHub hub, JsonMapper json) {
        this.dataSource = dataSource;
        this.hub = hub;
        this.json = json;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("queue-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + QueueEvents.CHANNEL);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                backoff = Duration.ofMillis(200);
                hub.reconnected();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        deliver(notifications);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Queue notifications interrupted, listening again in {} ms: {}", backoff.toMillis(),
                        e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Everything that arrived since the last poll, delivered at once. */
    private void deliver(PGNotification[] notifications) {
        List<QueueEvents.Notice> notices = new ArrayList<>(notifications.length);
        for (PGNotification notification : notifications) {
            try {
                notices.add(json.readValue(notification.getParameter(), QueueEvents.Notice.class));
            } catch (RuntimeException e) {
                log.warn("Could not read a queue notification", e);
            }
        }
        try {
            hub.deliver(notices);
        } catch (RuntimeException e) {
            log.warn("Could not deliver queue notifications", e);
        }
    }
}
