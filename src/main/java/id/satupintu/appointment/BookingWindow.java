package id.satupintu.appointment;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * The days a citizen may book now: from {@code bookFromDays} to {@code bookToDays} days ahead in the mall's own
 * calendar, the farthest of them only once the mall's local clock has passed the hour at which a new day opens.
 */
record BookingWindow(LocalDate first, LocalDate last) {

    static BookingWindow at(ZonedDateTime mallNow, BookingRules rules) {
        LocalDate today = mallNow.toLocalDate();
        int farthest = mallNow.toLocalTime().isBefore(rules.dayOpensAt()) ? rules.bookToDays() - 1 : rules.bookToDays();
        return new BookingWindow(today.plusDays(rules.bookFromDays()),
                today.plusDays(Math.max(rules.bookFromDays() - 1, farthest)));
    }

    boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }
}
