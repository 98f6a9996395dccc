package id.satupintu.insight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.satupintu.SatuPintuTest;
import id.satupintu.demo.HistoryGenerator;
import id.satupintu.queue.Channel;
import id.satupintu.queue.Outcome;
import id.satupintu.queue.TicketEnded;
import id.satupintu.queue.TicketId;
import id.satupintu.queue.TicketStatus;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The rollups the events feed equal a recomputation from the raw tickets, on two weeks of made-up history of a WIB,
 * a second WIB (Pontianak) and a WITA mall; reports read from them agree with plain SQL over the raw tickets.
 */
@SatuPintuTest
class RollupRecomputationTests {

    private static final LocalDate FROM = LocalDate.of(2026, 10, 5);
    private static final LocalDate TO = LocalDate.of(2026, 10, 18);
    private static final String SNAPSHOT = """
            SELECT mall_id, period, service_id, agency_id, tickets, walk_in, booked, priority, served, completed,
                   no_show, cancelled, called, wait_sum, service_sum, CAST(wait_histogram AS text) AS w,
                   CAST(service_histogram AS text) AS s, CAST(hour_histogram AS text) AS h
            FROM %s WHERE mall_id IN (:malls) AND period BETWEEN :from AND :to
            ORDER BY mall_id, period, service_id
            """;

    @Autowired
    HistoryGenerator generator;

    @Autowired
    TicketCounter listener;

    @Autowired
    Rollups rollups;

    @Autowired
    Reports reports;

    @Autowired
    Malls malls;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void rollupsFedByEventsEqualARecomputationFromTheRawTickets() {
        List<Mall> chosen = List.of(malls.getByCode("36.71"), malls.getByCode("61.12"), malls.getByCode("74.02"));
        List<Long> ids = chosen.stream().map(m -> m.id().value()).toList();
        generator.generate(FROM, TO, chosen, false);
        HistoryGenerator.Result again = generator.generate(FROM, TO, chosen, false);
        assertThat(again.days()).as("a second run resumes: every day is there").isZero();
        assertThat(again.skippedDays()).isEqualTo(14);

        // What the generator built by recomputing from the tickets ...
        List<Map<String, Object>> recomputedDays = snapshot("insight_service_day", ids);
        List<Map<String, Object>> recomputedMonths = snapshot("insight_service_month", ids);
        assertThat(recomputedDays).hasSizeGreaterThan(100);
        long tickets = jdbc.sql("SELECT count(*) FROM ticket WHERE mall_id IN (:malls) AND local_date BETWEEN :from"
                        + " AND :to").param("malls", ids).param("from", FROM).param("to", TO)
                .query(Long.class).single();
        assertThat(tickets).isGreaterThan(5_000);

        // ... is exactly what the events of the same tickets build, one ticket at a time.
        for (String table : List.of("insight_service_day", "insight_service_month")) {
            jdbc.sql("DELETE FROM " + table + " WHERE mall_id IN (:malls) AND period BETWEEN :from AND :to")
                    .param("malls", ids).param("from", FROM.withDayOfMonth(1)).param("to", TO.withDayOfMonth(31))
                    .update();
        }
        List<TicketEnded> events = jdbc.sql("""
                SELECT id, mall_id, local_date, first_service_id, channel, priority_group, status, outcome,
                       arrival_at, wait_seconds, service_seconds, finished_at
                FROM ticket WHERE mall_id IN (:malls) AND local_date BETWEEN :from AND :to
                """)
                .param("malls", ids).param("from", FROM).param("to", TO)
                .query((rs, n) -> TicketEnded.fromRow(rs))
                .list();
        events.forEach(listener::count);
        events.stream().limit(50).forEach(listener::count); // delivered twice: counted once
        assertSameRows(snapshot("insight_service_day", ids), recomputedDays);
        assertSameRows(snapshot("insight_service_month", ids), recomputedMonths);

        // Reports read from the rollups agree with plain SQL over the raw tickets (percentiles within a bucket).
        Mall wita = malls.getByCode("74.02");
        MallReport report = reports.mall(wita, FROM, TO, null, Locale.of("id"));
        Map<String, Object> raw = jdbc.sql("""
                SELECT count(*) AS visitors, count(*) FILTER (WHERE status = 'DONE') AS served,
                       count(*) FILTER (WHERE status = 'NO_SHOW') AS no_shows,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_seconds)
                           FILTER (WHERE status <> 'CANCELLED') AS p50,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY wait_seconds)
                           FILTER (WHERE status <> 'CANCELLED') AS p90,
                       count(*) FILTER (WHERE extract(hour FROM arrival_at AT TIME ZONE 'Asia/Makassar') = 9) AS nine
                FROM ticket WHERE mall_id = :mall AND local_date BETWEEN :from AND :to
                """)
                .param("mall", wita.id().value()).param("from", FROM).param("to", TO)
                .query().singleRow();
        assertThat(report.totals().visitors()).isEqualTo(((Number) raw.get("visitors")).longValue());
        assertThat(report.totals().served()).isEqualTo(((Number) raw.get("served")).longValue());
        assertThat(report.totals().noShows()).isEqualTo(((Number) raw.get("no_shows")).longValue());
        assertThat(report.totals().waitP50()).isCloseTo(((Number) raw.get("p50")).doubleValue() / 60, within(1.1));
        assertThat(report.totals().waitP90()).isCloseTo(((Number) raw.get("p90")).doubleValue() / 60, within(2.1));
        assertThat(report.arrivalsByHour()[9]).as("hours in the mall's own zone (WITA)")
                .isEqualTo(((Number) raw.get("nine")).intValue());
        assertThat(report.byService().stream().mapToLong(r -> r.figures().visitors()).sum())
                .isEqualTo(report.totals().visitors());
        assertThat(report.series()).hasSize(14);
        assertThat(report.applications().submitted()).isPositive();
    }

