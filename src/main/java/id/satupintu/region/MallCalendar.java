package id.satupintu.region;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Answers whether a mall serves on a date, in the mall's own time zone. */
@Service
public class MallCalendar {

    private final Malls malls;
    private final Clock clock;

    MallCalendar(Malls malls, Clock clock) {
        this.malls = malls;
        this.clock = clock;
    }

    /** The current local date and time at the mall. */
    public ZonedDateTime now(Mall mall) {
        return ZonedDateTime.now(clock.withZone(mall.timeZone()));
    }

    public DaySchedule today(Mall mall) {
        return on(mall, now(mall).toLocalDate());
    }

    public DaySchedule on(Mall mall, LocalDate date) {
        Malls.DayFacts facts = malls.dayFacts(mall.id(), date);
        return schedule(date, facts.hours(), facts.override(), facts.holidays(), mall.openOnCollectiveLeave());
    }

    /** Whether the mall takes visitors at this moment: between opening and closing time of an open day. */
    public boolean isOpenAt(Mall mall, ZonedDateTime at) {
        return on(mall, at.toLocalDate()).takesVisitorsAt(at.withZoneSameInstant(mall.timeZone()).toLocalTime());
    }

    /** The next moment the mall opens after {@code from}, looking up to two months ahead. */
    public Optional<ZonedDateTime> nextOpening(Mall mall, ZonedDateTime from) {
        ZonedDateTime local = from.withZoneSameInstant(mall.timeZone());
        for (int days = 0; days <= 62; days++) {
            LocalDate date = local.toLocalDate().plusDays(days);
            if (on(mall, date) instanceof DaySchedule.Open open) {
                ZonedDateTime opens = date.atTime(open.hours().opens()).atZone(mall.timeZone());
                if (opens.isAfter(local)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The rule, in order: the mall's own decision for the date wins; then a national holiday closes; then collective
     * leave closes unless the mall opens on such days; then the weekly hours decide.
     */
    static DaySchedule schedule(LocalDate date, List<OpeningHours> weekly, Optional<DayOverride> override,
            List<Holiday> holidaysThatDay, boolean openOnCollectiveLeave) {
        Optional<OpeningHours> hours = weekly.stream().filter(h -> h.day() == date.getDayOfWeek()).findFirst();
        if (override.isPresent()) {
            DayOverride decision = override.get();
            if (!decision.open()) {
                return new DaySchedule.Closed(date, DaySchedule.Reason.MALL_CLOSURE, decision.name());
            }
            if (hours.isPresent()) {
                return new DaySchedule.Open(date, hours.get(), decision.name());
            }
        }
        boolean openAnyway = override.map(DayOverride::open).orElse(false);
        if (!openAnyway) {
            Optional<Holiday> national = holidaysThatDay.stream().filter(h -> h.kind() == Holiday.Kind.LN).findFirst();
            if (national.isPresent()) {
                return new DaySchedule.Closed(date, DaySchedule.Reason.NATIONAL_HOLIDAY, national.get().name());
            }
            Optional<Holiday> leave = holidaysThatDay.stream().filter(h -> h.kind() == Holiday.Kind.CB).findFirst();
            if (leave.isPresent() && !openOnCollectiveLeave) {
                return new DaySchedule.Closed(date, DaySchedule.Reason.COLLECTIVE_LEAVE, leave.get().name());
            }
        }
        return hours.<DaySchedule>map(h -> new DaySchedule.Open(date, h, null))
                .orElseGet(() -> new DaySchedule.Closed(date, DaySchedule.Reason.WEEKLY_DAY_OFF, null));
    }
}
