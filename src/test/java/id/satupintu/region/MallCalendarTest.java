package id.satupintu.region;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MallCalendarTest {

    private static final List<OpeningHours> WEEK = List.of(
            hours(DayOfWeek.MONDAY), hours(DayOfWeek.TUESDAY), hours(DayOfWeek.WEDNESDAY), hours(DayOfWeek.THURSDAY),
            new OpeningHours(DayOfWeek.FRIDAY, LocalTime.of(7, 30), LocalTime.of(16, 30), LocalTime.of(11, 30),
                    LocalTime.of(13, 0)));

    private static OpeningHours hours(DayOfWeek day) {
        return new OpeningHours(day, LocalTime.of(7, 30), LocalTime.of(16, 0), null, null);
    }

    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);
    private static final LocalDate CHRISTMAS_EVE_LEAVE = LocalDate.of(2026, 12, 24);
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

    @Test
    void opensOnAWeekdayWithItsHours() {
        DaySchedule day = MallCalendar.schedule(THURSDAY, WEEK, Optional.empty(), List.of(), false);
        assertThat(day).isInstanceOfSatisfying(DaySchedule.Open.class,
                open -> assertThat(open.hours().closes()).isEqualTo(LocalTime.of(16, 0)));
    }

    @Test
    void fridayHasAPrayerBreakDuringWhichTheMallDoesNotServe() {
        DaySchedule day = MallCalendar.schedule(FRIDAY, WEEK, Optional.empty(), List.of(), false);
        OpeningHours hours = ((DaySchedule.Open) day).hours();
        assertThat(hours.isOpenAt(LocalTime.of(11, 29))).isTrue();
        assertThat(hours.isOpenAt(LocalTime.of(12, 0))).isFalse();
        assertThat(hours.isOpenAt(LocalTime.of(13, 0))).isTrue();
        assertThat(hours.isOpenAt(LocalTime.of(16, 30))).isFalse();
        assertThat(hours.isOpenAt(LocalTime.of(7, 29))).isFalse();
    }

    @Test
    void aDayWithoutWeeklyHoursIsClosed() {
        DaySchedule day = MallCalendar.schedule(SATURDAY, WEEK, Optional.empty(), List.of(), false);
        assertThat(day).isEqualTo(new DaySchedule.Closed(SATURDAY, DaySchedule.Reason.WEEKLY_DAY_OFF, null));
    }

    @Test
    void aNationalHolidayClosesTheMallAndSaysWhich() {
        Holiday christmas = new Holiday(CHRISTMAS, Holiday.Kind.LN, "Kelahiran Yesus Kristus (Natal)");
        DaySchedule day = MallCalendar.schedule(CHRISTMAS, WEEK, Optional.empty(), List.of(christmas), true);
        assertThat(day).isEqualTo(new DaySchedule.Closed(CHRISTMAS, DaySchedule.Reason.NATIONAL_HOLIDAY,
                "Kelahiran Yesus Kristus (Natal)"));
    }

    @Test
    void collectiveLeaveClosesOnlyMallsThatDoNotOpenOnIt() {
        Holiday leave = new Holiday(CHRISTMAS_EVE_LEAVE, Holiday.Kind.CB, "Cuti Bersama Kelahiran Yesus Kristus");
        assertThat(MallCalendar.schedule(CHRISTMAS_EVE_LEAVE, WEEK, Optional.empty(), List.of(leave), false))
                .isInstanceOfSatisfying(DaySchedule.Closed.class,
                        closed -> assertThat(closed.reason()).isEqualTo(DaySchedule.Reason.COLLECTIVE_LEAVE));
        assertThat(MallCalendar.schedule(CHRISTMAS_EVE_LEAVE, WEEK, Optional.empty(), List.of(leave), true).isOpen())
                .isTrue();
    }

    @Test
    void theMallsOwnClosureWinsOverItsWeeklyHours() {
        DayOverride flood = new DayOverride(THURSDAY, false, "Banjir");
        assertThat(MallCalendar.schedule(THURSDAY, WEEK, Optional.of(flood), List.of(), false))
                .isEqualTo(new DaySchedule.Closed(THURSDAY, DaySchedule.Reason.MALL_CLOSURE, "Banjir"));
    }

    @Test
    void theMallMayOpenOnANationalHolidayWithThatWeekdaysHours() {
        Holiday christmas = new Holiday(CHRISTMAS, Holiday.Kind.LN, "Natal");
        DayOverride open = new DayOverride(CHRISTMAS, true, "Layanan khusus");
        DaySchedule day = MallCalendar.schedule(CHRISTMAS, WEEK, Optional.of(open), List.of(christmas), false);
        assertThat(day).isInstanceOfSatisfying(DaySchedule.Open.class,
                o -> assertThat(o.hours().hasBreak()).isTrue());
    }

    @Test
    void openingHoursRefuseImpossibleTimes() {
        assertThatThrownBy(() -> new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(16, 0), LocalTime.of(8, 0), null,
                null)).isInstanceOf(InvalidOpeningHours.class)
                .extracting(e -> ((InvalidOpeningHours) e).messageKey())
                .isEqualTo("error.INVALID_HOURS.CLOSES_BEFORE_OPENS");
        assertThatThrownBy(() -> new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0),
                LocalTime.of(12, 0), null)).extracting(e -> ((InvalidOpeningHours) e).messageKey())
                .isEqualTo("error.INVALID_HOURS.BREAK_INCOMPLETE");
        assertThatThrownBy(() -> new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0),
                LocalTime.of(15, 0), LocalTime.of(17, 0))).extracting(e -> ((InvalidOpeningHours) e).messageKey())
                .isEqualTo("error.INVALID_HOURS.BREAK_OUTSIDE");
    }
}
