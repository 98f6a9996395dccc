package id.satupintu.insight;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import id.satupintu.shared.AgencyId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the insight read models: one ended ticket at a time as events arrive, or whole days recomputed from the raw
 * records (after a bulk load such as the history generator's, or to repair). Both give the same rows.
 */
@Service
public class Rollups {

    /** The tables a ticket is counted in: by day, and by month for long periods. */
    /**
     * The day row first, then the month row, in every instance: Map.of iterates in an order that differs between
     * JVMs, and two instances taking the two row locks in opposite orders deadlocked.
     */
    private static final Map<String, String> PERIODS = orderedPeriods();

    private static Map<String, String> orderedPeriods() {
        Map<String, String> periods = new java.util.LinkedHashMap<>();
        periods.put("insight_service_day", "CAST(:day AS date)");
        periods.put("insight_service_month", "CAST(date_trunc('month', CAST(:day AS date)) AS date)");
        return java.util.Collections.unmodifiableMap(periods);
    }

    private static final String COLUMNS = """
            tickets, walk_in, booked, priority, served, completed, no_show, cancelled, called, wait_sum, service_sum,
            wait_histogram, service_histogram, hour_histogram""";

    private final JdbcClient jdbc;

    Rollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One ended ticket, as its event tells it. */
    record EndedTicket(MallId mall, LocalDate day, ServiceId service, AgencyId agency, boolean booked,
            boolean priority, String status, boolean completed, boolean called, long waitSeconds,
            long serviceSeconds, int arrivalHour) {
    }

    /** Counts a ticket once, however often its event is delivered; returns whether it was new. */
    boolean countOnce(java.util.UUID ticket, Instant now) {
        return jdbc.sql("INSERT INTO insight_ticket_counted (ticket_id, counted_at) VALUES (:id, :now)"
                        + " ON CONFLICT DO NOTHING")
                .param("id", ticket).param("now", Timestamp.from(now)).update() == 1;
    }

    void add(EndedTicket t) {
        boolean served = "DONE".equals(t.status());
        PERIODS.forEach((table, period) -> jdbc.sql("""
                INSERT INTO %1$s AS r (mall_id, period, service_id, agency_id, %2$s)
                VALUES (:mall, %3$s, :service, :agency, 1, :walkIn, :booked, :priority, :served, :completed,
                    :noShow, :cancelled, :called, :waitSum, :serviceSum,
                    insight_time_step(array_fill(0, ARRAY[66]), CAST(:wait AS bigint)),
                    insight_time_step(array_fill(0, ARRAY[66]), CAST(:serviceTime AS bigint)),
                    insight_tally(array_fill(0, ARRAY[24]), :hour))
                ON CONFLICT (mall_id, period, service_id) DO UPDATE SET
                    tickets = r.tickets + 1, walk_in = r.walk_in + excluded.walk_in,
                    booked = r.booked + excluded.booked, priority = r.priority + excluded.priority,
                    served = r.served + excluded.served, completed = r.completed + excluded.completed,
                    no_show = r.no_show + excluded.no_show, cancelled = r.cancelled + excluded.cancelled,
                    called = r.called + excluded.called, wait_sum = r.wait_sum + excluded.wait_sum,
                    service_sum = r.service_sum + excluded.service_sum,
                    wait_histogram = insight_add(r.wait_histogram, excluded.wait_histogram),
                    service_histogram = insight_add(r.service_histogram, excluded.service_histogram),
                    hour_histogram = insight_add(r.hour_histogram, excluded.hour_histogram)
                """.formatted(table, COLUMNS, period))
                .param("mall", t.mall().value()).param("day", t.day()).param("service", t.service().value())
                .param("agency", t.agency().value())
                .param("walkIn", t.booked() ? 0 : 1).param("booked", t.booked() ? 1 : 0)
                .param("priority", t.priority() ? 1 : 0).param("served", served ? 1 : 0)
                .param("completed", served && t.completed() ? 1 : 0)
                .param("noShow", "NO_SHOW".equals(t.status()) ? 1 : 0)
                .param("cancelled", "CANCELLED".equals(t.status()) ? 1 : 0)
                .param("called", t.called() ? 1 : 0)
                .param("waitSum", t.called() ? t.waitSeconds() : 0)
                .param("serviceSum", served ? t.serviceSeconds() : 0)
                .param("wait", t.called() ? t.waitSeconds() : null)
                .param("serviceTime", served ? t.serviceSeconds() : null)
                .param("hour", t.arrivalHour() + 1)
                .update());
    }

    /**
     * Recomputes the ticket rollups of a mall's days from the raw tickets; the months those days fall in are summed
     * again from their days. Tickets still open are not counted, as their events have not come yet.
     */
    @Transactional
    public void rebuildTickets(MallId mall, LocalDate from, LocalDate to) {
        rebuildDays(mall, from, to);
        rebuildMonths(mall, from, to);
    }

    /** Recomputes the daily ticket rollups only; the months need {@link #rebuildMonths} afterwards. */
    @Transactional
    public void rebuildDays(MallId mall, LocalDate from, LocalDate to) {
        jdbc.sql("DELETE FROM insight_service_day WHERE mall_id = :mall AND period BETWEEN :from AND :to")
                .param("mall", mall.value()).param("from", from).param("to", to).update();
        jdbc.sql("""
                INSERT INTO insight_service_day (mall_id, period, service_id, agency_id, %s)
                SELECT t.mall_id, t.local_date, t.first_service_id, s.agency_id, count(*),
                       count(*) FILTER (WHERE t.channel <> 'APPOINTMENT'),
                       count(*) FILTER (WHERE t.channel = 'APPOINTMENT'),
                       count(*) FILTER (WHERE t.priority_group IS NOT NULL),
                       count(*) FILTER (WHERE t.status = 'DONE'),
                       count(*) FILTER (WHERE t.status = 'DONE' AND t.outcome = 'COMPLETED'),
                       count(*) FILTER (WHERE t.status = 'NO_SHOW'),
                       count(*) FILTER (WHERE t.status = 'CANCELLED'),
                       count(*) FILTER (WHERE t.status <> 'CANCELLED'),
                       coalesce(sum(t.wait_seconds) FILTER (WHERE t.status <> 'CANCELLED'), 0),
                       coalesce(sum(t.service_seconds) FILTER (WHERE t.status = 'DONE'), 0),
                       insight_time_histogram(t.wait_seconds) FILTER (WHERE t.status <> 'CANCELLED'),
                       insight_time_histogram(t.service_seconds) FILTER (WHERE t.status = 'DONE'),
                       insight_hour_histogram(CAST(extract(hour FROM t.arrival_at AT TIME ZONE m.time_zone) AS int) + 1)
                FROM ticket t
                JOIN service s ON s.id = t.first_service_id
                JOIN mall m ON m.id = t.mall_id
                WHERE t.mall_id = :mall AND t.local_date BETWEEN :from AND :to
                  AND t.status IN ('DONE', 'NO_SHOW', 'CANCELLED')
                GROUP BY t.mall_id, t.local_date, t.first_service_id, s.agency_id
                """.formatted(COLUMNS))
                .param("mall", mall.value()).param("from", from).param("to", to).update();
    }

    /** Sums the months that hold {@code from} to {@code to} again from their days. */
    @Transactional
    public void rebuildMonths(MallId mall, LocalDate from, LocalDate to) {
        LocalDate first = from.withDayOfMonth(1);
        LocalDate last = to.withDayOfMonth(to.lengthOfMonth());
        jdbc.sql("DELETE FROM insight_service_month WHERE mall_id = :mall AND period BETWEEN :from AND :to")
                .param("mall", mall.value()).param("from", first).param("to", last).update();
        jdbc.sql("""
                INSERT INTO insight_service_month (mall_id, period, service_id, agency_id, %s)
                SELECT mall_id, CAST(date_trunc('month', period) AS date), service_id, min(agency_id), sum(tickets),
                       sum(walk_in), sum(booked), sum(priority), sum(served), sum(completed), sum(no_show),
                       sum(cancelled), sum(called), sum(wait_sum), sum(service_sum), insight_sum(wait_histogram),
                       insight_sum(service_histogram), insight_sum(hour_histogram)
                FROM insight_service_day
                WHERE mall_id = :mall AND period BETWEEN :from AND :to
                GROUP BY mall_id, date_trunc('month', period), service_id
                """.formatted(COLUMNS))
                .param("mall", mall.value()).param("from", first).param("to", last).update();
    }

    /** Bookings for a mall's day by where they stand now. */
    public record BookingDay(int booked, int checkedIn, int cancelled, int noShow) {
    }

    @Transactional
    public void putBookingDay(MallId mall, LocalDate day, BookingDay counts) {
        jdbc.sql("""
                INSERT INTO insight_booking_day (mall_id, period, booked, checked_in, cancelled, no_show)
                VALUES (:mall, :day, :booked, :checkedIn, :cancelled, :noShow)
                ON CONFLICT (mall_id, period) DO UPDATE SET booked = excluded.booked,
                    checked_in = excluded.checked_in, cancelled = excluded.cancelled, no_show = excluded.no_show
                """)
                .param("mall", mall.value()).param("day", day).param("booked", counts.booked())
                .param("checkedIn", counts.checkedIn()).param("cancelled", counts.cancelled())
                .param("noShow", counts.noShow())
                .update();
    }

    /** An online application as reports count it. */
    public record Application(java.util.UUID submission, MallId mall, ServiceId service, AgencyId agency,
            LocalDate submittedOn, LocalDate finishedOn, boolean breached) {
    }

    /** Records applications; one already known is updated (finishing and breaching only ever get set). */
    @Transactional
    public void putApplications(List<Application> applications) {
        if (applications.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO insight_application (submission_id, mall_id, service_id, agency_id, submitted_on,
                    finished_on, breached)
                SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:malls AS bigint[]), CAST(:services AS bigint[]),
                    CAST(:agencies AS bigint[]), CAST(:submitted AS date[]), CAST(:finished AS date[]),
                    CAST(:breached AS boolean[]))
                ON CONFLICT (submission_id) DO UPDATE SET
                    finished_on = coalesce(excluded.finished_on, insight_application.finished_on),
                    breached = insight_application.breached OR excluded.breached
                """)
                .param("ids", array(applications, Application::submission))
                .param("malls", array(applications, a -> a.mall().value()))
                .param("services", array(applications, a -> a.service().value()))
                .param("agencies", array(applications, a -> a.agency().value()))
                .param("submitted", array(applications, Application::submittedOn))
                .param("finished", array(applications, a -> a.finishedOn() == null ? "NULL" : a.finishedOn()))
                .param("breached", array(applications, Application::breached))
                .update();
    }

    /** PostgreSQL's text form of an array of simple values (numbers, dates, ids, booleans, NULL). */
    private static <T> String array(List<T> items, java.util.function.Function<T, Object> value) {
        StringBuilder text = new StringBuilder("{");
        for (T item : items) {
            text.append(text.length() > 1 ? "," : "").append(value.apply(item));
        }
        return text.append('}').toString();
    }

    /** Marks an application as having missed a deadline. */
    void breached(java.util.UUID submission) {
        jdbc.sql("UPDATE insight_application SET breached = TRUE WHERE submission_id = :id")
                .param("id", submission).update();
    }

    /** Forgets which tickets were counted long ago: their events are not delivered again after that long. */
    int forgetCountedBefore(Instant before) {
        return jdbc.sql("DELETE FROM insight_ticket_counted WHERE counted_at < :before")
                .param("before", Timestamp.from(before)).update();
    }

    static int hourAt(Instant instant, ZoneId zone) {
        return instant.atZone(zone).getHour();
    }
}
