package id.satupintu.workflow;

import java.time.LocalDate;

import id.satupintu.SatuPintuTest;
import id.satupintu.region.DayOverride;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static id.satupintu.workflow.WorkingDaysTest.WIB;
import static id.satupintu.workflow.WorkingDaysTest.WITA;
import static id.satupintu.workflow.WorkingDaysTest.at;
import static id.satupintu.workflow.WorkingDaysTest.midnight;
import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines against the real calendar: the holidays in the database and the demo malls' own days. */
@SatuPintuTest
class WorkingDaysTests {

    @Autowired
    WorkingDays workingDays;

    @Autowired
    Malls malls;

    @Test
    void christmasAndNewYearOfTheStoredHolidayListDoNotCount() {
        Mall tangerang = malls.getByCode("36.71");
        assertThat(workingDays.dueAt(tangerang, at("2026-12-23T09:00", WIB), 2)).isEqualTo(midnight("2026-12-30", WIB));
        assertThat(workingDays.dueAt(tangerang, at("2026-12-30T09:00", WIB), 3)).isEqualTo(midnight("2027-01-07", WIB));
    }

    @Test
    void aMallOpenOnSaturdayStillCountsFromMonday() {
        Mall wajo = malls.getByCode("73.13");
        assertThat(malls.weeklyHours(wajo.id())).anyMatch(h -> h.day() == java.time.DayOfWeek.SATURDAY);
        assertThat(workingDays.dueAt(wajo, at("2026-11-27T19:00", WITA), 1)).isEqualTo(midnight("2026-12-01", WITA));
        assertThat(workingDays.dueAt(wajo, at("2026-11-28T10:00", WITA), 1)).isEqualTo(midnight("2026-12-01", WITA));
    }

    @Test
    void theSameMomentFallsOnDifferentDaysInWibAndWita() {
        java.time.Instant thursdayNightInJakarta = java.time.Instant.parse("2026-11-26T16:30:00Z");
        assertThat(workingDays.dueAt(malls.getByCode("36.71"), thursdayNightInJakarta, 1))
                .isEqualTo(midnight("2026-11-28", WIB));
        assertThat(workingDays.dueAt(malls.getByCode("72.02"), thursdayNightInJakarta, 1))
                .isEqualTo(midnight("2026-12-01", WITA));
    }

    @Test
    void aDayTheMallClosesDoesNotCount() {
        Mall poso = malls.getByCode("72.02");
        LocalDate monday = LocalDate.of(2027, 2, 1);
        malls.putDayOverride(poso.id(), new DayOverride(monday, false, "Uji penutupan"));
        try {
            assertThat(workingDays.dueAt(poso, at("2027-01-29T15:00", WITA), 1)).isEqualTo(midnight("2027-02-03", WITA));
            assertThat(workingDays.workingDaysLeft(poso, at("2027-01-30T15:00", WITA), midnight("2027-02-03", WITA)))
                    .isEqualTo(1);
        } finally {
            malls.removeDayOverride(poso.id(), monday);
        }
        assertThat(workingDays.dueAt(poso, at("2027-01-29T15:00", WITA), 1)).isEqualTo(midnight("2027-02-02", WITA));
    }
}
