package id.satupintu.appointment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import id.satupintu.shared.MallId;
import id.satupintu.shared.ServiceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppointmentTest {

    static final Instant NINE_WIB = Instant.parse("2026-12-02T02:00:00Z");
    static final Duration BEFORE = Duration.ofMinutes(30);
    static final Duration AFTER = Duration.ofMinutes(15);
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    static Appointment booked() {
        return new Appointment(UUID.randomUUID(), BookingCode.random(), new MallId(1), new ServiceId(2), NINE_WIB,
                NINE_WIB.plusSeconds(1800), LocalDate.of(2026, 12, 2), "f".repeat(64), "1605************",
                new Appointment.Contact("Siti", "0812345678", null), "id", Appointment.Channel.WEB,
                NINE_WIB.minusSeconds(86_400), AppointmentStatus.BOOKED);
    }

    @Test
    void checkInIsOpenFromHalfAnHourBeforeToAQuarterAfter() {
        Appointment a = booked();
        assertThatThrownBy(() -> a.requireCheckInOpen(NINE_WIB.minus(BEFORE).minusSeconds(1), BEFORE, AFTER, WIB))
                .isInstanceOfSatisfying(AppointmentError.class,
                        e -> assertThat(e.code()).isEqualTo(AppointmentError.Code.CHECK_IN_TOO_EARLY));
        a.requireCheckInOpen(NINE_WIB.minus(BEFORE), BEFORE, AFTER, WIB);
        a.requireCheckInOpen(NINE_WIB.plus(AFTER), BEFORE, AFTER, WIB);
        assertThatThrownBy(() -> a.requireCheckInOpen(NINE_WIB.plus(AFTER).plusSeconds(1), BEFORE, AFTER, WIB))
                .isInstanceOfSatisfying(AppointmentError.class,
                        e -> assertThat(e.code()).isEqualTo(AppointmentError.Code.CHECK_IN_TOO_LATE));
    }

    @Test
    void onlyABookedAppointmentCanBeCheckedInOrCancelled() {
        Appointment a = booked();
        a.checkedIn(NINE_WIB, UUID.randomUUID().toString());
        assertThat(a.status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThatThrownBy(() -> a.cancel(NINE_WIB, Appointment.CancelReason.CITIZEN))
                .isInstanceOfSatisfying(AppointmentError.class,
                        e -> assertThat(e.code()).isEqualTo(AppointmentError.Code.BOOKING_NOT_ACTIVE));
        Appointment b = booked();
        b.cancel(NINE_WIB, Appointment.CancelReason.MALL_CLOSURE);
        assertThat(b.cancelReason()).isEqualTo(Appointment.CancelReason.MALL_CLOSURE);
        assertThatThrownBy(() -> b.requireCheckInOpen(NINE_WIB, BEFORE, AFTER, WIB))
                .isInstanceOf(AppointmentError.class);
    }
}
