package id.satupintu.region;

import java.time.LocalDate;
import java.time.LocalTime;

/** Whether a mall serves on one local date, and if not, why. */
public sealed interface DaySchedule {

    LocalDate date();

    boolean isOpen();

    /** Whether the mall takes visitors at this local time: between opening and closing time of an open day. */
    default boolean takesVisitorsAt(LocalTime time) {
        return this instanceof Open open && !time.isBefore(open.hours().opens()) && time.isBefore(open.hours().closes());
    }

    record Open(LocalDate date, OpeningHours hours, String note) implements DaySchedule {
        @Override
        public boolean isOpen() {
            return true;
        }
    }

    record Closed(LocalDate date, Reason reason, String name) implements DaySchedule {
        @Override
        public boolean isOpen() {
            return false;
        }
    }

    enum Reason {
        /** The mall does not open on this day of the week. */
        WEEKLY_DAY_OFF,
        /** A national public holiday (libur nasional). */
        NATIONAL_HOLIDAY,
        /** Collective leave (cuti bersama), on which this mall does not open. */
        COLLECTIVE_LEAVE,
        /** The mall's own decision: a local holiday or an emergency closure. */
        MALL_CLOSURE
    }
}
