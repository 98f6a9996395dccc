/**
 * Appointments: bookable slots generated from a mall's hours and each service's booking rules, bookings that never
 * overbook a slot, check-in at the kiosk into the walk-in queue, reminders and no-shows.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "region", "catalogue", "identity",
        "queue", "audit"})
package id.satupintu.appointment;
