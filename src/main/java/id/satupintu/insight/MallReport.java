package id.satupintu.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A mall's report for a period of local days: visitors over time, by agency and by service, waiting and service times,
 * no-shows, the channel mix, online applications within their deadlines, and satisfaction and complaints. Times are
 * in minutes; rates are fractions (0 to 1); a figure with nothing to compute it from is null.
 */
public record MallReport(String mallCode, String mallName, String timeZone, LocalDate from, LocalDate to,
        Granularity granularity, Figures totals, List<Point> series, List<Row> byAgency, List<Row> byService,
        int[] arrivalsByHour, Bookings bookings, Applications applications, ChannelMix channels, Feedback feedback) {

    public enum Granularity {
        DAY, WEEK, MONTH
    }

    /** Ticket figures of a mall, agency or service. */
    public record Figures(long visitors, long served, long completed, long noShows, long cancelled, long walkIn,
            long booked, long priority, Double noShowRate, Double waitAverage, Double waitP50, Double waitP90,
            Double serviceP50, Double serviceP90) {
    }

    /** One period of the series (a day, or the week or month starting on {@code start}). */
    public record Point(LocalDate start, long visitors, long served, long noShows, Double waitAverage) {
    }

    /** An agency or service with its figures; {@code online} counts applications submitted in the period. */
    public record Row(String code, String name, String agency, Figures figures, long online) {
    }

    public record Bookings(long booked, long checkedIn, long cancelled, long noShows, Double noShowRate) {
    }

    /** Applications submitted and finished in the period; finished within every deadline or not. */
    public record Applications(long submitted, long finished, long withinSla, Double slaRate) {
    }

    /** How visitors came: walk-in tickets (kiosk, API), booked appointments that checked in, online applications. */
    public record ChannelMix(long walkIn, long booking, long online) {
    }

    /** IKM and complaints; {@code available} is false until a module provides them. */
    public record Feedback(boolean available, BigDecimal ikm, Long respondents, Long complaints, Long resolved) {
        static final Feedback NONE = new Feedback(false, null, null, null, null);
    }
}
