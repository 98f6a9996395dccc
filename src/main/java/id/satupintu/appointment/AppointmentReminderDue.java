package id.satupintu.appointment;

import java.util.UUID;

/** A booking is tomorrow: the reminder goes out, once. */
public record AppointmentReminderDue(UUID appointmentId) {
}
