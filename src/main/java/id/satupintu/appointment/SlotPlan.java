package id.satupintu.appointment;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import id.satupintu.region.DaySchedule;
import id.satupintu.region.OpeningHours;

/**
 * The slots of one day: back to back from opening time, each ending by closing time and none overlapping the break
 * (the Friday prayer break starts the next slot at its end). Seats are given slot by slot until the share of the
 * daily quota that may be booked is used up; a closed day has no slots.
 */
final class SlotPlan {

    private SlotPlan() {
    }

    static List<PlannedSlot> of(DaySchedule day, ZoneId zone, BookingRules rules, Integer dailyQuota) {
        if (!(day instanceof DaySchedule.Open open)) {
            return List.of();
        }
        OpeningHours hours = open.hours();
        int seatsLeft = rules.bookableShareOf(dailyQuota);
        List<PlannedSlot> slots = new ArrayList<>();
        LocalTime start = hours.opens();
        while (seatsLeft > 0) {
            LocalTime end = start.plus(rules.slotLength());
            if (end.isAfter(hours.closes()) || end.isBefore(start) || end.equals(LocalTime.MIDNIGHT)) {
                break;
            }
            if (hours.hasBreak() && start.isBefore(hours.breakEnd()) && end.isAfter(hours.breakStart())) {
                start = hours.breakEnd();
                continue;
            }
            int seats = Math.min(rules.seatsPerSlot(), seatsLeft);
            slots.add(new PlannedSlot(ZonedDateTime.of(day.date(), start, zone), ZonedDateTime.of(day.date(), end, zone),
                    seats));
            seatsLeft -= seats;
            start = end;
        }
        return List.copyOf(slots);
    }
}
