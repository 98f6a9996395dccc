package id.satupintu.appointment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;

/**
 * A citizen's booking of a slot. It guards its transitions:
 *
 * <pre>
 * BOOKED --check-in (within the window around the booked time)--> CHECKED_IN (a queue ticket)
 * BOOKED --cancel (citizen, or the mall closing the day)--> CANCELLED
 * BOOKED --check-in window over--> NO_SHOW
 * </pre>
 *
 * The NIK is held only as a keyed fingerprint and a masked form.
 */
public final class Appointment {

    /** Why a booking was cancelled. */
    public enum CancelReason {
        CITIZEN, MALL_CLOSURE
    }

    /** Whose request made the booking. */
    public enum Channel {
        WEB, API
    }

    private final UUID id;
    private final BookingCode code;
    private final MallId mallId;
    private final ServiceId serviceId;
    private final Instant start;
    private final Instant end;
    private final LocalDate localDate;
    private final String nikFingerprint;
    private final String nikMasked;
    private final Contact contact;
    private final String language;
    private final Channel channel;
    private final Instant bookedAt;
    private AppointmentStatus status;
    private Instant checkedInAt;
    private String ticketId;
    private Instant cancelledAt;
    private CancelReason cancelReason;

    /** Name and where to reach the citizen: a phone number, an e-mail address, or both. */
    public record Contact(String name, String phone, String email) {
    }

    Appointment(UUID id, BookingCode code, MallId mallId, ServiceId serviceId, Instant start, Instant end,
            LocalDate localDate, String nikFingerprint, String nikMasked, Contact contact, String language,
            Channel channel, Instant bookedAt, AppointmentStatus status) {
        this.id = id;
        this.code = code;
        this.mallId = mallId;
        this.serviceId = serviceId;
        this.start = start;
        this.end = end;
        this.localDate = localDate;
        this.nikFingerprint = nikFingerprint;
        this.nikMasked = nikMasked;
        this.contact = contact;
        this.language = language;
        this.channel = channel;
        this.bookedAt = bookedAt;
        this.status = status;
    }

    /** Fails unless the booking can be checked in now: booked, and within the window around its time. */
    void requireCheckInOpen(Instant now, Duration before, Duration after, ZoneId zone) {
        requireBooked();
        if (now.isBefore(start.minus(before))) {
            AppointmentError error = new AppointmentError(AppointmentError.Code.CHECK_IN_TOO_EARLY,
                    start.minus(before).atZone(zone), start.atZone(zone));
            error.with("checkInFrom", start.minus(before).atZone(zone));
            throw error;
        }
        if (now.isAfter(start.plus(after))) {
            AppointmentError error = new AppointmentError(AppointmentError.Code.CHECK_IN_TOO_LATE,
                    start.atZone(zone), start.plus(after).atZone(zone));
            throw error;
        }
    }

    void checkedIn(Instant now, String ticket) {
        requireBooked();
        status = AppointmentStatus.CHECKED_IN;
        checkedInAt = now;
        ticketId = ticket;
    }

    void cancel(Instant now, CancelReason reason) {
        requireBooked();
        status = AppointmentStatus.CANCELLED;
        cancelledAt = now;
        cancelReason = reason;
    }

    private void requireBooked() {
        if (status != AppointmentStatus.BOOKED) {
            throw new AppointmentError(AppointmentError.Code.BOOKING_NOT_ACTIVE, code.display());
        }
    }

    void restoreProgress(Instant checkedInAt, String ticketId, Instant cancelledAt, CancelReason cancelReason) {
        this.checkedInAt = checkedInAt;
        this.ticketId = ticketId;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
    }

    public UUID id() { return id; }
    public BookingCode code() { return code; }
    public MallId mallId() { return mallId; }
    public ServiceId serviceId() { return serviceId; }
    public Instant start() { return start; }
    public Instant end() { return end; }
    public LocalDate localDate() { return localDate; }
    String nikFingerprint() { return nikFingerprint; }
    public String nikMasked() { return nikMasked; }
    public Contact contact() { return contact; }
    public String language() { return language; }
    public Channel channel() { return channel; }
    public Instant bookedAt() { return bookedAt; }
    public AppointmentStatus status() { return status; }
    public Instant checkedInAt() { return checkedInAt; }
    public String ticketId() { return ticketId; }
    public Instant cancelledAt() { return cancelledAt; }
    public CancelReason cancelReason() { return cancelReason; }
}
