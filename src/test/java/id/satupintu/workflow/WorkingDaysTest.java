package id.satupintu.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;
import id.satupintu.region.OpeningHours;
import id.satupintu.shared.MallId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadlines in working days, against the real 2026-2027 holiday list and malls open on Saturday. */
class WorkingDaysTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final Mall TANGERANG = new Mall(new MallId(1), "36.71", "MPP Kota Tangerang", "36.71", "Tangerang", WIB,
            false);
    static final Mall WAJO = new Mall(new MallId(2), "73.13", "MPP Kabupaten Wajo", "73.13", "Sengkang", WITA, false);
    static final Mall OPEN_ON_LEAVE = new Mall(new MallId(3), "32.09", "MPP Kabupaten Cirebon", "32.09", "Sumber",
            WIB, true);
    /** Tangerang closes on Monday 30 November 2026 for a local reason. */
    static final LocalDate LOCAL_CLOSURE = LocalDate.of(2026, 11, 30);

    static final Map<LocalDate, String> HOLIDAYS = holidays();

    /** Open Monday to Saturday, closed on Sunday, on national holidays and on collective leave unless the mall opens. */
    final WorkingDays days = new WorkingDays((mall, date) -> {
        String kind = HOLIDAYS.get(date);
        if (mall.equals(TANGERANG) && date.equals(LOCAL_CLOSURE)) {
            return new DaySchedule.Closed(date, DaySchedule.Reason.MALL_CLOSURE, "Banjir");
        }
        if ("LN".equals(kind)) {
            return new DaySchedule.Closed(date, DaySchedule.Reason.NATIONAL_HOLIDAY, "libur");
        }
        if ("CB".equals(kind) && !mall.openOnCollectiveLeave()) {
            return new DaySchedule.Closed(date, DaySchedule.Reason.COLLECTIVE_LEAVE, "cuti bersama");
        }
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return new DaySchedule.Closed(date, DaySchedule.Reason.WEEKLY_DAY_OFF, null);
        }
        return new DaySchedule.Open(date, new OpeningHours(date.getDayOfWeek(), LocalTime.of(8, 0),
                LocalTime.of(16, 0), null, null), null);
    });

    static Map<LocalDate, String> holidays() {
        try {
            return Files.readAllLines(Path.of("src/main/resources/reference/holidays-2026-2027.csv")).stream()
                    .skip(1).map(line -> line.split(",", 3))
                    .collect(Collectors.toMap(row -> LocalDate.parse(row[0]), row -> row[1]));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static ZonedDateTime midnight(String date, ZoneId zone) {
        return LocalDate.parse(date).atStartOfDay(zone);
    }

    @Test
    void theHolidayListIsTheOneTheCasesAssume() {
        assertThat(HOLIDAYS).containsEntry(LocalDate.of(2026, 12, 24), "CB")
                .containsEntry(LocalDate.of(2026, 12, 25), "LN").containsEntry(LocalDate.of(2027, 1, 1), "LN")
                .containsEntry(LocalDate.of(2027, 1, 5), "LN").doesNotContainKey(LocalDate.of(2026, 12, 31));
    }

    static final Map<String, Mall> MALLS = Map.of("TANGERANG", TANGERANG, "WAJO", WAJO, "CIREBON", OPEN_ON_LEAVE);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the weekend does not count                           | WAJO      | 2026-11-26T10:00 | 2 | 2026-12-01
            Friday evening: the count starts on Monday           | WAJO      | 2026-11-27T19:45 | 1 | 2026-12-01
            Friday morning: the day of entry never counts        | WAJO      | 2026-11-27T07:00 | 1 | 2026-12-01
            Saturday never counts, though the mall opens         | WAJO      | 2026-11-28T10:00 | 1 | 2026-12-01
            Sunday                                               | WAJO      | 2026-11-29T10:00 | 1 | 2026-12-01
            collective leave 24 and Christmas 25 December        | TANGERANG | 2026-12-23T09:00 | 1 | 2026-12-29
            two days over Christmas                              | TANGERANG | 2026-12-23T09:00 | 2 | 2026-12-30
            collective leave counts where the mall opens on it   | CIREBON   | 2026-12-23T09:00 | 1 | 2026-12-25
            two days from there over Christmas                   | CIREBON   | 2026-12-23T09:00 | 2 | 2026-12-29
            New Year and Isra Mikraj 5 January 2027              | TANGERANG | 2026-12-30T14:00 | 3 | 2027-01-07
            Nyepi and the Idul Fitri week of 2027                | WAJO      | 2027-03-05T11:00 | 5 | 2027-03-23
            the mall's own closure on Monday                     | TANGERANG | 2026-11-27T19:00 | 1 | 2026-12-02
            another mall's closure does not matter               | WAJO      | 2026-11-27T19:00 | 1 | 2026-12-01
            """)
    void theDeadlineIsTheEndOfTheNthWorkingDayAfterEntering(String why, String mall, String entered, int sla,
            String lastDayPlusOne) {
        Mall at = MALLS.get(mall);
        assertThat(days.dueAt(at, at(entered, at.timeZone()), sla)).isEqualTo(midnight(lastDayPlusOne, at.timeZone()));
    }

    @Test
    void saturdayIsNoWorkingDayButFridayIs() {
        assertThat(days.isWorkingDay(WAJO, LocalDate.of(2026, 11, 28))).isFalse();
        assertThat(days.isWorkingDay(WAJO, LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(days.isWorkingDay(WAJO, LocalDate.of(2026, 12, 25))).isFalse();
    }

    @Test
    void aWeekdayOutsideTheMallsWeeklyHoursStillCounts() {
        WorkingDays neverOpen = new WorkingDays(
                (mall, date) -> new DaySchedule.Closed(date, DaySchedule.Reason.WEEKLY_DAY_OFF, null));
        assertThat(neverOpen.dueAt(WAJO, at("2026-11-27T19:00", WITA), 1)).isEqualTo(midnight("2026-12-01", WITA));
    }

    @Test
    void theSameInstantIsThursdayNightInJakartaButFridayInMakassar() {
        // 16:30 UTC: Thursday 23:30 WIB, Friday 00:30 WITA.
        Instant entered = Instant.parse("2026-11-26T16:30:00Z");
        ZonedDateTime wib = days.dueAt(TANGERANG, entered, 1);
        ZonedDateTime wita = days.dueAt(WAJO, entered, 1);
        assertThat(wib).isEqualTo(midnight("2026-11-28", WIB));
        assertThat(wib.toInstant()).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
        assertThat(wita).isEqualTo(midnight("2026-12-01", WITA));
        assertThat(wita.toInstant()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void theDeadlineIsBreachedFromItsFirstInstant() {
        ZonedDateTime due = days.dueAt(TANGERANG, at("2026-12-23T09:00", WIB), 2);
        assertThat(days.isBreached(due, due.toInstant().minusNanos(1))).isFalse();
        assertThat(days.isBreached(due, due.toInstant())).isTrue();
        assertThat(days.isBreached(due, at("2027-01-04T08:00", WIB))).isTrue();
    }

    @Test
    void workingDaysLeftCountsDownToTheLastDay() {
        Instant entered = at("2026-12-23T09:00", WIB);
        ZonedDateTime due = days.dueAt(TANGERANG, entered, 2);
        assertThat(days.workingDaysLeft(TANGERANG, entered, due)).isEqualTo(2);
        assertThat(days.workingDaysLeft(TANGERANG, at("2026-12-26T10:00", WIB), due)).isEqualTo(2);
        assertThat(days.workingDaysLeft(TANGERANG, at("2026-12-28T10:00", WIB), due)).isEqualTo(1);
        assertThat(days.workingDaysLeft(TANGERANG, at("2026-12-29T23:59", WIB), due)).isZero();
        assertThat(days.workingDaysLeft(TANGERANG, at("2027-01-04T10:00", WIB), due)).isZero();
    }

    @Test
    void workingDaysLeftIsTheSlaJustAfterEntering() {
        for (String entered : Set.of("2026-11-27T19:00", "2026-11-28T10:00", "2026-12-23T09:00", "2027-03-05T11:00")) {
            for (int sla = 1; sla <= 5; sla++) {
                Instant at = at(entered, WITA);
                assertThat(days.workingDaysLeft(WAJO, at, days.dueAt(WAJO, at, sla))).as(entered).isEqualTo(sla);
            }
        }
    }

    @Test
    void aDeadlineNeedsAtLeastOneDay() {
        assertThatThrownBy(() -> days.dueAt(WAJO, Instant.EPOCH, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
