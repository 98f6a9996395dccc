package id.satupintu.appointment;

import java.util.UUID;

/** A booking's check-in window passed without a check-in: a no-show. */
public record AppointmentMissed(UUID appointmentId) {
}
