package id.satupintu.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import id.satupintu.appointment.Appointments;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.Counter;
import id.satupintu.catalogue.MallService;
import id.satupintu.insight.Rollups;
import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.region.OpeningHours;
import id.satupintu.shared.CounterId;
import id.satupintu.shared.ServiceId;
import id.satupintu.survey.Surveys;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes up a realistic history of activity for every mall of a demo database, so that reports and the national view
 * have something to show: walk-in and booked tickets with waits and service times, no-shows and cancellations, the
 * day's bookings and online applications, survey answers of some served visitors (rated lower after a long wait),
 * day by day up to yesterday in each mall's calendar (closed days, national holidays and collective leave stay
 * empty).
 *
 * <p>Volumes follow the mall's size (its counters), the day of the week (Monday busiest, Friday and Saturday
 * quieter), the season (the tax deadline in March, the end of the year) and the day after a holiday; arrivals peak in
 * the morning; each agency has its own service time; each mall its own pace. The same day of the same mall always
 * comes out the same (seeded by mall and date).
 *
 * <p>Tickets are written with PostgreSQL COPY and the insight rollups recomputed from them, one day for all malls
 * per transaction; a mall's day once written is remembered ({@code demo_history_day}), so a run that stopped goes on
 * where it stopped. It refuses a database that the demo loader did not mark ({@code demo_database}). The applications of
 * the made-up history live in the insight read model only: real applications need citizens confirmed by the
 * population registry.
 */
@Component
public class HistoryGenerator {

    private static final Logger log = LoggerFactory.getLogger(HistoryGenerator.class);

    private static final String TICKET_COLUMNS = "id, mall_id, local_date, prefix, seq, number, service_id,"
            + " first_service_id, priority_group, channel, status, arrival_at, queued_at, called_at, started_at,"
            + " finished_at, counter_id, outcome, wait_seconds, walk_seconds, service_seconds";

    /** How busy a weekday is, Monday first. */
    private static final double[] WEEKDAY = {1.25, 1.1, 1.0, 0.95, 0.8, 0.55, 0.4};
    /** How busy a month is, January first: the tax deadline in March, school enrolment mid-year, year end. */
    private static final double[] MONTH = {1.05, 0.95, 1.15, 1.0, 0.95, 1.0, 1.1, 1.0, 0.95, 1.0, 1.05, 1.1};
    /** Arrivals by hour after opening: a morning peak and a smaller one after the midday break. */
    private static final double[] HOUR = {0.9, 1.5, 1.7, 1.4, 1.0, 0.6, 0.9, 0.8, 0.5, 0.2};
    /** The share of served visitors who fill in the satisfaction survey at the counter's tablet. */
    private static final double SURVEY_SHARE = 0.04;

    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;
    private final Appointments appointments;
    private final Rollups rollups;
    private final Surveys surveys;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HistoryGenerator(Malls malls, MallCalendar calendar, Catalogue catalogue, Appointments appointments,
            Rollups rollups, Surveys surveys, JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction,
            Clock clock) {
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.appointments = appointments;
        this.rollups = rollups;
        this.surveys = surveys;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a run wrote. */
    public record Result(int days, int skippedDays, long tickets, long applications) {
    }

    /** Fills the {@code days} days before today (WIB) for every mall. */
    public Result generate(int days, boolean progressBar) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
        return generate(today.minusDays(days), today.minusDays(1), malls.all(), progressBar);
    }

