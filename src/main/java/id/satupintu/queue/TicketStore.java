package id.satupintu.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import id.satupintu.shared.CounterId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of tickets, counters' live state and the day's numbering. */
@Repository
class TicketStore {

    private static final String TICKET_COLUMNS = """
            SELECT id, mall_id, local_date, prefix, seq, service_id, first_service_id, priority_group, channel,
                   status, arrival_at, queued_at, called_at, started_at, finished_at, counter_id, recall_count,
                   last_called_at, outcome, outcome_reason, transfer_count, wait_seconds, walk_seconds,
                   service_seconds
            FROM ticket
            """;

    private final JdbcClient jdbc;

    TicketStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- numbering and quota

    /** The next number for the prefix on the mall's local day; the row lock serializes issuers until commit. */
    int nextSequence(MallId mall, LocalDate day, String prefix) {
        return jdbc.sql("""
                INSERT INTO ticket_number (mall_id, local_date, prefix, last_number) VALUES (:mall, :day, :prefix, 1)
                ON CONFLICT (mall_id, local_date, prefix) DO UPDATE SET last_number = ticket_number.last_number + 1
                RETURNING last_number
                """)
                .param("mall", mall.value()).param("day", day).param("prefix", prefix)
                .query(Integer.class).single();
    }

    /** Counts one more ticket against the quota; false when the quota is already used up. */
    boolean takeQuota(MallId mall, ServiceId service, LocalDate day, int quota) {
        return jdbc.sql("""
                INSERT INTO service_day_usage (mall_id, service_id, local_date, issued)
                VALUES (:mall, :service, :day, 1)
                ON CONFLICT (mall_id, service_id, local_date) DO UPDATE SET issued = service_day_usage.issued + 1
                WHERE service_day_usage.issued < :quota
                RETURNING issued
                """)
                .param("mall", mall.value()).param("service", service.value()).param("day", day)
                .param("quota", quota)
                .query(Integer.class).optional().isPresent();
    }

    int issuedToday(MallId mall, ServiceId service, LocalDate day) {
        return jdbc.sql("SELECT issued FROM service_day_usage WHERE mall_id = :mall AND service_id = :service"
                        + " AND local_date = :day")
                .param("mall", mall.value()).param("service", service.value()).param("day", day)
                .query(Integer.class).optional().orElse(0);
    }

    // ---- tickets

    /** Inserts a new ticket with its ISSUED event and sends the notification, in one round trip. */
    void insertIssued(Ticket t, Integer estimatedWaitMinutes, QueueEvents.Notification notification) {
        jdbc.sql("""
                WITH issued AS (
                    INSERT INTO ticket (id, mall_id, local_date, prefix, seq, number, service_id, first_service_id,
                        priority_group, channel, status, arrival_at, queued_at, estimated_wait_minutes)
                    VALUES (:id, :mall, :day, :prefix, :seq, :number, :service, :service, :priority, :channel,
                        :status, :arrival, :queued, :estimate)
                    RETURNING id, mall_id, service_id, queued_at, channel),
                event AS (
                    INSERT INTO ticket_event (mall_id, ticket_id, at, type, service_id, detail)
                    SELECT mall_id, id, queued_at, 'ISSUED', service_id, channel FROM issued)
                SELECT pg_notify(:notifyChannel, :payload) FROM issued
                """)
                .param("id", t.id().value()).param("mall", t.mallId().value()).param("day", t.localDate())
                .param("prefix", t.prefix()).param("seq", t.sequence()).param("number", t.number())
                .param("service", t.serviceId().value())
                .param("priority", t.priorityGroup() == null ? null : t.priorityGroup().name())
                .param("channel", t.channel().name()).param("status", t.status().name())
                .param("arrival", timestamp(t.arrivalAt())).param("queued", timestamp(t.queuedAt()))
                .param("estimate", estimatedWaitMinutes)
                .param("notifyChannel", notification.channel()).param("payload", notification.payload())
                .query(Object.class).single();
    }

    void update(Ticket t) {
        jdbc.sql("""
                UPDATE ticket SET service_id = :service, status = :status, queued_at = :queued, called_at = :called,
                    started_at = :started, finished_at = :finished, counter_id = :counter,
                    recall_count = :recalls, last_called_at = :lastCalled, outcome = :outcome,
                    outcome_reason = :reason, transfer_count = :transfers, wait_seconds = :wait,
                    walk_seconds = :walk, service_seconds = :serviceSeconds
                WHERE id = :id
                """)
                .param("service", t.serviceId().value()).param("status", t.status().name())
                .param("queued", timestamp(t.queuedAt())).param("called", timestamp(t.calledAt()))
                .param("started", timestamp(t.startedAt())).param("finished", timestamp(t.finishedAt()))
                .param("counter", t.counterId() == null ? null : t.counterId().value())
                .param("recalls", t.recallCount()).param("lastCalled", timestamp(t.lastCalledAt()))
                .param("outcome", t.outcome() == null ? null : t.outcome().name())
                .param("reason", t.outcomeReason()).param("transfers", t.transferCount())
                .param("wait", t.waitSeconds()).param("walk", t.walkSeconds())
                .param("serviceSeconds", t.serviceSeconds())
                .param("id", t.id().value())
                .update();
    }

