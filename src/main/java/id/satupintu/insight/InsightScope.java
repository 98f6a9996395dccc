package id.satupintu.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import id.satupintu.shared.Forbidden;
import org.springframework.stereotype.Component;

/**
 * Who may see what, and which period a request means: a mall's monitor and reports are for its manager and the
 * national administrator, the national view for the national administrator only. Web pages and the API use the same
 * rules. Periods are local dates of the mall (or WIB for the national view).
 */
@Component
class InsightScope {

    /** The national view's days are those of Jakarta (WIB), where the ministry sits. */
    static final ZoneId NATIONAL_ZONE = ZoneId.of("Asia/Jakarta");
    static final int DEFAULT_DAYS = 30;

    private final Malls malls;
    private final Clock clock;

    InsightScope(Malls malls, Clock clock) {
        this.malls = malls;
        this.clock = clock;
    }

    Mall mall(String code) {
        Mall mall = malls.getByCode(code);
        StaffPrincipal.requireCurrent().requireManagerOf(mall.id());
        return mall;
    }

    void requireNational() {
        if (StaffPrincipal.requireCurrent().role() != StaffRole.NATIONAL_ADMIN) {
            throw new Forbidden();
        }
    }

    LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The period asked for, by default the last {@value #DEFAULT_DAYS} days up to today. */
    Period period(String from, String to, ZoneId zone) {
        LocalDate end = to == null || to.isBlank() ? today(zone) : date(to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date(from);
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= Reports.MAX_DAYS) {
            throw new InsightError(InsightError.Code.INVALID_PERIOD, start, end);
        }
        return new Period(start, end);
    }

    record Period(LocalDate from, LocalDate to) {
    }

    static MallReport.Granularity granularity(String by) {
        if (by == null || by.isBlank()) {
            return null;
        }
        try {
            return MallReport.Granularity.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InsightError(InsightError.Code.INVALID_CHOICE, by);
        }
    }

    static NationalView.Ranking ranking(String rank) {
        if (rank == null || rank.isBlank()) {
            return NationalView.Ranking.WAIT;
        }
        try {
            return NationalView.Ranking.valueOf(rank.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InsightError(InsightError.Code.INVALID_CHOICE, rank);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InsightError(InsightError.Code.INVALID_PERIOD, text, text);
        }
    }
}
