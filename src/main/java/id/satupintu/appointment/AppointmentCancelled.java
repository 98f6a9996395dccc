package id.satupintu.appointment;

import java.util.UUID;

/** A booking was cancelled, by the citizen or because the mall closed the day. */
public record AppointmentCancelled(UUID appointmentId) {
}
