package id.satupintu.appointment;

import java.time.OffsetDateTime;

/** A bookable slot with its seats and what is left of them; times in the mall's own offset. */
public record Slot(OffsetDateTime start, OffsetDateTime end, int capacity, int remaining) {

    public boolean isFull() {
        return remaining == 0;
    }
}
