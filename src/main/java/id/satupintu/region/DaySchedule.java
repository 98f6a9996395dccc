package id.satupintu.region;

import java.time.LocalDate;

/** Whether a mall serves on one local date, and if not, why. */
public sealed interface DaySchedule {

    LocalDate date();

    boolean isOpen();

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
