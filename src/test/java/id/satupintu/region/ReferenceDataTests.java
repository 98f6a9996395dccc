package id.satupintu.region;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@SatuPintuTest
class ReferenceDataTests {

    @Autowired
    Regions regions;

    @Autowired
    Malls malls;

    @Autowired
    MallCalendar calendar;

    @Test
    void everyRegionOfTheKemendagriListIsLoaded() {
        assertThat(regions.count(Region.PROVINCE)).isEqualTo(38);
        assertThat(regions.count(Region.REGENCY)).isEqualTo(514);
        assertThat(regions.count(Region.DISTRICT)).isEqualTo(7285);
        assertThat(regions.get("36.71").name()).isEqualTo("Kota Tangerang");
        assertThat(regions.get("36.71").parentCode()).isEqualTo("36");
        assertThat(regions.childrenOf("36.71")).allSatisfy(d -> assertThat(d.level()).isEqualTo(Region.DISTRICT));
    }

    @Test
    void nationalHolidaysAndCollectiveLeaveOfBothYearsAreLoaded() {
        var year2026 = malls.nationalHolidays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(year2026.stream().filter(h -> h.kind() == Holiday.Kind.LN)).hasSize(17);
        assertThat(year2026.stream().filter(h -> h.kind() == Holiday.Kind.CB)).hasSize(8);
        var year2027 = malls.nationalHolidays(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
        assertThat(year2027.stream().filter(h -> h.kind() == Holiday.Kind.LN)).hasSize(18);
        assertThat(year2027.stream().filter(h -> h.kind() == Holiday.Kind.CB)).hasSize(8);
    }

    @Test
    void theFourteenMallsKeepTheirOwnTimeZoneAndFridayBreak() {
        assertThat(malls.all()).hasSize(14);
        assertThat(malls.all().stream().filter(m -> m.timeZone().getId().equals("Asia/Makassar"))).hasSize(5);
        for (Mall mall : malls.all()) {
            assertThat(regions.find(mall.code())).as(mall.code()).isPresent();
            assertThat(malls.weeklyHours(mall.id())).as(mall.name())
                    .anySatisfy(h -> {
                        assertThat(h.day()).isEqualTo(java.time.DayOfWeek.FRIDAY);
                        assertThat(h.hasBreak()).isTrue();
                    });
        }
    }

    @Test
    void aMallTakesVisitorsBetweenOpeningAndClosingInItsOwnTimeZone() {
        Mall poso = malls.getByCode("72.02");
        // 08:00 WITA is 07:00 WIB: the WITA mall is open while a WIB clock still says seven
        assertThat(calendar.isOpenAt(poso, ZonedDateTime.parse("2026-12-01T07:59:00+08:00[Asia/Makassar]")))
                .isFalse();
        assertThat(calendar.isOpenAt(poso, ZonedDateTime.parse("2026-12-01T07:00:00+07:00[Asia/Jakarta]")))
                .isTrue();
        assertThat(calendar.isOpenAt(poso, ZonedDateTime.parse("2026-12-01T15:00:00+08:00[Asia/Makassar]")))
                .isFalse();
    }

    @Test
    void theNextOpeningSkipsWeekendsHolidaysAndCollectiveLeave() {
        Mall poso = malls.getByCode("72.02");
        assertThat(calendar.nextOpening(poso, ZonedDateTime.parse("2026-12-23T16:00:00+08:00[Asia/Makassar]")))
                .contains(ZonedDateTime.parse("2026-12-28T08:00:00+08:00[Asia/Makassar]"));
        Mall tangerang = malls.getByCode("36.71");
        assertThat(calendar.nextOpening(tangerang, ZonedDateTime.parse("2026-11-28T06:00:00+07:00[Asia/Jakarta]")))
                .contains(ZonedDateTime.parse("2026-11-28T08:00:00+07:00[Asia/Jakarta]"));
    }

    @Test
    void aMallIsClosedOnNationalHolidaysByItsCalendar() {
        Mall poso = malls.getByCode("72.02");
        DaySchedule idulFitri = calendar.on(poso, LocalDate.of(2027, 3, 10));
        assertThat(idulFitri).isEqualTo(new DaySchedule.Closed(LocalDate.of(2027, 3, 10),
                DaySchedule.Reason.NATIONAL_HOLIDAY, "Hari Raya Idul Fitri 1448 H"));
        assertThat(calendar.on(poso, LocalDate.of(2026, 12, 24)))
                .isInstanceOfSatisfying(DaySchedule.Closed.class,
                        c -> assertThat(c.reason()).isEqualTo(DaySchedule.Reason.COLLECTIVE_LEAVE));
        assertThat(calendar.on(poso, LocalDate.of(2026, 12, 1)).isOpen()).isTrue();
    }
}
