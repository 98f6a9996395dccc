package id.satupintu.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.AgencyId;
import id.satupintu.shared.MallId;
import id.satupintu.shared.MonthSplit;
import id.satupintu.shared.ServiceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the mall reports and the national view from the rollups only. A period is read as its whole calendar
 * months from the monthly rows and its remaining days from the daily rows, so a year costs twelve rows per service
 * and mall; percentiles come from the summed histograms ({@link InsightHistogram}).
 */
@Service
public class Reports {

    /** The longest period one report covers. */
    static final int MAX_DAYS = 366 * 2;

    private final JdbcClient jdbc;
    private final Malls malls;
    private final Catalogue catalogue;
    private final List<FeedbackFigures> feedback;
    /** Service and agency names change rarely; a report may show a name up to five minutes old. */
    private final Cache<MallId, Names> names = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(1_000).build();

    private record Names(Map<ServiceId, MallService> services, Map<AgencyId, Agency> agencies) {
    }

    Reports(JdbcClient jdbc, Malls malls, Catalogue catalogue, List<FeedbackFigures> feedback) {
        this.jdbc = jdbc;
        this.malls = malls;
        this.catalogue = catalogue;
        this.feedback = feedback;
    }

    /** The granularity a period's series gets when none is asked for: days up to two months, then weeks, months. */
    static MallReport.Granularity defaultGranularity(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return days <= 62 ? MallReport.Granularity.DAY
                : days <= 190 ? MallReport.Granularity.WEEK : MallReport.Granularity.MONTH;
    }

    @Transactional(readOnly = true)
    public MallReport mall(Mall mall, LocalDate from, LocalDate to, MallReport.Granularity by, Locale locale) {
        MonthSplit period = MonthSplit.of(from, to);
        Map<ServiceId, Sum> services = new LinkedHashMap<>();
        Sum total = new Sum();
        int[] hours = new int[24];
        read(period, List.of(mall.id()), true, row -> {
            services.computeIfAbsent(row.service(), k -> new Sum()).add(row);
            total.add(row);
            InsightHistogram.addInto(hours, row.hours());
        });
        Names known = names.get(mall.id(), id -> {
            Map<ServiceId, MallService> byService = new HashMap<>();
            catalogue.services(id).forEach(s -> byService.put(s.id(), s));
            Map<AgencyId, Agency> byAgency = new LinkedHashMap<>();
            catalogue.agencies(id).forEach(a -> byAgency.put(a.id(), a));
            return new Names(byService, byAgency);
        });
        Map<ServiceId, MallService> catalogueServices = known.services();
        Map<AgencyId, Agency> agencies = known.agencies();
        Map<ServiceId, Apps> appsByService = applicationsByService(mall.id(), period);
        Map<ServiceId, Long> online = new HashMap<>();
        appsByService.forEach((service, apps) -> {
            if (apps.submitted > 0) {
                online.put(service, apps.submitted);
            }
        });

        Map<AgencyId, Sum> byAgency = new LinkedHashMap<>();
        Map<AgencyId, Long> onlineByAgency = new HashMap<>();
        services.forEach((id, sum) -> byAgency.computeIfAbsent(sum.agency, k -> new Sum()).add(sum));
        online.forEach((id, n) -> Optional.ofNullable(catalogueServices.get(id))
                .ifPresent(s -> onlineByAgency.merge(s.agencyId(), n, Long::sum)));
        online.keySet().stream().filter(id -> !services.containsKey(id) && catalogueServices.containsKey(id))
                .forEach(id -> {
                    Sum empty = new Sum();
                    empty.agency = catalogueServices.get(id).agencyId();
                    services.put(id, empty);
                    byAgency.putIfAbsent(empty.agency, new Sum());
                });

        List<MallReport.Row> serviceRows = services.entrySet().stream()
                .map(e -> {
                    MallService s = catalogueServices.get(e.getKey());
                    Agency a = agencies.get(e.getValue().agency);
                    return new MallReport.Row(s == null ? e.getKey().toString() : s.code(),
                            s == null ? e.getKey().toString() : s.name().in(locale),
                            a == null ? "" : a.name().in(locale), e.getValue().figures(),
                            online.getOrDefault(e.getKey(), 0L));
                })
                .sorted(Comparator.comparingLong((MallReport.Row r) -> r.figures().visitors() + r.online())
                        .reversed().thenComparing(MallReport.Row::name))
                .toList();
        List<MallReport.Row> agencyRows = byAgency.entrySet().stream()
                .map(e -> {
                    Agency a = agencies.get(e.getKey());
                    return new MallReport.Row(a == null ? e.getKey().toString() : a.code(),
                            a == null ? e.getKey().toString() : a.name().in(locale), "", e.getValue().figures(),
                            onlineByAgency.getOrDefault(e.getKey(), 0L));
                })
                .sorted(Comparator.comparingLong((MallReport.Row r) -> r.figures().visitors() + r.online())
                        .reversed().thenComparing(MallReport.Row::name))
                .toList();

        MallReport.Figures figures = total.figures();
        MallReport.Applications applications = appsByService.values().stream().reduce(Apps.NONE, Apps::plus).view();
        MallReport.Bookings bookings = bookings(mall.id(), period);
        MallReport.ChannelMix channels = new MallReport.ChannelMix(figures.walkIn(), figures.booked(),
                applications.submitted());
        MallReport.Granularity granularity = by != null ? by : defaultGranularity(from, to);
        return new MallReport(mall.code(), mall.name(), mall.timeZone().getId(), from, to, granularity, figures,
                series(mall.id(), period, granularity), agencyRows, serviceRows, hours, bookings, applications,
                channels, feedback(mall, from, to));
    }

