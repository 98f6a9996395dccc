package id.satupintu.appointment;

import java.time.Duration;
import java.time.LocalTime;

/**
 * How a mall takes appointments for one of its services.
 *
 * @param slotMinutes        length of a slot
 * @param seatsPerSlot       citizens booked into one slot
 * @param walkInSharePercent share of the service's daily quota kept for walk-ins (when it has a quota)
 * @param bookFromDays       the nearest bookable day, in days from today (0: today)
 * @param bookToDays         the farthest bookable day, in days from today
 * @param dayOpensAt         local time at which the farthest day opens for booking
 * @param checkInBefore      how long before the booked time check-in opens
 * @param checkInAfter       how long after the booked time check-in stays open
 */
public record BookingRules(boolean enabled, int slotMinutes, int seatsPerSlot, int walkInSharePercent,
        int bookFromDays, int bookToDays, LocalTime dayOpensAt, Duration checkInBefore, Duration checkInAfter) {

    public static BookingRules defaults() {
        return new BookingRules(true, 30, 4, 50, 1, 14, LocalTime.of(8, 0), Duration.ofMinutes(30),
                Duration.ofMinutes(15));
    }

    public BookingRules {
        requireWithin("slotMinutes", slotMinutes, 5, 240);
        requireWithin("seatsPerSlot", seatsPerSlot, 1, 1000);
        requireWithin("walkInSharePercent", walkInSharePercent, 0, 100);
        requireWithin("bookFromDays", bookFromDays, 0, 90);
        requireWithin("bookToDays", bookToDays, bookFromDays, 90);
        if (dayOpensAt == null) {
            throw AppointmentError.invalidRules("dayOpensAt");
        }
        requireWithin("checkInBefore", checkInBefore == null ? -1 : checkInBefore.toMinutes(), 0, 240);
        requireWithin("checkInAfter", checkInAfter == null ? -1 : checkInAfter.toMinutes(), 0, 240);
    }

    private static void requireWithin(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw AppointmentError.invalidRules(field);
        }
    }

    /** The same rules, switched on or off. */
    public BookingRules withEnabled(boolean on) {
        return new BookingRules(on, slotMinutes, seatsPerSlot, walkInSharePercent, bookFromDays, bookToDays,
                dayOpensAt, checkInBefore, checkInAfter);
    }

    public Duration slotLength() {
        return Duration.ofMinutes(slotMinutes);
    }

    /** The seats a day may offer for booking, given the service's daily quota (null: no quota). */
    public int bookableShareOf(Integer dailyQuota) {
        if (dailyQuota == null) {
            return Integer.MAX_VALUE;
        }
        int walkIns = (int) Math.ceil(dailyQuota * walkInSharePercent / 100.0);
        return dailyQuota - walkIns;
    }
}
