package id.satupintu.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import id.satupintu.catalogue.Agency;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.queue.Queue;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import id.satupintu.submission.Submissions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The IKM of a service, an agency, a mall or the nation over any period of local days, with what a report needs
 * beside it: whether the period reached the minimum sample, the month-by-month trend and the weakest elements.
 */
@Service
public class IkmReports {

    /** How many months the trend shows, ending with the period's last month. */
    public static final int TREND_MONTHS = 12;
    /** How many of the lowest elements are pointed out for improvement. */
    public static final int WEAKEST = 3;

    private final SurveyStore store;
    private final Surveys surveys;
    private final Queue queue;
    private final Submissions submissions;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;

    IkmReports(SurveyStore store, Surveys surveys, Queue queue, Submissions submissions, Malls malls,
            MallCalendar calendar, Catalogue catalogue) {
        this.store = store;
        this.surveys = surveys;
        this.queue = queue;
        this.submissions = submissions;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
    }

    /** What a report is about: a mall (none for the nation), narrowed to an agency or a service when they are set. */
    public record Unit(Mall mall, Agency agency, MallService service) {

        public boolean national() {
            return mall == null;
        }
    }

    /** One month of the trend; a month without answers has no index. */
    public record TrendPoint(YearMonth month, long respondents, BigDecimal ikm, Grade grade) {
    }

    /** One mall in the national report. */
    public record MallIkm(Mall mall, long respondents, BigDecimal ikm, Grade grade) {
    }

    /**
     * @param population    the citizens served in the unit and period (tickets finished and applications issued), and
     *                      never fewer than the respondents, since paper questionnaires may come from citizens served
     *                      outside the queue
     * @param minimumSample the respondents the period needs for that population (Krejcie-Morgan)
     * @param malls         per mall, for the national report; empty otherwise
     */
    public record Report(Unit unit, LocalDate from, LocalDate to, Ikm ikm, Map<Source, Long> sources,
            long population, int minimumSample, List<TrendPoint> trend, List<MallIkm> malls) {

        public boolean sampleReached() {
            return ikm.respondents() > 0 && ikm.respondents() >= minimumSample;
        }

        /** Whether demo questionnaires (made up for a demo installation) are among the answers. */
        public boolean includesDemo() {
            return sources.containsKey(Source.DEMO);
        }

        public List<Ikm.ElementScore> weakest() {
            return ikm.weakest(WEAKEST);
        }

        public boolean isWeak(Ikm.ElementScore element) {
            return weakest().contains(element);
        }
    }

    /** Local days from..to, both included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    @Transactional(readOnly = true)
    public Report forMall(String mallCode, LocalDate from, LocalDate to, String agencyCode, String serviceCode) {
        Mall mall = malls.getByCode(mallCode);
        Agency agency = blank(agencyCode) ? null : catalogue.agency(mall.id(), agencyCode);
        MallService service = blank(serviceCode) ? null : catalogue.service(mall.id(), serviceCode);
        Period period = period(mall, from, to);
        Unit unit = new Unit(mall, agency, service);
        SurveyStore.Filter filter = new SurveyStore.Filter(mall.id(), agency == null ? null : agency.id(),
                service == null ? null : service.id(), period.from(), period.to());
        return report(unit, filter, served(mall, period, unitServices(unit)), List.of());
    }

    /**
     * Only the index of every mall over local days from..to (no sample, trend or weak elements), from one reading of
     * the day sums: what a comparison of malls needs. Malls without answers are left out.
     */
    @Transactional(readOnly = true)
    public Map<MallId, Ikm> ikmOfEachMall(LocalDate from, LocalDate to) {
        Map<MallId, Ikm> perMall = new HashMap<>();
        store.groups(new SurveyStore.Filter(null, null, null, from, to), SurveyStore.Grouping.MALL)
                .forEach((mall, group) -> perMall.put(new MallId(((Number) mall).longValue()),
                        IkmCalculator.compute(surveys.elements(), group.tallies(), group.respondents())));
        return perMall;
    }

