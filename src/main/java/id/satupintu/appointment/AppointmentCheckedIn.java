package id.satupintu.appointment;

import java.util.UUID;

/** A citizen with a booking checked in at the mall and got a ticket. */
public record AppointmentCheckedIn(UUID appointmentId) {
}
