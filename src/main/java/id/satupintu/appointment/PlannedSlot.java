package id.satupintu.appointment;

import java.time.ZonedDateTime;

/** A slot of a day as the rules and the mall's hours make it, with its seats. */
record PlannedSlot(ZonedDateTime start, ZonedDateTime end, int seats) {
}