    /** Fills the days from {@code from} to {@code to} for these malls, skipping days already written. */
    public Result generate(LocalDate from, LocalDate to, List<Mall> chosen, boolean progressBar) {
        requireDemoDatabase();
        List<MallPlan> plans = chosen.stream().map(this::plan).toList();
        Set<String> done = new HashSet<>(jdbc.sql("SELECT mall_id || ' ' || period FROM demo_history_day")
                .query(String.class).list());
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long tickets = 0;
        long applications = 0;
        int written = 0;
        int skipped = 0;
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("History").setInitialMax(days)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" days", 1).showSpeed();
        try (ProgressBar bar = progressBar ? builder.build() : null) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                LocalDate date = day;
                List<MallPlan> todo = plans.stream()
                        .filter(plan -> !done.contains(plan.mall().id().value() + " " + date)).toList();
                if (todo.isEmpty()) {
                    skipped++;
                } else {
                    long[] counts = transaction.execute(status -> writeDay(date, todo));
                    tickets += counts[0];
                    applications += counts[1];
                    written++;
                }
                if (bar != null) {
                    bar.step();
                    bar.setExtraMessage(" " + day + ", " + tickets + " tickets");
                }
            }
        }
        for (MallPlan plan : plans) {
            rollups.rebuildMonths(plan.mall.id(), from, to);
        }
        log.info("History from {} to {}: {} days written, {} already there; {} tickets, {} applications", from, to,
                written, skipped, tickets, applications);
        return new Result(written, skipped, tickets, applications);
    }

    private void requireDemoDatabase() {
        boolean demo = jdbc.sql("SELECT EXISTS (SELECT 1 FROM demo_database)").query(Boolean.class).single();
        if (!demo) {
            throw new IllegalStateException("This database is not marked as a demo database (table demo_database is"
                    + " empty): the history generator makes up activity and runs only on demo data.");
        }
    }

    /** What a mall offers, read once per run. */
    private record MallPlan(Mall mall, List<MallService> services, double[] weights, Map<ServiceId, List<CounterId>>
            counters, Set<ServiceId> bookable, Map<ServiceId, String> agencyCodes, int counterCount, double pace,
            double slaMiss, double satisfaction) {
    }

    private MallPlan plan(Mall mall) {
        List<MallService> services = catalogue.activeServices(mall.id());
        Map<id.satupintu.shared.AgencyId, String> agencies = new HashMap<>();
        catalogue.agencies(mall.id()).forEach(a -> agencies.put(a.id(), a.code()));
        Map<ServiceId, String> agencyCodes = new HashMap<>();
        services.forEach(s -> agencyCodes.put(s.id(), agencies.get(s.agencyId())));
        Map<ServiceId, List<CounterId>> counters = new HashMap<>();
        List<Counter> all = catalogue.counters(mall.id());
        for (Counter counter : all) {
            counter.services().forEach(s -> counters.computeIfAbsent(s, k -> new ArrayList<>()).add(counter.id()));
        }
        double[] weights = new double[services.size()];
        Map<id.satupintu.shared.AgencyId, Integer> rankInAgency = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            MallService s = services.get(i);
            int rank = rankInAgency.merge(s.agencyId(), 1, Integer::sum);
            weights[i] = agencyWeight(agencyCodes.get(s.id())) / rank;
        }
        Random mallRandom = new Random(mall.code().hashCode());
        double pace = 0.75 + mallRandom.nextDouble() * 0.7;
        double slaMiss = 0.03 + mallRandom.nextDouble() * 0.17;
        // Visitors of a slow mall rate it lower; each mall has a manner of its own besides.
        double satisfaction = 0.2 - (pace - 0.75) * 0.5 - slaMiss + mallRandom.nextGaussian() * 0.1;
        return new MallPlan(mall, services, weights, counters, appointments.rulesOf(mall.id()).keySet(), agencyCodes,
                all.size(), pace, slaMiss, satisfaction);
    }

    private static double agencyWeight(String agency) {
        return switch (agency == null ? "" : agency) {
            case "dukcapil" -> 3.0;
            case "samsat" -> 2.5;
            case "polri" -> 2.0;
            case "bpjs-kes", "imigrasi", "dpmptsp" -> 1.5;
            default -> 1.0;
        };
    }

    /** Mean minutes at the counter for a service of the agency. */
    private static double serviceMinutes(String agency) {
        return switch (agency == null ? "" : agency) {
            case "imigrasi" -> 15;
            case "bpn", "pa" -> 14;
            case "dukcapil", "polri", "dpmptsp" -> 9;
            case "samsat", "bank", "pos", "pdam", "pln" -> 5;
            default -> 8;
        };
    }

    /** Writes one day of every mall; returns the tickets and applications written. */
    private long[] writeDay(LocalDate day, List<MallPlan> plans) {
        long tickets = 0;
        long applications = 0;
        StringBuilder copy = new StringBuilder(1 << 20);
        List<Rollups.Application> apps = new ArrayList<>();
        List<Object[]> numbers = new ArrayList<>();
        List<MallPlan> written = new ArrayList<>();
        List<Surveys.DemoResponse> responses = new ArrayList<>();
        for (MallPlan plan : plans) {
            if (!(calendar.on(plan.mall(), day) instanceof DaySchedule.Open open) || hasTickets(plan, day)) {
                continue;
            }
            Random random = new Random(plan.mall().id().value() * 1_000_003L + day.toEpochDay());
            Ids ids = new Ids(plan.mall().id().value(), day, random);
            double factor = WEEKDAY[day.getDayOfWeek().getValue() - 1] * MONTH[day.getMonthValue() - 1]
                    * (0.9 + random.nextDouble() * 0.2) * (afterClosedDay(plan.mall(), day) ? 1.3 : 1.0);
            int visitors = (int) Math.round(plan.counterCount() * 40 * factor);
            tickets += tickets(plan, day, open.hours(), visitors, factor, random, ids, copy, numbers, responses);
            applications += applications(plan, day, factor, random, ids, apps);
            written.add(plan);
        }
        copyTickets(copy.toString());
        jdbc.sql("""
                INSERT INTO ticket_number (mall_id, local_date, prefix, last_number)
                SELECT mall, CAST(:day AS date), prefix, last
                FROM unnest(CAST(:malls AS bigint[]), CAST(:prefixes AS text[]), CAST(:lasts AS int[]))
                    AS n(mall, prefix, last)
                ON CONFLICT (mall_id, local_date, prefix) DO NOTHING
                """)
                .param("day", day)
                .param("malls", "{" + String.join(",", numbers.stream().map(n -> n[0].toString()).toList()) + "}")
                .param("prefixes", "{" + String.join(",", numbers.stream().map(n -> n[1].toString()).toList()) + "}")
                .param("lasts", "{" + String.join(",", numbers.stream().map(n -> n[2].toString()).toList()) + "}")
                .update();
        for (MallPlan plan : written) {
            rollups.rebuildDays(plan.mall().id(), day, day);
        }
        rollups.putApplications(apps);
        surveys.enterDemo(responses);
        for (MallPlan plan : plans) {
            jdbc.sql("INSERT INTO demo_history_day (mall_id, period, done_at) VALUES (:mall, :day, :now)")
                    .param("mall", plan.mall().id().value()).param("day", day)
                    .param("now", java.sql.Timestamp.from(clock.instant())).update();
        }
        return new long[] {tickets, applications};
    }

    private boolean hasTickets(MallPlan plan, LocalDate day) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ticket WHERE mall_id = :mall AND local_date = :day)")
                .param("mall", plan.mall().id().value()).param("day", day).query(Boolean.class).single();
    }

    private boolean afterClosedDay(Mall mall, LocalDate day) {
        return !calendar.on(mall, day.minusDays(1)).isOpen() && day.getDayOfWeek() != DayOfWeek.MONDAY;
    }

    /** Makes up the day's tickets of a mall as COPY lines; returns how many. */
    private int tickets(MallPlan plan, LocalDate day, OpeningHours hours, int visitors, double busy, Random random,
            Ids ids, StringBuilder copy, List<Object[]> numbers, List<Surveys.DemoResponse> responses) {
        ZoneId zone = plan.mall().timeZone();
        Map<String, Integer> lastNumber = new HashMap<>();
        Map<ServiceId, Integer> issued = new HashMap<>();
        List<long[]> arrivals = new ArrayList<>();
        long openSecond = hours.opens().toSecondOfDay();
        long closeSecond = hours.closes().toSecondOfDay() - 15 * 60;
        for (int i = 0; i < visitors; i++) {
            arrivals.add(new long[] {arrival(hours, openSecond, closeSecond, random), pick(plan.weights(), random)});
        }
        arrivals.sort((a, b) -> Long.compare(a[0], b[0]));
        int written = 0;
        int bookedTickets = 0;
        for (long[] arrival : arrivals) {
            MallService service = plan.services().get((int) arrival[1]);
            if (service.hasQuota() && issued.getOrDefault(service.id(), 0) >= service.dailyQuota()) {
                continue;
            }
            int seq = lastNumber.merge(service.ticketPrefix(), 1, Integer::sum);
            if (seq > 999) {
                continue;
            }
            issued.merge(service.id(), 1, Integer::sum);
            String agency = plan.agencyCodes().get(service.id());
            Instant arrivedAt = day.atTime(LocalTime.ofSecondOfDay(arrival[0])).atZone(zone).toInstant();
            double hourLoad = HOUR[(int) Math.min(HOUR.length - 1, Math.max(0, (arrival[0] - openSecond) / 3600))];
            long wait = (long) Math.min(4 * 3600, 60 * 11 * plan.pace() * busy * hourLoad * logNormal(random, 0.6)
                    * Math.sqrt(serviceMinutes(agency) / 8));
            long walk = 20 + random.nextInt(70);
            long served = (long) Math.max(60, 60 * serviceMinutes(agency) * logNormal(random, 0.45));
            boolean booked = plan.bookable().contains(service.id()) && random.nextDouble() < 0.25;
            String channel = booked ? "APPOINTMENT" : random.nextDouble() < 0.06 ? "API" : "KIOSK";
            bookedTickets += booked ? 1 : 0;
            String priority = random.nextDouble() < 0.06 ? "ELDERLY" : null;
            List<CounterId> counters = plan.counters().getOrDefault(service.id(), List.of());
            CounterId counter = counters.isEmpty() ? null : counters.get(random.nextInt(counters.size()));
            double fate = random.nextDouble();
            String status = fate < 0.015 ? "CANCELLED" : fate < 0.065 ? "NO_SHOW" : "DONE";
            Instant called = "CANCELLED".equals(status) ? null : arrivedAt.plusSeconds(wait);
            Instant started = "DONE".equals(status) ? called.plusSeconds(walk) : null;
            Instant finished = switch (status) {
                case "CANCELLED" -> day.atTime(hours.closes()).atZone(zone).toInstant();
                case "NO_SHOW" -> called.plusSeconds(180);
                default -> started.plusSeconds(served);
            };
            String outcome = "DONE".equals(status) ? (random.nextDouble() < 0.03 ? "INCOMPLETE" : "COMPLETED") : null;
            copy.append(ids.next()).append(',').append(plan.mall().id().value()).append(',').append(day).append(',')
                    .append(service.ticketPrefix()).append(',').append(seq).append(',')
                    .append(service.ticketPrefix()).append(String.format("%03d", seq)).append(',')
                    .append(service.id().value()).append(',').append(service.id().value()).append(',')
                    .append(priority == null ? "" : priority).append(',').append(channel).append(',')
                    .append(status).append(',').append(arrivedAt).append(',').append(arrivedAt).append(',')
                    .append(called == null ? "" : called).append(',').append(started == null ? "" : started)
                    .append(',').append(finished).append(',')
                    .append(counter == null || called == null ? "" : Long.toString(counter.value())).append(',')
                    .append(outcome == null ? "" : outcome).append(',')
                    .append(called == null ? 0 : wait).append(',').append(started == null ? 0 : walk).append(',')
                    .append(started == null ? 0 : served).append('\n');
            written++;
            if ("DONE".equals(status) && random.nextDouble() < SURVEY_SHARE) {
                responses.add(new Surveys.DemoResponse(plan.mall(), service,
                        DemoSurveys.answers(surveys.elements(), random, plan.satisfaction() - Math.min(0.5, wait / 7200.0)),
                        DemoSurveys.respondent(random), day));
            }
        }
        lastNumber.forEach((prefix, last) -> numbers.add(new Object[] {plan.mall().id().value(), prefix,
                Math.min(last, 999)}));
        writeBookings(plan, day, random, bookedTickets);
        return written;
    }

    /** The day's bookings: those that checked in became tickets; some did not come, some cancelled. */
    private void writeBookings(MallPlan plan, LocalDate day, Random random, int checkedIn) {
        if (plan.bookable().isEmpty()) {
            return;
        }
        int noShow = (int) Math.round(checkedIn * (0.08 + random.nextDouble() * 0.1));
        int cancelled = (int) Math.round(checkedIn * (0.04 + random.nextDouble() * 0.04));
        rollups.putBookingDay(plan.mall().id(), day,
                new Rollups.BookingDay(checkedIn + noShow + cancelled, checkedIn, cancelled, noShow));
    }

    /** The day's online applications; those finished before today get their finishing day and deadline record. */
    private int applications(MallPlan plan, LocalDate day, double busy, Random random, Ids ids,
            List<Rollups.Application> into) {
        List<MallService> online = plan.services().stream().filter(MallService::online).toList();
        if (online.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(plan.mall().timeZone()));
        int count = (int) Math.round(plan.counterCount() * 0.6 * busy * (0.7 + random.nextDouble() * 0.6));
        for (int i = 0; i < count; i++) {
            MallService service = online.get(random.nextInt(online.size()));
            LocalDate finished = day.plusDays(1 + random.nextInt(9));
            boolean breached = random.nextDouble() < plan.slaMiss();
            into.add(new Rollups.Application(ids.next(), plan.mall().id(),
                    service.id(), service.agencyId(), day, finished.isBefore(today) ? finished : null, breached));
        }
        return count;
    }

    /**
     * Ids of one mall's day: random high bits, and low bits that hold the mall, the day and a serial, so that no two
     * made-up records ever share an id.
     */
    private static final class Ids {
        private final long base;
        private final Random random;
        private long serial;

        Ids(long mall, LocalDate day, Random random) {
            this.base = (mall & 0xFFFF) << 48 | (day.toEpochDay() & 0xFFF_FFFF) << 20;
            this.random = random;
        }

        UUID next() {
            return new UUID(random.nextLong(), base | serial++);
        }
    }

    private static long arrival(OpeningHours hours, long open, long close, Random random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int slot = pick(HOUR, random);
            long second = open + slot * 3600L + random.nextInt(3600);
            if (second < close && hours.isOpenAt(LocalTime.ofSecondOfDay(second))) {
                return second;
            }
        }
        return open;
    }

    private static int pick(double[] weights, Random random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A factor around 1 with the spread of a log-normal distribution (median 1). */
    private static double logNormal(Random random, double sigma) {
        return Math.exp(random.nextGaussian() * sigma);
    }

    private void copyTickets(String lines) {
        if (lines.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY ticket (" + TICKET_COLUMNS + ") FROM STDIN (FORMAT csv)", new StringReader(lines));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the made-up tickets: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
