package id.satupintu.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import id.satupintu.SatuPintuTest;
import id.satupintu.TestMailServer;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders go out once even when several instances run the job at once; missed bookings become no-shows. */
@SatuPintuTest
class AppointmentJobsTests {

    static final String MALL = "73.13";

    @Autowired
    Appointments appointments;

    @Autowired
    AppointmentStore store;

    @Autowired
    Malls malls;

    @Autowired
    MallCalendar calendar;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    MallService bookable(String code, int bookFromDays) {
        return appointments.configure(MALL, code, new BookingRules(true, 30, 5, 0, bookFromDays, 14,
                LocalTime.of(8, 0), Duration.ofMinutes(30), Duration.ofMinutes(15)));
    }

    Booking book(MallService service, String start, int serial, String email) {
        return appointments.book(new BookingRequest(MALL, service.code(), start, TestNiks.number("731301", serial),
                "Andi", null, email), Appointment.Channel.API, Locale.of("id"));
    }

    @Test
    void eachReminderIsSentOnceAlthoughFourJobsRunAtOnce() throws Exception {
        MallService service = bookable("pbb-p2", 1);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // Booked on Tuesday 1 December for Thursday 3 December (WITA); reminded on Wednesday from 09:00 WITA.
        List<String> addresses = List.of("r1-" + tag + "@example.org", "r2-" + tag + "@example.org",
                "r3-" + tag + "@example.org");
        for (int i = 0; i < addresses.size(); i++) {
            book(service, String.format("2026-12-03T%02d:00:00+08:00", 8 + i), 100 + i, addresses.get(i));
        }
        Clock wednesdayMorning = Clock.fixed(Instant.parse("2026-12-02T01:30:00Z"), ZoneOffset.UTC);
        AppointmentJobs tooEarly = new AppointmentJobs(store, events,
                Clock.fixed(Instant.parse("2026-12-02T00:30:00Z"), ZoneOffset.UTC), transaction, LocalTime.of(9, 0));
        assertThat(tooEarly.sendReminders()).isZero();

        List<Callable<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AppointmentJobs job = new AppointmentJobs(store, events, wednesdayMorning, transaction, LocalTime.of(9, 0));
            jobs.add(job::sendReminders);
        }
        int sent = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Integer> f : pool.invokeAll(jobs)) {
                sent += f.get();
            }
        }
        assertThat(sent).isGreaterThanOrEqualTo(3);
        for (String address : addresses) {
            MimeMessage reminder = TestMailServer.awaitMail(address, "Pengingat");
            assertThat(reminder.getSubject()).contains("WITA");
        }
        Thread.sleep(500);
        for (String address : addresses) {
            assertThat(TestMailServer.count(address, "Pengingat")).as(address).isEqualTo(1);
        }
    }

    @Test
    void bookingsNotCheckedInByTheEndOfTheirWindowBecomeNoShows() {
        MallService service = bookable("pbb-p2-mutasi", 0);
        Booking booking = book(service, "2026-12-01T11:00:00+08:00", 200, "n@example.org");
        store.markNoShows(Instant.parse("2026-12-01T03:15:00Z"));
        assertThat(appointments.find(booking.code()).status()).isEqualTo(AppointmentStatus.BOOKED);
        store.markNoShows(Instant.parse("2026-12-01T03:15:01Z"));
        assertThat(appointments.find(booking.code()).status()).isEqualTo(AppointmentStatus.NO_SHOW);
    }

    @Test
    void closingADayCancelsItsBookingsTellsTheCitizensAndClosesTheMall() throws Exception {
        MallService service = bookable("bphtb", 1);
        String email = "tutup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Booking booking = book(service, "2026-12-10T09:00:00+08:00", 300, email);
        Mall mall = malls.getByCode(MALL);
        assertThat(appointments.closeDay(mall, LocalDate.of(2026, 12, 10), "Banjir")).isEqualTo(1);
        assertThat(appointments.find(booking.code()).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(calendar.on(mall, LocalDate.of(2026, 12, 10))).isInstanceOf(DaySchedule.Closed.class);
        MimeMessage cancelled = TestMailServer.awaitMail(email, "Janji temu " + booking.code().display() + " dibatalkan");
        assertThat(AppointmentApiTests.body(cancelled)).contains("Banjir");
    }
}
