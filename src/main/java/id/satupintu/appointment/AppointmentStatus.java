package id.satupintu.appointment;

/** Where a booking stands. Only a booked appointment can still be checked in or cancelled. */
public enum AppointmentStatus {
    BOOKED, CHECKED_IN, CANCELLED, NO_SHOW
}