    /** Only the index of one mall over local days from..to; empty without answers. */
    @Transactional(readOnly = true)
    public Optional<Ikm> ikmOf(MallId mall, LocalDate from, LocalDate to) {
        return store.groups(new SurveyStore.Filter(mall, null, null, from, to), SurveyStore.Grouping.ALL).values()
                .stream().findFirst()
                .map(group -> IkmCalculator.compute(surveys.elements(), group.tallies(), group.respondents()));
    }

    @Transactional(readOnly = true)
    public Report national(LocalDate from, LocalDate to) {
        Period period = period(null, from, to);
        SurveyStore.Filter filter = new SurveyStore.Filter(null, null, null, period.from(), period.to());
        Map<Object, SurveyStore.Group> perMall = store.groups(filter, SurveyStore.Grouping.MALL);
        List<MallIkm> rows = new ArrayList<>();
        long served = 0;
        for (Mall mall : malls.all()) {
            SurveyStore.Group group = perMall.get(mall.id().value());
            Ikm ikm = group == null ? IkmCalculator.compute(surveys.elements(), Map.of(), 0)
                    : IkmCalculator.compute(surveys.elements(), group.tallies(), group.respondents());
            rows.add(new MallIkm(mall, ikm.respondents(), ikm.ikm(), ikm.grade()));
            served += served(mall, period, service -> true);
        }
        return report(new Unit(null, null, null), filter, served, rows);
    }

    private Report report(Unit unit, SurveyStore.Filter filter, long served, List<MallIkm> perMall) {
        SurveyStore.Group all = store.groups(filter, SurveyStore.Grouping.ALL).values().stream().findFirst()
                .orElse(new SurveyStore.Group(Map.of(), new EnumMap<>(Source.class)));
        Ikm ikm = IkmCalculator.compute(surveys.elements(), all.tallies(), all.respondents());
        long population = Math.max(served, ikm.respondents());
        return new Report(unit, filter.from(), filter.to(), ikm, all.sources(), population,
                MinimumSample.of(population), trend(filter), perMall);
    }

    private List<TrendPoint> trend(SurveyStore.Filter filter) {
        YearMonth last = YearMonth.from(filter.to());
        YearMonth first = last.minusMonths(TREND_MONTHS - 1L);
        Map<Object, SurveyStore.Group> months = store.groups(new SurveyStore.Filter(filter.mall(), filter.agency(),
                filter.service(), first.atDay(1), filter.to()), SurveyStore.Grouping.MONTH);
        List<TrendPoint> trend = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            SurveyStore.Group group = months.get(month.atDay(1));
            Ikm ikm = group == null ? IkmCalculator.compute(surveys.elements(), Map.of(), 0)
                    : IkmCalculator.compute(surveys.elements(), group.tallies(), group.respondents());
            trend.add(new TrendPoint(month, ikm.respondents(), ikm.ikm(), ikm.grade()));
        }
        return trend;
    }

    /** Tickets finished and applications issued in the mall for the services of the unit. */
    private long served(Mall mall, Period period, Predicate<ServiceId> inUnit) {
        long served = 0;
        for (Map<ServiceId, Long> counts : List.of(queue.servedPerService(mall.id(), period.from(), period.to()),
                submissions.issuedPerService(mall.id(), period.from(), period.to()))) {
            served += counts.entrySet().stream().filter(e -> inUnit.test(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }
        return served;
    }

    private Predicate<ServiceId> unitServices(Unit unit) {
        if (unit.service() != null) {
            return unit.service().id()::equals;
        }
        if (unit.agency() != null) {
            Set<ServiceId> ofAgency = catalogue.services(unit.mall().id()).stream()
                    .filter(s -> s.agencyId().equals(unit.agency().id()))
                    .map(MallService::id).collect(Collectors.toSet());
            return ofAgency::contains;
        }
        return service -> true;
    }

    /**
     * The period asked for; a missing end is the mall's today (for the nation, that of the first mall), a missing
     * start the first day of the trend's first month, so that by default a report covers the last twelve months.
     */
    public Period period(Mall mall, LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : calendar.now(mall != null ? mall : malls.all().getFirst()).toLocalDate();
        LocalDate start = from != null ? from : YearMonth.from(end).minusMonths(TREND_MONTHS - 1L).atDay(1);
        if (start.isAfter(end)) {
            throw new SurveyError(SurveyError.Code.INVALID_PERIOD, start, end);
        }
        return new Period(start, end);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
