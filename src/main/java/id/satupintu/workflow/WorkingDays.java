package id.satupintu.workflow;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Deadlines counted in working days (hari kerja) of a mall, in its own time zone.
 *
 * <p>A working day is Monday to Friday unless it is a national holiday, collective leave on which the mall does not
 * open, or a day the mall itself has closed. Saturday and Sunday never count, even where the mall's front desk opens
 * on Saturday: the deadlines of public services are set in the civil service's working days, and the agencies' back
 * offices that decide applications work Monday to Friday. For the same reason a weekday merely outside the mall's
 * weekly hours still counts. A mall that opens on collective leave, or on a holiday by its own decision, works that
 * day, so it counts.
 */
@Service
public class WorkingDays {

    private static final Set<DaySchedule.Reason> DAYS_OFF = EnumSet.of(DaySchedule.Reason.NATIONAL_HOLIDAY,
            DaySchedule.Reason.COLLECTIVE_LEAVE, DaySchedule.Reason.MALL_CLOSURE);

    /** How a mall serves on a date; the mall's calendar, or a fixed one in tests. */
    interface DaySchedules {
        DaySchedule on(Mall mall, LocalDate date);
    }

    private final DaySchedules calendar;

    @Autowired
    WorkingDays(MallCalendar calendar) {
        this(calendar::on);
    }

    WorkingDays(DaySchedules calendar) {
        this.calendar = calendar;
    }

    /**
     * The deadline of a state entered at {@code enteredAt} with {@code workingDays} to act: the end (the next local
     * midnight) of the N-th working day after the day it was entered. The day of entry never counts, whatever the
     * hour, so entering on Friday evening or on Saturday both give Monday as the first working day.
     */
    public ZonedDateTime dueAt(Mall mall, Instant enteredAt, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("A deadline needs at least one working day, got " + workingDays);
        }
        LocalDate day = enteredAt.atZone(mall.timeZone()).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(mall, day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(mall.timeZone());
    }

    /** Whether the deadline has passed: from the deadline's first instant on. */
    public boolean isBreached(ZonedDateTime due, Instant now) {
        return !now.isBefore(due.toInstant());
    }

    /**
     * The working days left after today until the deadline, for "2 hari kerja lagi": 0 on the last day and once it
     * has passed. Just after {@code dueAt(mall, t, n)} it is {@code n}.
     */
    public int workingDaysLeft(Mall mall, Instant now, ZonedDateTime due) {
        LocalDate today = now.atZone(mall.timeZone()).toLocalDate();
        LocalDate lastDay = due.withZoneSameInstant(mall.timeZone()).minusNanos(1).toLocalDate();
        int left = 0;
        for (LocalDate day = today.plusDays(1); !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (isWorkingDay(mall, day)) {
                left++;
            }
        }
        return left;
    }

    public boolean isWorkingDay(Mall mall, LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return !(calendar.on(mall, date) instanceof DaySchedule.Closed closed && DAYS_OFF.contains(closed.reason()));
    }
}
