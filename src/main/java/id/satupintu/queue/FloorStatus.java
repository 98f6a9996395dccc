package id.satupintu.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.Counter;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.ServiceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The floor of a mall right now, for the manager's monitor: who waits for what, and what every counter is doing. */
@Service
public class FloorStatus {

    /** Today's tickets of one service (the one each ticket is in now). */
    public record Line(ServiceId service, int waiting, int priorityWaiting, Instant oldestQueuedAt, int issued,
            int served, int noShows, long waitSecondsSum, int waitCount) {
    }

    /** A counter's live state; {@code ticketNumber} is the ticket called to it or being served, if any. */
    public record Desk(CounterId counter, String name, AgencyId agency, CounterStatus status, String pauseReason,
            Instant since, String ticketNumber, ServiceId busyWith) {

        public boolean idle() {
            return status == CounterStatus.OPEN && ticketNumber == null;
        }
    }

    public record Snapshot(Instant at, LocalDate day, List<Line> lines, List<Desk> desks) {
    }

    private final TicketStore store;
    private final Catalogue catalogue;
    private final MallCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;

    FloorStatus(TicketStore store, Catalogue catalogue, MallCalendar calendar, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Snapshot of(Mall mall) {
        LocalDate day = calendar.now(mall).toLocalDate();
        List<Line> lines = jdbc.sql("""
                SELECT service_id,
                       count(*) FILTER (WHERE status = 'WAITING') AS waiting,
                       count(*) FILTER (WHERE status = 'WAITING' AND priority_group IS NOT NULL) AS priority_waiting,
                       min(queued_at) FILTER (WHERE status = 'WAITING') AS oldest,
                       count(*) AS issued,
                       count(*) FILTER (WHERE status = 'DONE') AS served,
                       count(*) FILTER (WHERE status = 'NO_SHOW') AS no_shows,
                       coalesce(sum(wait_seconds) FILTER (WHERE status IN ('CALLED', 'SERVING', 'DONE', 'NO_SHOW')), 0)
                           AS wait_sum,
                       count(*) FILTER (WHERE status IN ('CALLED', 'SERVING', 'DONE', 'NO_SHOW')) AS wait_count
                FROM ticket WHERE mall_id = :mall AND local_date = :day
                GROUP BY service_id
                """)
                .param("mall", mall.id().value()).param("day", day)
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Line(new ServiceId(rs.getLong("service_id")), rs.getInt("waiting"),
                            rs.getInt("priority_waiting"), oldest == null ? null : oldest.toInstant(),
                            rs.getInt("issued"), rs.getInt("served"), rs.getInt("no_shows"), rs.getLong("wait_sum"),
                            rs.getInt("wait_count"));
                })
                .list();
        Map<CounterId, String[]> busy = new HashMap<>();
        jdbc.sql("SELECT counter_id, number, service_id FROM ticket WHERE mall_id = :mall"
                        + " AND status IN ('CALLED', 'SERVING') AND counter_id IS NOT NULL")
                .param("mall", mall.id().value())
                .query(rs -> {
                    busy.put(new CounterId(rs.getLong("counter_id")),
                            new String[] {rs.getString("number"), Long.toString(rs.getLong("service_id"))});
                });
        Map<CounterId, CounterState> states = store.counterStates(mall.id());
        List<Desk> desks = catalogue.counters(mall.id()).stream().map(counter -> desk(counter,
                states.get(counter.id()), busy.get(counter.id()))).toList();
        return new Snapshot(clock.instant(), day, lines, desks);
    }

    private static Desk desk(Counter counter, CounterState state, String[] busy) {
        CounterStatus status = state == null ? CounterStatus.CLOSED : state.status();
        return new Desk(counter.id(), counter.name(), counter.agencyId(), status,
                state == null ? null : state.pauseReason(), state == null ? null : state.statusSince(),
                busy == null ? null : busy[0], busy == null ? null : new ServiceId(Long.parseLong(busy[1])));
    }
}
