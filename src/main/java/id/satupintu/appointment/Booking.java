package id.satupintu.appointment;

import java.time.ZonedDateTime;

import id.satupintu.catalogue.MallService;
import id.satupintu.region.Mall;

/** A booking with its mall and service, and its times in the mall's own zone: what pages and messages show. */
public record Booking(Appointment appointment, Mall mall, MallService service) {

    public ZonedDateTime start() {
        return appointment.start().atZone(mall.timeZone());
    }

    public ZonedDateTime end() {
        return appointment.end().atZone(mall.timeZone());
    }

    public BookingCode code() {
        return appointment.code();
    }

    public AppointmentStatus status() {
        return appointment.status();
    }
}
