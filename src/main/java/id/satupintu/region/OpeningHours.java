package id.satupintu.region;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A mall's hours on one day of the week, with an optional break (the Friday prayer break). */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes, LocalTime breakStart,
        LocalTime breakEnd) {

    public OpeningHours {
        if (day == null || opens == null || closes == null) {
            throw new InvalidOpeningHours("error.INVALID_HOURS.MISSING");
        }
        if (!opens.isBefore(closes)) {
            throw new InvalidOpeningHours("error.INVALID_HOURS.CLOSES_BEFORE_OPENS");
        }
        if ((breakStart == null) != (breakEnd == null)) {
            throw new InvalidOpeningHours("error.INVALID_HOURS.BREAK_INCOMPLETE");
        }
        if (breakStart != null
                && !(opens.isBefore(breakStart) && breakStart.isBefore(breakEnd) && breakEnd.isBefore(closes))) {
            throw new InvalidOpeningHours("error.INVALID_HOURS.BREAK_OUTSIDE");
        }
    }

    public boolean hasBreak() {
        return breakStart != null;
    }

    /** Whether the mall serves at this local time (open, and not in the break). */
    public boolean isOpenAt(LocalTime time) {
        boolean withinDay = !time.isBefore(opens) && time.isBefore(closes);
        boolean inBreak = hasBreak() && !time.isBefore(breakStart) && time.isBefore(breakEnd);
        return withinDay && !inBreak;
    }
}