    @Test
    void theHistoryGeneratorRefusesADatabaseThatIsNotMarkedAsDemo() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM demo_database").update();
            assertThatThrownBy(() -> generator.generate(FROM, FROM, List.of(malls.getByCode("36.71")), false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("demo");
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM demo_database").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theBucketsOfTheDatabaseAreThoseOfJava() {
        for (long seconds : new long[] {0, 59, 60, 1799, 1800, 1919, 1920, 3599, 3600, 7199, 7200, 14399, 14400,
                99999}) {
            int sql = jdbc.sql("SELECT insight_bucket(:s)").param("s", seconds).query(Integer.class).single();
            assertThat(sql - 1).as("bucket of %d s", seconds).isEqualTo(InsightHistogram.bucket(seconds));
        }
    }

    /** A WITA mall's day starts an hour before a WIB mall's: "today" and its tickets follow the mall's zone. */
    @Test
    void aWitaMallsDayFollowsItsOwnZone() {
        Instant lateEvening = Instant.parse("2026-11-30T16:30:00Z"); // 23:30 WIB, 00:30 WITA the next day
        InsightScope scope = new InsightScope(malls, Clock.fixed(lateEvening, ZoneOffset.UTC));
        Mall wib = malls.getByCode("36.71");
        Mall wita = malls.getByCode("74.02");
        assertThat(scope.period(null, null, wib.timeZone()).to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(scope.period(null, null, wita.timeZone()).to()).isEqualTo(LocalDate.of(2026, 12, 1));

        // A ticket taken at 07:45 WITA on 30 October (23:45 UTC the day before) counts on the 30th, hour 07.
        ServiceId service = new ServiceId(jdbc.sql("SELECT min(id) FROM service WHERE mall_id = :mall")
                .param("mall", wita.id().value()).query(Long.class).single());
        LocalDate day = LocalDate.of(2026, 10, 30);
        listener.count(new TicketEnded(TicketId.random(), wita.id(), day, service, Channel.KIOSK, false,
                TicketStatus.DONE, Outcome.COMPLETED, Instant.parse("2026-10-29T23:45:00Z"), 600, 300, true,
                Instant.parse("2026-10-30T00:10:00Z")));
        MallReport thatDay = reports.mall(wita, day, day, null, Locale.of("en"));
        assertThat(thatDay.totals().visitors()).isEqualTo(1);
        assertThat(thatDay.arrivalsByHour()[7]).isEqualTo(1);
        assertThat(thatDay.totals().waitP50()).isCloseTo(10.5, within(0.01));
        assertThat(reports.mall(wita, day.minusDays(1), day.minusDays(1), null, Locale.of("en")).totals().visitors())
                .isZero();
    }

    private static void assertSameRows(List<Map<String, Object>> fromEvents, List<Map<String, Object>> recomputed) {
        assertThat(fromEvents).hasSameSizeAs(recomputed);
        for (int i = 0; i < recomputed.size(); i++) {
            assertThat(fromEvents.get(i)).as("row %d", i).isEqualTo(recomputed.get(i));
        }
    }

    private List<Map<String, Object>> snapshot(String table, List<Long> ids) {
        return jdbc.sql(SNAPSHOT.formatted(table)).param("malls", ids).param("from", FROM.withDayOfMonth(1))
                .param("to", TO.withDayOfMonth(31)).query().listOfRows();
    }
}
