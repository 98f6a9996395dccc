package id.satupintu.appointment;

import java.time.LocalDate;

import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.queue.WalkInReservations;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.springframework.stereotype.Component;

/**
 * Tells the queue how much of a day's quota the bookings hold: the seats written for the day once it has been
 * booked, or else the seats its slots would offer. Walk-ins get the rest.
 */
@Component
class SeatReservations implements WalkInReservations {

    private final AppointmentStore store;
    private final Malls malls;
    private final MallCalendar calendar;
    private final Catalogue catalogue;

    SeatReservations(AppointmentStore store, Malls malls, MallCalendar calendar, Catalogue catalogue) {
        this.store = store;
        this.malls = malls;
        this.calendar = calendar;
        this.catalogue = catalogue;
    }

    @Override
    public int reservedSeats(MallId mall, ServiceId service, LocalDate day) {
        return store.rules(mall, service).filter(BookingRules::enabled)
                .map(rules -> store.writtenSeats(mall, service, day).orElseGet(() -> planned(mall, service, day, rules)))
                .orElse(0);
    }

    private int planned(MallId mallId, ServiceId serviceId, LocalDate day, BookingRules rules) {
        var mall = malls.get(mallId);
        MallService service = catalogue.service(mallId, serviceId);
        return SlotPlan.of(calendar.on(mall, day), mall.timeZone(), rules, service.dailyQuota()).stream()
                .mapToInt(PlannedSlot::seats).sum();
    }
}
