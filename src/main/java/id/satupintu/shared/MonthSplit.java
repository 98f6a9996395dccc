package id.satupintu.shared;

import java.time.LocalDate;

/**
 * Local days from..to split into the whole calendar months they hold (fullFrom..fullTo, empty when fullFrom is after
 * fullTo) and the days outside them, so that sums kept per month and per day can be read with the fewest rows.
 */
public record MonthSplit(LocalDate from, LocalDate to, LocalDate fullFrom, LocalDate fullTo) {

    public static MonthSplit of(LocalDate from, LocalDate to) {
        LocalDate fullFrom = from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
        LocalDate fullTo = to.getDayOfMonth() == to.lengthOfMonth() ? to : to.withDayOfMonth(1).minusDays(1);
        return new MonthSplit(from, to, fullFrom, fullTo);
    }

    public boolean hasWholeMonths() {
        return !fullFrom.isAfter(fullTo);
    }
}
