package id.satupintu.appointment;

import id.satupintu.catalogue.MallService;
import id.satupintu.queue.WalkInReservations;
import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;
import org.springframework.stereotype.Component;

/**
 * Tells the queue how much of a day's quota the bookings hold: the seats written for the day once it has been
 * booked, or else the seats its slots would offer. Walk-ins get the rest.
 */
@Component
class SeatReservations implements WalkInReservations {

    private final AppointmentStore store;

    SeatReservations(AppointmentStore store) {
        this.store = store;
    }

    @Override
    public int reservedSeats(Mall mall, MallService service, DaySchedule day) {
        return store.rules(mall.id(), service.id()).filter(BookingRules::enabled)
                .map(rules -> store.writtenSeats(mall.id(), service.id(), day.date())
                        .orElseGet(() -> SlotPlan.of(day, mall.timeZone(), rules, service.dailyQuota()).stream()
                                .mapToInt(PlannedSlot::seats).sum()))
                .orElse(0);
    }
}
