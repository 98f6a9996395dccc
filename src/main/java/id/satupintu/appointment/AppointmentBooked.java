package id.satupintu.appointment;

import java.util.UUID;

/** A citizen booked a slot; the confirmation goes out. */
public record AppointmentBooked(UUID appointmentId) {
}