    @Transactional(readOnly = true)
    public NationalView national(LocalDate from, LocalDate to, NationalView.Ranking ranking) {
        MonthSplit period = MonthSplit.of(from, to);
        List<Mall> all = malls.all();
        List<MallId> ids = all.stream().map(Mall::id).toList();
        // The trend is the twelve months up to the period's end, whatever the period's length.
        List<LocalDate> months = new ArrayList<>();
        for (LocalDate m = to.withDayOfMonth(1).minusMonths(11); !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<MallId, Sum> totals = new HashMap<>();
        read(period, ids, false, row -> totals.computeIfAbsent(row.mall(), k -> new Sum()).add(row));
        Map<MallId, Map<LocalDate, Sum>> monthly = monthly(ids, months.getFirst(), to);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        Map<MallId, Long> before = visitors(ids, MonthSplit.of(from.minusDays(days), from.minusDays(1)));
        Map<MallId, Apps> applications = applications(ids, period);
        Map<MallId, FeedbackFigures.Figures> feedbackOfMalls = feedback.stream().findFirst()
                .map(f -> f.ofEach(all, from, to)).orElse(Map.of());
        List<NationalView.MallRow> rows = new ArrayList<>();
        for (Mall mall : all) {
            MallReport.Figures figures = totals.getOrDefault(mall.id(), new Sum()).figures();
            Long previous = before.get(mall.id());
            Double change = previous == null || previous == 0 ? null
                    : (figures.visitors() - previous) / (double) previous;
            Apps apps = applications.getOrDefault(mall.id(), Apps.NONE);
            Map<LocalDate, Sum> byMonth = monthly.getOrDefault(mall.id(), Map.of());
            rows.add(new NationalView.MallRow(0, mall.code(), mall.name(), mall.timeZone().getId(), figures, change,
                    apps.view().slaRate(), apps.submitted,
                    Optional.ofNullable(feedbackOfMalls.get(mall.id())).map(FeedbackFigures.Figures::ikm)
                            .orElse(null),
                    months.stream().map(m -> byMonth.containsKey(m) ? byMonth.get(m).tickets : 0L).toList(),
                    months.stream().map(m -> byMonth.containsKey(m) ? byMonth.get(m).waitAverage() : null)
                            .toList()));
        }
        List<NationalView.MallRow> ranked = new ArrayList<>(rows.stream().sorted(order(ranking)).toList());
        for (int i = 0; i < ranked.size(); i++) {
            NationalView.MallRow r = ranked.get(i);
            ranked.set(i, new NationalView.MallRow(i + 1, r.code(), r.name(), r.timeZone(), r.figures(),
                    r.visitorsChange(), r.slaRate(), r.applications(), r.ikm(), r.monthlyVisitors(),
                    r.monthlyWait()));
        }
        return new NationalView(from, to, ranking, ranked, months);
    }

    private static Comparator<NationalView.MallRow> order(NationalView.Ranking ranking) {
        Comparator<NationalView.MallRow> byName = Comparator.comparing(NationalView.MallRow::name);
        return switch (ranking) {
            case WAIT -> nullsLast(r -> r.figures().waitP50(), false).thenComparing(byName);
            case IKM -> nullsLast(r -> r.ikm() == null ? null : r.ikm().doubleValue(), true).thenComparing(byName);
            case SLA -> nullsLast(NationalView.MallRow::slaRate, true).thenComparing(byName);
            case VOLUME -> Comparator.comparingLong((NationalView.MallRow r) -> r.figures().visitors()).reversed()
                    .thenComparing(byName);
        };
    }

    private static Comparator<NationalView.MallRow> nullsLast(Function<NationalView.MallRow, Double> value,
            boolean highFirst) {
        Comparator<Double> values = highFirst ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(value, Comparator.nullsLast(values));
    }

    private MallReport.Feedback feedback(Mall mall, LocalDate from, LocalDate to) {
        return feedback.stream().map(f -> f.of(mall, from, to)).flatMap(Optional::stream).findFirst()
                .map(f -> new MallReport.Feedback(true, f.ikm(), f.respondents(), f.complaints(), f.resolved()))
                .orElse(MallReport.Feedback.NONE);
    }

    // ---- reading the rollups

    /** One row of the rollups: a service of a mall over a day or a month. */
    record Row(MallId mall, LocalDate period, ServiceId service, AgencyId agency, long tickets, long walkIn,
            long booked, long priority, long served, long completed, long noShow, long cancelled, long called,
            long waitSum, long serviceSum, int[] waits, int[] serviceTimes, int[] hours) {
    }

    private static final String ROW_COLUMNS = """
            mall_id, period, service_id, agency_id, tickets, walk_in, booked, priority, served, completed, no_show,
            cancelled, called, wait_sum, service_sum, CAST(wait_histogram AS text) AS waits,
            CAST(service_histogram AS text) AS service_times, CAST(hour_histogram AS text) AS hours""";

    /** Every rollup row of the period for these malls: months where whole, days elsewhere. */
    private void read(MonthSplit p, Collection<MallId> mallIds, boolean withHours,
            java.util.function.Consumer<Row> each) {
        String columns = withHours ? ROW_COLUMNS : ROW_COLUMNS.replace("CAST(hour_histogram AS text)", "NULL");
        jdbc.sql("""
                SELECT %1$s FROM insight_service_month
                WHERE mall_id IN (:malls) AND period BETWEEN :fullFrom AND :fullTo
                UNION ALL
                SELECT %1$s FROM insight_service_day
                WHERE mall_id IN (:malls) AND period BETWEEN :from AND :to
                  AND NOT (period BETWEEN :fullFrom AND :fullTo)
                """.formatted(columns))
                .param("malls", mallIds.stream().map(MallId::value).toList())
                .param("from", p.from()).param("to", p.to()).param("fullFrom", p.fullFrom())
                .param("fullTo", p.fullTo())
                .query(rs -> {
                    each.accept(new Row(new MallId(rs.getLong("mall_id")),
                            rs.getObject("period", LocalDate.class), new ServiceId(rs.getLong("service_id")),
                            new AgencyId(rs.getLong("agency_id")), rs.getLong("tickets"), rs.getLong("walk_in"),
                            rs.getLong("booked"), rs.getLong("priority"), rs.getLong("served"),
                            rs.getLong("completed"), rs.getLong("no_show"), rs.getLong("cancelled"),
                            rs.getLong("called"), rs.getLong("wait_sum"), rs.getLong("service_sum"),
                            InsightHistogram.parse(rs.getString("waits")),
                            InsightHistogram.parse(rs.getString("service_times")),
                            InsightHistogram.parse(rs.getString("hours"))));
                });
    }

    private List<MallReport.Point> series(MallId mall, MonthSplit p, MallReport.Granularity granularity) {
        String unit = granularity.name().toLowerCase(Locale.ROOT);
        // Months come whole from the monthly rows where they can; weeks and days need the daily rows.
        String source = granularity == MallReport.Granularity.MONTH ? """
                SELECT period, tickets, served, no_show, called, wait_sum FROM insight_service_month
                WHERE mall_id = :mall AND period BETWEEN :fullFrom AND :fullTo
                UNION ALL
                SELECT period, tickets, served, no_show, called, wait_sum FROM insight_service_day
                WHERE mall_id = :mall AND period BETWEEN :from AND :to AND NOT (period BETWEEN :fullFrom AND :fullTo)
                """ : """
                SELECT period, tickets, served, no_show, called, wait_sum FROM insight_service_day
                WHERE mall_id = :mall AND period BETWEEN :from AND :to
                """;
        Map<LocalDate, MallReport.Point> points = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT CAST(date_trunc('%s', period) AS date) AS start, sum(tickets) AS tickets,
                       sum(served) AS served, sum(no_show) AS no_show, sum(called) AS called, sum(wait_sum) AS wait_sum
                FROM (%s) r GROUP BY 1 ORDER BY 1
                """.formatted(unit, source))
                .param("mall", mall.value()).param("from", p.from()).param("to", p.to())
                .param("fullFrom", p.fullFrom()).param("fullTo", p.fullTo())
                .query(rs -> {
                    long called = rs.getLong("called");
                    LocalDate start = rs.getObject("start", LocalDate.class);
                    points.put(start, new MallReport.Point(start, rs.getLong("tickets"), rs.getLong("served"),
                            rs.getLong("no_show"), called == 0 ? null : minutes(rs.getLong("wait_sum") / (double) called)));
                });
        // Periods without a visitor are shown as zero, so gaps in a chart are real closures.
        List<MallReport.Point> all = new ArrayList<>();
        LocalDate start = switch (granularity) {
            case DAY -> p.from();
            case WEEK -> p.from().minusDays(p.from().getDayOfWeek().getValue() - 1);
            case MONTH -> p.from().withDayOfMonth(1);
        };
        for (LocalDate d = start; !d.isAfter(p.to()); d = switch (granularity) {
            case DAY -> d.plusDays(1);
            case WEEK -> d.plusWeeks(1);
            case MONTH -> d.plusMonths(1);
        }) {
            all.add(points.getOrDefault(d, new MallReport.Point(d, 0, 0, 0, null)));
        }
        return all;
    }

    /** Tickets and waits per mall and calendar month, from the monthly rows. */
    private Map<MallId, Map<LocalDate, Sum>> monthly(Collection<MallId> ids, LocalDate from, LocalDate to) {
        Map<MallId, Map<LocalDate, Sum>> monthly = new HashMap<>();
        jdbc.sql("""
                SELECT mall_id, period, sum(tickets) AS tickets, sum(called) AS called, sum(wait_sum) AS wait_sum
                FROM insight_service_month WHERE mall_id IN (:malls) AND period BETWEEN :from AND :to
                GROUP BY mall_id, period
                """)
                .param("malls", ids.stream().map(MallId::value).toList()).param("from", from).param("to", to)
                .query(rs -> {
                    Sum sum = new Sum();
                    sum.tickets = rs.getLong("tickets");
                    sum.called = rs.getLong("called");
                    sum.waitSum = rs.getLong("wait_sum");
                    monthly.computeIfAbsent(new MallId(rs.getLong("mall_id")), k -> new HashMap<>())
                            .put(rs.getObject("period", LocalDate.class), sum);
                });
        return monthly;
    }

    private Map<MallId, Long> visitors(Collection<MallId> ids, MonthSplit p) {
        Map<MallId, Long> visitors = new HashMap<>();
        jdbc.sql("""
                SELECT mall_id, sum(tickets) AS tickets FROM (
                    SELECT mall_id, tickets FROM insight_service_month
                    WHERE mall_id IN (:malls) AND period BETWEEN :fullFrom AND :fullTo
                    UNION ALL
                    SELECT mall_id, tickets FROM insight_service_day
                    WHERE mall_id IN (:malls) AND period BETWEEN :from AND :to
                      AND NOT (period BETWEEN :fullFrom AND :fullTo)) r
                GROUP BY mall_id
                """)
                .param("malls", ids.stream().map(MallId::value).toList())
                .param("from", p.from()).param("to", p.to()).param("fullFrom", p.fullFrom())
                .param("fullTo", p.fullTo())
                .query(rs -> {
                    visitors.put(new MallId(rs.getLong("mall_id")), rs.getLong("tickets"));
                });
        return visitors;
    }

    private MallReport.Bookings bookings(MallId mall, MonthSplit p) {
        return jdbc.sql("""
                SELECT coalesce(sum(booked), 0) AS booked, coalesce(sum(checked_in), 0) AS checked_in,
                       coalesce(sum(cancelled), 0) AS cancelled, coalesce(sum(no_show), 0) AS no_show
                FROM insight_booking_day WHERE mall_id = :mall AND period BETWEEN :from AND :to
                """)
                .param("mall", mall.value()).param("from", p.from()).param("to", p.to())
                .query((rs, n) -> {
                    long due = rs.getLong("checked_in") + rs.getLong("no_show");
                    return new MallReport.Bookings(rs.getLong("booked"), rs.getLong("checked_in"),
                            rs.getLong("cancelled"), rs.getLong("no_show"),
                            due == 0 ? null : rs.getLong("no_show") / (double) due);
                })
                .single();
    }

    private record Apps(long submitted, long finished, long withinSla) {
        static final Apps NONE = new Apps(0, 0, 0);

        Apps plus(Apps other) {
            return new Apps(submitted + other.submitted, finished + other.finished, withinSla + other.withinSla);
        }

        MallReport.Applications view() {
            return new MallReport.Applications(submitted, finished, withinSla,
                    finished == 0 ? null : withinSla / (double) finished);
        }
    }

    private Map<MallId, Apps> applications(Collection<MallId> ids, MonthSplit p) {
        Map<MallId, Apps> apps = new HashMap<>();
        jdbc.sql("""
                SELECT mall_id,
                       count(*) FILTER (WHERE submitted_on BETWEEN :from AND :to) AS submitted,
                       count(*) FILTER (WHERE finished_on BETWEEN :from AND :to) AS finished,
                       count(*) FILTER (WHERE finished_on BETWEEN :from AND :to AND NOT breached) AS within_sla
                FROM insight_application
                WHERE mall_id IN (:malls)
                  AND (submitted_on BETWEEN :from AND :to OR finished_on BETWEEN :from AND :to)
                GROUP BY mall_id
                """)
                .param("malls", ids.stream().map(MallId::value).toList())
                .param("from", p.from()).param("to", p.to())
                .query(rs -> {
                    apps.put(new MallId(rs.getLong("mall_id")), new Apps(rs.getLong("submitted"),
                            rs.getLong("finished"), rs.getLong("within_sla")));
                });
        return apps;
    }

    /** A mall's applications per service: submitted in the period, and finished in it (on time or not). */
    private Map<ServiceId, Apps> applicationsByService(MallId mall, MonthSplit p) {
        Map<ServiceId, Apps> apps = new HashMap<>();
        jdbc.sql("""
                SELECT service_id,
                       count(*) FILTER (WHERE submitted_on BETWEEN :from AND :to) AS submitted,
                       count(*) FILTER (WHERE finished_on BETWEEN :from AND :to) AS finished,
                       count(*) FILTER (WHERE finished_on BETWEEN :from AND :to AND NOT breached) AS within_sla
                FROM insight_application
                WHERE mall_id = :mall
                  AND (submitted_on BETWEEN :from AND :to OR finished_on BETWEEN :from AND :to)
                GROUP BY service_id
                """)
                .param("mall", mall.value()).param("from", p.from()).param("to", p.to())
                .query(rs -> {
                    apps.put(new ServiceId(rs.getLong("service_id")), new Apps(rs.getLong("submitted"),
                            rs.getLong("finished"), rs.getLong("within_sla")));
                });
        return apps;
    }

    static Double minutes(double seconds) {
        return Math.round(seconds / 6.0) / 10.0;
    }

    /** Running sums of rollup rows. */
    private static final class Sum {
        AgencyId agency;
        long tickets;
        long walkIn;
        long booked;
        long priority;
        long served;
        long completed;
        long noShow;
        long cancelled;
        long called;
        long waitSum;
        long serviceSum;
        final int[] waits = InsightHistogram.empty();
        final int[] serviceTimes = InsightHistogram.empty();

        void add(Row row) {
            InsightHistogram.addInto(waits, row.waits());
            InsightHistogram.addInto(serviceTimes, row.serviceTimes());
            agency = row.agency();
            tickets += row.tickets();
            walkIn += row.walkIn();
            booked += row.booked();
            priority += row.priority();
            served += row.served();
            completed += row.completed();
            noShow += row.noShow();
            cancelled += row.cancelled();
            called += row.called();
            waitSum += row.waitSum();
            serviceSum += row.serviceSum();
        }

        void add(Sum other) {
            tickets += other.tickets;
            walkIn += other.walkIn;
            booked += other.booked;
            priority += other.priority;
            served += other.served;
            completed += other.completed;
            noShow += other.noShow;
            cancelled += other.cancelled;
            called += other.called;
            waitSum += other.waitSum;
            serviceSum += other.serviceSum;
            InsightHistogram.addInto(waits, other.waits);
            InsightHistogram.addInto(serviceTimes, other.serviceTimes);
        }

        Double waitAverage() {
            return called == 0 ? null : minutes(waitSum / (double) called);
        }

        MallReport.Figures figures() {
            return new MallReport.Figures(tickets, served, completed, noShow, cancelled, walkIn, booked, priority,
                    called == 0 ? null : noShow / (double) called, waitAverage(), percentile(waits, 0.5),
                    percentile(waits, 0.9), percentile(serviceTimes, 0.5), percentile(serviceTimes, 0.9));
        }

        private static Double percentile(int[] histogram, double q) {
            Double seconds = InsightHistogram.percentile(histogram, q);
            return seconds == null ? null : minutes(seconds);
        }
    }
}
