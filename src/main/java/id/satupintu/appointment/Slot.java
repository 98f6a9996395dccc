package id.satupintu.appointment;

import java.time.OffsetDateTime;

/** A bookable slot with its seats and what is left of them; times in the mall's own offset. */
public record Slot(OffsetDateTime start, OffsetDateTime end, int capacity, int remaining) {

    /** Whether no seat is left (not a JSON property: the contract gives capacity and remaining). */
    public boolean noneLeft() {
        return remaining == 0;
    }
}
