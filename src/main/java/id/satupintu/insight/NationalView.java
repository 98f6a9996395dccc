package id.satupintu.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The malls side by side for a period, ranked by one measure, each with its monthly trend. */
public record NationalView(LocalDate from, LocalDate to, Ranking ranking, List<MallRow> malls, List<LocalDate> months) {

    public enum Ranking {
        /** Shortest median wait first. */
        WAIT,
        /** Highest satisfaction index first. */
        IKM,
        /** Largest share of applications finished within their deadlines first. */
        SLA,
        /** Most visitors first. */
        VOLUME
    }

    /**
     * @param visitorsChange change against the period of the same length just before, as a fraction
     * @param monthlyVisitors visitors per month of {@link NationalView#months()}
     * @param monthlyWait     average wait in minutes per month, null for a month without calls
     */
    public record MallRow(int rank, String code, String name, String timeZone, MallReport.Figures figures,
            Double visitorsChange, Double slaRate, long applications, BigDecimal ikm, List<Long> monthlyVisitors,
            List<Double> monthlyWait) {
    }
}
