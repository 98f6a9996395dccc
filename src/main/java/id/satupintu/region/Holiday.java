package id.satupintu.region;

import java.time.LocalDate;

/** A national holiday ({@code LN}, libur nasional) or collective leave day ({@code CB}, cuti bersama). */
public record Holiday(LocalDate date, Kind kind, String name) {

    public enum Kind {
        LN, CB
    }
}
