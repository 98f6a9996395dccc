package id.satupintu.appointment;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import id.satupintu.region.DaySchedule;
import id.satupintu.region.OpeningHours;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotPlanTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    static BookingRules rules(int slotMinutes, int seats, int walkInShare) {
        return new BookingRules(true, slotMinutes, seats, walkInShare, 1, 14, LocalTime.of(8, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(15));
    }

    static DaySchedule open(LocalDate date, String opens, String closes, String breakStart, String breakEnd) {
        return new DaySchedule.Open(date, new OpeningHours(date.getDayOfWeek(), LocalTime.parse(opens),
                LocalTime.parse(closes), breakStart == null ? null : LocalTime.parse(breakStart),
                breakEnd == null ? null : LocalTime.parse(breakEnd)), null);
    }

    static List<String> starts(List<PlannedSlot> slots) {
        return slots.stream().map(s -> s.start().toLocalTime().toString()).toList();
    }

    @Test
    void slotsRunBackToBackAndSkipTheFridayPrayerBreak() {
        List<PlannedSlot> slots = SlotPlan.of(open(FRIDAY, "07:30", "16:30", "11:30", "13:00"), WIB,
                rules(60, 2, 0), null);
        assertThat(starts(slots)).containsExactly("07:30", "08:30", "09:30", "10:30", "13:00", "14:00", "15:00");
        assertThat(slots).allMatch(s -> s.seats() == 2);
        assertThat(slots.getLast().end().toLocalTime()).isEqualTo(LocalTime.of(16, 0));
    }

    @Test
    void aSlotThatWouldOverlapTheBreakStartsAfterIt() {
        List<PlannedSlot> slots = SlotPlan.of(open(FRIDAY, "08:00", "14:00", "11:30", "13:00"), WIB,
                rules(45, 1, 0), null);
        assertThat(starts(slots)).containsExactly("08:00", "08:45", "09:30", "10:15", "13:00");
    }

    @Test
    void seatsStopWhereTheBookableShareOfTheQuotaIsUsedUp() {
        // Quota 50 with 50% for walk-ins: 25 seats may be booked, 4 per slot.
        List<PlannedSlot> slots = SlotPlan.of(open(LocalDate.of(2026, 12, 2), "07:30", "16:00", null, null), WIB,
                rules(30, 4, 50), 50);
        assertThat(slots.stream().mapToInt(PlannedSlot::seats).sum()).isEqualTo(25);
        assertThat(slots).hasSize(7);
        assertThat(slots.getLast().seats()).isEqualTo(1);
        // 33% of 10 kept for walk-ins rounds up to 4: 6 bookable.
        assertThat(rules(30, 4, 33).bookableShareOf(10)).isEqualTo(6);
        assertThat(rules(30, 4, 100).bookableShareOf(10)).isZero();
        assertThat(SlotPlan.of(open(LocalDate.of(2026, 12, 2), "07:30", "16:00", null, null), WIB,
                rules(30, 4, 100), 10)).isEmpty();
    }

    @Test
    void aClosedDayHasNoSlots() {
        DaySchedule holiday = new DaySchedule.Closed(LocalDate.of(2026, 12, 25), DaySchedule.Reason.NATIONAL_HOLIDAY,
                "Hari Raya Natal");
        assertThat(SlotPlan.of(holiday, WIB, rules(30, 4, 0), null)).isEmpty();
    }

    @Test
    void slotsAreInTheMallsOwnZone() {
        PlannedSlot first = SlotPlan.of(open(LocalDate.of(2026, 12, 2), "08:00", "09:00", null, null), WITA,
                rules(30, 1, 0), null).getFirst();
        assertThat(first.start()).isEqualTo(ZonedDateTime.of(2026, 12, 2, 8, 0, 0, 0, WITA));
        assertThat(first.start().toInstant().toString()).isEqualTo("2026-12-02T00:00:00Z");
    }

    @Test
    void theFarthestDayOpensAtTheMallsLocalHour() {
        BookingRules rules = rules(30, 1, 0);
        ZonedDateTime beforeEightWib = ZonedDateTime.of(2026, 12, 1, 7, 59, 0, 0, WIB);
        assertThat(BookingWindow.at(beforeEightWib, rules))
                .isEqualTo(new BookingWindow(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 14)));
        assertThat(BookingWindow.at(beforeEightWib.plusMinutes(1), rules).last()).isEqualTo(LocalDate.of(2026, 12, 15));
        // The same instant is 08:59 in a WITA mall, whose new day is already open.
        assertThat(BookingWindow.at(beforeEightWib.withZoneSameInstant(WITA), rules).last())
                .isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void bookingCodesReadLeniently() {
        BookingCode code = BookingCode.random();
        assertThat(code.value()).matches("[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(BookingCode.parse(" k7m4-x9qp ").value()).isEqualTo("K7M4X9QP");
        assertThat(BookingCode.parse("K7M4 X9QO").value()).isEqualTo("K7M4X9Q0");
        assertThat(BookingCode.parse("https://mpp.example/appointments/K7M4X9QP").value()).isEqualTo("K7M4X9QP");
        assertThat(BookingCode.parse("IL000000").value()).isEqualTo("11000000");
        assertThat(code.display()).hasSize(9).contains("-");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BookingCode.parse("K7M4X9QPX"))
                .isInstanceOf(AppointmentError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BookingCode.parse("U7M4X9QP"))
                .isInstanceOf(AppointmentError.class);
    }

    @Test
    void rulesOutOfRangeNameTheirField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules(3, 1, 0))
                .isInstanceOfSatisfying(AppointmentError.class,
                        e -> assertThat(e.properties()).containsEntry("field", "slotMinutes"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BookingRules(true, 30, 1, 0, 5, 4,
                LocalTime.NOON, Duration.ZERO, Duration.ZERO))
                .isInstanceOfSatisfying(AppointmentError.class,
                        e -> assertThat(e.properties()).containsEntry("field", "bookToDays"));
    }
}