    Optional<Ticket> find(TicketId id) {
        return jdbc.sql(TICKET_COLUMNS + " WHERE id = :id").param("id", id.value())
                .query(TicketStore::ticket).optional();
    }

    /** Loads the ticket and locks it until the end of the transaction. */
    Optional<Ticket> lock(TicketId id) {
        return jdbc.sql(TICKET_COLUMNS + " WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(TicketStore::ticket).optional();
    }

    Optional<Ticket> atCounter(CounterId counter) {
        return jdbc.sql(TICKET_COLUMNS + " WHERE counter_id = :counter AND status IN ('CALLED', 'SERVING')")
                .param("counter", counter.value())
                .query(TicketStore::ticket).optional();
    }

    boolean anyWaiting(MallId mall, LocalDate day, Collection<ServiceId> services, boolean priority) {
        if (services.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM ticket WHERE mall_id = :mall AND local_date = :day
                    AND status = 'WAITING' AND service_id IN (:services)
                    AND (priority_group IS NOT NULL) = :priority)
                """)
                .param("mall", mall.value()).param("day", day).param("services", ids(services))
                .param("priority", priority)
                .query(Boolean.class).single();
    }

    /**
     * Takes the longest-waiting ticket of the lane for these services and locks it. Tickets another counter has
     * locked in the meantime are skipped, so two counters never take the same ticket.
     */
    Optional<Ticket> lockNextWaiting(MallId mall, LocalDate day, Collection<ServiceId> services, boolean priority) {
        if (services.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(TICKET_COLUMNS + """
                 WHERE mall_id = :mall AND local_date = :day AND status = 'WAITING'
                   AND service_id IN (:services) AND (priority_group IS NOT NULL) = :priority
                 ORDER BY arrival_at, seq
                 LIMIT 1
                 FOR UPDATE SKIP LOCKED
                """)
                .param("mall", mall.value()).param("day", day).param("services", ids(services))
                .param("priority", priority)
                .query(TicketStore::ticket).optional();
    }

    private static final String WAITING_LINE = """
            SELECT id, service_id, priority_group IS NOT NULL AS priority, arrival_at, seq FROM ticket
            WHERE mall_id = :mall AND local_date = :day AND status = 'WAITING'
            """;

    /** The waiting line of a mall's day in arrival order, with just what placing a ticket in it needs. */
    List<WaitEstimator.Waiting> waitingLine(MallId mall, LocalDate day) {
        return jdbc.sql(WAITING_LINE + " ORDER BY arrival_at, seq")
                .param("mall", mall.value()).param("day", day)
                .query(TicketStore::waiting)
                .list();
    }

    /** The part of the waiting line that is for these services. */
    List<WaitEstimator.Waiting> waitingLine(MallId mall, LocalDate day, Collection<ServiceId> services) {
        return jdbc.sql(WAITING_LINE + " AND service_id IN (:services) ORDER BY arrival_at, seq")
                .param("mall", mall.value()).param("day", day).param("services", ids(services))
                .query(TicketStore::waiting)
                .list();
    }

    /**
     * How many waiting tickets of the same service go before this one: the priority lane before the regular one,
     * each by arrival.
     */
    int countAhead(Ticket ticket) {
        return jdbc.sql("""
                SELECT count(*) FROM ticket
                WHERE mall_id = :mall AND local_date = :day AND status = 'WAITING' AND service_id = :service
                  AND id <> :id
                  AND ((priority_group IS NOT NULL) > :priority
                       OR (priority_group IS NOT NULL) = :priority AND (arrival_at, seq) < (:arrival, :seq))
                """)
                .param("mall", ticket.mallId().value()).param("day", ticket.localDate())
                .param("service", ticket.serviceId().value()).param("id", ticket.id().value())
                .param("priority", ticket.isPriority()).param("arrival", timestamp(ticket.arrivalAt()))
                .param("seq", ticket.sequence())
                .query(Integer.class).single();
    }

    /** An open counter's live state and the ticket at it, if any. */
    record OpenDesk(CounterId counterId, int priorityStreak, ServiceId busyWith, Instant busySince) {
    }

    /** The mall's open counters, its priority streak limit and the configuration version, read together. */
    record Floor(List<OpenDesk> desks, int maxPriorityStreak, long configurationVersion) {
    }

    Floor floor(MallId mall) {
        int[] maxStreak = {QueueSettings.DEFAULTS.maxPriorityStreak()};
        long[] version = {0};
        List<OpenDesk> desks = new ArrayList<>();
        jdbc.sql("""
                SELECT v.version, s.max_priority_streak AS max_streak, d.counter_id, d.priority_streak, d.busy_with,
                       d.busy_since
                FROM configuration_version v
                LEFT JOIN queue_settings s ON s.mall_id = :mall
                LEFT JOIN (SELECT qc.counter_id, qc.priority_streak, t.service_id AS busy_with,
                                  t.called_at AS busy_since
                           FROM queue_counter qc
                           LEFT JOIN ticket t ON t.counter_id = qc.counter_id AND t.status IN ('CALLED', 'SERVING')
                           WHERE qc.mall_id = :mall AND qc.status = 'OPEN') d ON TRUE
                """)
                .param("mall", mall.value())
                .query(rs -> {
                    version[0] = rs.getLong("version");
                    int limit = rs.getInt("max_streak");
                    if (!rs.wasNull()) {
                        maxStreak[0] = limit;
                    }
                    long counter = rs.getLong("counter_id");
                    if (counter != 0) {
                        long busy = rs.getLong("busy_with");
                        desks.add(new OpenDesk(new CounterId(counter), rs.getInt("priority_streak"),
                                busy == 0 ? null : new ServiceId(busy), instant(rs, "busy_since")));
                    }
                });
        return new Floor(desks, maxStreak[0], version[0]);
    }

    List<Ticket> lastCalled(MallId mall, LocalDate day, int limit) {
        return jdbc.sql(TICKET_COLUMNS + " WHERE mall_id = :mall AND local_date = :day AND last_called_at IS NOT NULL"
                        + " ORDER BY last_called_at DESC LIMIT :limit")
                .param("mall", mall.value()).param("day", day).param("limit", limit)
                .query(TicketStore::ticket).list();
    }

    /**
     * The mean time counters spent on one visit (walk and service) per service, over each service's most recent
     * finished visits since {@code since}; services with fewer than {@code minimum} such visits are left out.
     */
    Map<ServiceId, Duration> recentMeanDurations(MallId mall, Instant since, int visits, int minimum) {
        Map<ServiceId, Duration> means = new HashMap<>();
        jdbc.sql("""
                SELECT first_service_id, avg(seconds) AS mean, count(*) AS visits
                FROM (SELECT first_service_id, service_seconds + walk_seconds AS seconds,
                             row_number() OVER (PARTITION BY first_service_id ORDER BY finished_at DESC) AS recent
                      FROM ticket
                      WHERE mall_id = :mall AND status = 'DONE' AND transfer_count = 0 AND finished_at >= :since) v
                WHERE recent <= :visits
                GROUP BY first_service_id
                HAVING count(*) >= :minimum
                """)
                .param("mall", mall.value()).param("since", timestamp(since)).param("visits", visits)
                .param("minimum", minimum)
                .query(rs -> {
                    means.put(new ServiceId(rs.getLong("first_service_id")),
                            Duration.ofSeconds(Math.round(rs.getDouble("mean"))));
                });
        return means;
    }

    Map<ServiceId, Long> servedPerService(MallId mall, LocalDate from, LocalDate to) {
        Map<ServiceId, Long> served = new HashMap<>();
        jdbc.sql("""
                SELECT service_id, count(*) AS n FROM ticket
                WHERE mall_id = :mall AND local_date BETWEEN :from AND :to AND status = 'DONE'
                GROUP BY service_id
                """)
                .param("mall", mall.value()).param("from", from).param("to", to)
                .query(rs -> {
                    served.put(new ServiceId(rs.getLong("service_id")), rs.getLong("n"));
                });
        return served;
    }

    Optional<TicketId> lastFinishedAt(MallId mall, LocalDate day, CounterId counter, Instant since) {
        return jdbc.sql("""
                SELECT id FROM ticket
                WHERE mall_id = :mall AND local_date = :day AND counter_id = :counter AND status = 'DONE'
                  AND finished_at >= :since
                ORDER BY finished_at DESC LIMIT 1
                """)
                .param("mall", mall.value()).param("day", day).param("counter", counter.value())
                .param("since", timestamp(since))
                .query((rs, n) -> new TicketId(rs.getObject("id", UUID.class))).optional();
    }

    void event(Ticket t, String type, CounterId counter, String detail, Instant at) {
        jdbc.sql("""
                INSERT INTO ticket_event (mall_id, ticket_id, at, type, counter_id, service_id, detail)
                VALUES (:mall, :ticket, :at, :type, :counter, :service, :detail)
                """)
                .param("mall", t.mallId().value()).param("ticket", t.id().value()).param("at", timestamp(at))
                .param("type", type).param("counter", counter == null ? null : counter.value())
                .param("service", t.serviceId().value()).param("detail", detail)
                .update();
    }

    // ---- counters

    /** The counter's live state, created closed on first use, locked until the end of the transaction. */
    CounterState lockCounterState(CounterId counter, MallId mall, Instant now) {
        jdbc.sql("""
                INSERT INTO queue_counter (mall_id, counter_id, status, status_since)
                VALUES (:mall, :counter, 'CLOSED', :now) ON CONFLICT (counter_id) DO NOTHING
                """)
                .param("mall", mall.value()).param("counter", counter.value()).param("now", timestamp(now))
                .update();
        return jdbc.sql("SELECT counter_id, mall_id, status, pause_reason, priority_streak, status_since"
                        + " FROM queue_counter WHERE counter_id = :counter FOR UPDATE")
                .param("counter", counter.value())
                .query(TicketStore::counter).single();
    }

    /** The live state of the mall's counters that have one, read without locking; the others are closed. */
    Map<CounterId, CounterState> counterStates(MallId mall) {
        Map<CounterId, CounterState> states = new HashMap<>();
        jdbc.sql("SELECT counter_id, mall_id, status, pause_reason, priority_streak, status_since"
                        + " FROM queue_counter WHERE mall_id = :mall")
                .param("mall", mall.value())
                .query(TicketStore::counter).list()
                .forEach(state -> states.put(state.counterId(), state));
        return states;
    }

    void saveCounter(CounterState state) {
        jdbc.sql("""
                UPDATE queue_counter SET status = :status, pause_reason = :reason, priority_streak = :streak,
                    status_since = :since WHERE counter_id = :counter
                """)
                .param("status", state.status().name()).param("reason", state.pauseReason())
                .param("streak", state.priorityStreak()).param("since", timestamp(state.statusSince()))
                .param("counter", state.counterId().value())
                .update();
    }

    QueueSettings settings(MallId mall) {
        return jdbc.sql("SELECT max_priority_streak, max_recalls, recall_cooldown_seconds FROM queue_settings"
                        + " WHERE mall_id = :mall")
                .param("mall", mall.value())
                .query((rs, n) -> new QueueSettings(rs.getInt(1), rs.getInt(2), Duration.ofSeconds(rs.getInt(3))))
                .optional().orElse(QueueSettings.DEFAULTS);
    }

    void saveSettings(MallId mall, QueueSettings settings) {
        jdbc.sql("""
                INSERT INTO queue_settings (mall_id, max_priority_streak, max_recalls, recall_cooldown_seconds)
                VALUES (:mall, :streak, :recalls, :cooldown)
                ON CONFLICT (mall_id) DO UPDATE SET max_priority_streak = excluded.max_priority_streak,
                    max_recalls = excluded.max_recalls, recall_cooldown_seconds = excluded.recall_cooldown_seconds
                """)
                .param("mall", mall.value()).param("streak", settings.maxPriorityStreak())
                .param("recalls", settings.maxRecalls()).param("cooldown", settings.recallCooldown().toSeconds())
                .update();
    }

    private static List<Long> ids(Collection<ServiceId> services) {
        return services.stream().map(ServiceId::value).toList();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static WaitEstimator.Waiting waiting(ResultSet rs, int row) throws SQLException {
        return new WaitEstimator.Waiting(new TicketId(rs.getObject("id", UUID.class)),
                new ServiceId(rs.getLong("service_id")), rs.getBoolean("priority"), instant(rs, "arrival_at"),
                rs.getInt("seq"));
    }

    private static CounterState counter(ResultSet rs, int row) throws SQLException {
        return new CounterState(new CounterId(rs.getLong("counter_id")), new MallId(rs.getLong("mall_id")),
                CounterStatus.valueOf(rs.getString("status")), rs.getString("pause_reason"),
                rs.getInt("priority_streak"), instant(rs, "status_since"));
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        String priority = rs.getString("priority_group");
        String outcome = rs.getString("outcome");
        long counter = rs.getLong("counter_id");
        return Ticket.restore(new TicketId(rs.getObject("id", UUID.class)), new MallId(rs.getLong("mall_id")),
                rs.getObject("local_date", LocalDate.class), rs.getString("prefix"), rs.getInt("seq"),
                new ServiceId(rs.getLong("service_id")), new ServiceId(rs.getLong("first_service_id")),
                priority == null ? null : PriorityGroup.valueOf(priority), Channel.valueOf(rs.getString("channel")),
                TicketStatus.valueOf(rs.getString("status")), instant(rs, "arrival_at"), instant(rs, "queued_at"),
                instant(rs, "called_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                counter == 0 ? null : new CounterId(counter), rs.getInt("recall_count"),
                instant(rs, "last_called_at"), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getString("outcome_reason"), rs.getInt("transfer_count"), rs.getLong("wait_seconds"),
                rs.getLong("walk_seconds"), rs.getLong("service_seconds"));
    }
}
