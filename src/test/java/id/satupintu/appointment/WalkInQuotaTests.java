package id.satupintu.appointment;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;

import id.satupintu.SatuPintuTest;
import id.satupintu.queue.Channel;
import id.satupintu.queue.Queue;
import id.satupintu.queue.QueueError;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seats bookings hold come out of the daily quota: at MPP Kabupaten Cirebon the new passport has a quota of 30;
 * with 40% kept for walk-ins, 18 seats go to bookings and the kiosk gives out 12 numbers.
 */
@SatuPintuTest
class WalkInQuotaTests {

    @Autowired
    Appointments appointments;

    @Autowired
    Queue queue;

    @Autowired
    Malls malls;

    @Autowired
    MallCalendar calendar;

    @Test
    void walkInsGetTheQuotaLessTheBookableSeats() {
        var service = appointments.configure("32.09", "imigrasi-paspor-baru", new BookingRules(true, 30, 4, 40, 1, 14,
                LocalTime.of(8, 0), Duration.ofMinutes(30), Duration.ofMinutes(15)));
        var mall = malls.getByCode("32.09");
        assertThat(queue.walkInRemaining(mall, service, calendar.today(mall))).contains(12);
        for (int i = 0; i < 12; i++) {
            queue.issue("32.09", service.code(), null, Channel.KIOSK, Locale.of("id"));
        }
        assertThat(queue.walkInRemaining(mall, service, calendar.today(mall))).contains(0);
        assertThatThrownBy(() -> queue.issue("32.09", service.code(), null, Channel.KIOSK, Locale.of("id")))
                .isInstanceOfSatisfying(QueueError.class,
                        e -> assertThat(e.code()).isEqualTo(QueueError.Code.QUOTA_EXHAUSTED));
    }
}
