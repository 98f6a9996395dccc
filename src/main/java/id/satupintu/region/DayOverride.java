package id.satupintu.region;

import java.time.LocalDate;

/** A mall's own decision for one date: closed (local holiday, emergency) or open on a national day off. */
public record DayOverride(LocalDate date, boolean open, String name) {
}
