package id.satupintu.appointment;

import java.time.Duration;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Malls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The booking pages, the booking's own page, kiosk check-in and the manager's day, over real HTTP at Cirebon. */
@SatuPintuTest
class AppointmentPagesTests {

    static final String MALL = "32.09";
    static final String PASSWORD = "mpp-demo-2026";
    static final Pattern CODE = Pattern.compile("/appointments/([0-9A-Z]{8})");

    @LocalServerPort
    int port;

    @Autowired
    Appointments appointments;

    @Autowired
    Malls malls;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalogue catalogue;

    MallService bookable(String code) {
        return appointments.configure(MALL, code, new BookingRules(true, 60, 2, 0, 1, 7, LocalTime.of(8, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(15)));
    }

    static String form(String... pairs) {
        return ApiClient.form(pairs);
    }

    @Test
    void aCitizenBooksOnTheWebKeepsWhatTheyTypedOnAnErrorAndCancelsFromTheBookingsPage() {
        MallService service = bookable("pbb-p2");
        ApiClient web = new ApiClient(port);
        assertThat(web.get("/malls/" + MALL + "/appointments").body()).contains("/appointments/pbb-p2");
        String page = web.get("/malls/" + MALL + "/appointments/pbb-p2?date=2026-12-02").body();
        assertThat(page).contains("Semua jam dalam waktu WIB").contains("value=\"2026-12-02T07:30+07:00\"");
        String csrf = web.csrfFrom(page);
        long before = jdbc.sql("SELECT count(*) FROM appointment").query(Long.class).single();

        ApiClient.Response wrong = web.postForm("/malls/" + MALL + "/appointments/pbb-p2?date=2026-12-02",
                form("_csrf", csrf, "start", "2026-12-02T07:30+07:00", "nik", "12345", "name", "Dewi Lestari",
                        "email", "dewi@example.org"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("NIK").contains("value=\"Dewi Lestari\"").contains("has-error");
        assertThat(jdbc.sql("SELECT count(*) FROM appointment").query(Long.class).single()).isEqualTo(before);

        ApiClient.Response booked = web.postForm("/malls/" + MALL + "/appointments/pbb-p2?date=2026-12-02",
                form("_csrf", csrf, "start", "2026-12-02T07:30+07:00", "nik", "3209010101900001", "name",
                        "Dewi Lestari", "email", "dewi@example.org"));
        assertThat(booked.status()).isEqualTo(302);
        Matcher code = CODE.matcher(booked.header("Location"));
        assertThat(code.find()).isTrue();
        String bookingPage = web.get("/appointments/" + code.group(1) + "?booked").body();
        assertThat(bookingPage).contains("Janji temu berhasil dipesan").contains("Rabu, 2 Desember 2026, 07:30–08:30 WIB")
                .contains("3209********0001").doesNotContain("3209010101900001").contains("<svg");
        ApiClient.Response ics = web.get("/appointments/" + code.group(1) + "/calendar.ics");
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.body()).contains("DTSTART:20261202T003000Z").contains("SUMMARY:Janji temu: ");

        ApiClient.Response cancelled = web.postForm("/appointments/" + code.group(1) + "/cancel",
                form("_csrf", web.csrfFrom(bookingPage)));
        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(web.get("/appointments/" + code.group(1)).body()).contains("Dibatalkan");
        assertThat(appointments.slots(malls.getByCode(MALL), service, java.time.LocalDate.of(2026, 12, 2))
                .getFirst().remaining()).isEqualTo(2);
        assertThat(web.get("/appointments?code=" + code.group(1).toLowerCase()).header("Location"))
                .endsWith("/appointments/" + code.group(1));
    }

    @Test
    void theKioskExplainsACodeItCannotCheckIn() {
        ApiClient kiosk = new ApiClient(port);
        String page = kiosk.get("/kiosk/" + MALL + "/check-in").body();
        ApiClient.Response unknown = kiosk.postForm("/kiosk/" + MALL + "/check-in",
                form("_csrf", kiosk.csrfFrom(page), "code", "ZZZZ-ZZZZ"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("Kode booking tidak ditemukan");
    }

    @Test
    void aManagerSeesTheDayChangesSeatsAndClosesItOnlyAtTheirOwnMall() {
        bookable("bphtb");
        appointments.book(new BookingRequest(MALL, "bphtb", "2026-12-04T08:30:00+07:00", "3209010101900002",
                "Agus", "081234567890", null), Appointment.Channel.API, java.util.Locale.of("id"));
        ApiClient other = new ApiClient(port);
        other.signIn("manager-3671", PASSWORD);
        assertThat(other.get("/manage/" + MALL + "/appointments?date=2026-12-04").status()).isEqualTo(403);

        ApiClient manager = new ApiClient(port);
        manager.signIn("manager-3209", PASSWORD);
        String day = manager.get("/manage/" + MALL + "/appointments?date=2026-12-04").body();
        assertThat(day).contains("Agus").contains("3209********0002").doesNotContain("3209010101900002");
        ApiClient.Response seats = manager.postForm("/manage/" + MALL + "/appointments/seats",
                form("_csrf", manager.csrfFrom(day), "serviceCode", "bphtb", "start", "2026-12-04T01:30:00Z",
                        "seats", "0"));
        assertThat(seats.status()).isEqualTo(302);
        assertThat(manager.get(seats.header("Location").replaceFirst("^https?://[^/]+", "")).body())
                .contains("Jumlah kursi tidak boleh lebih kecil");
        ApiClient.Response closed = manager.postForm("/manage/" + MALL + "/appointments/close-day",
                form("_csrf", manager.csrfFrom(day), "date", "2026-12-04", "reason", "Banjir"));
        assertThat(closed.status()).isEqualTo(302);
        assertThat(manager.get(closed.header("Location").replaceFirst("^https?://[^/]+", "")).body())
                .contains("1 janji temu dibatalkan");
    }

    @Test
    void aManagerSetsTheBookingRulesOfAServiceWithClearErrors() {
        ApiClient manager = new ApiClient(port);
        manager.signIn("manager-3209", PASSWORD);
        String form = manager.get("/manage/" + MALL + "/appointments/rules/pdam-pasang-baru").body();
        assertThat(form).contains("Aturan janji temu");
        ApiClient.Response wrong = postRules(manager, manager.csrfFrom(form), "2");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("Panjang slot harus 5 sampai 240 menit").contains("value=\"2\"");
        ApiClient.Response saved = postRules(manager, manager.csrfFrom(form), "20");
        assertThat(saved.status()).isEqualTo(302);
        BookingRules rules = appointments.rulesOf(malls.getByCode(MALL).id()).get(
                catalogue.service(malls.getByCode(MALL).id(), "pdam-pasang-baru").id());
        assertThat(rules).isEqualTo(new BookingRules(true, 20, 3, 20, 1, 10, LocalTime.of(7, 0),
                Duration.ofMinutes(20), Duration.ofMinutes(10)));
        assertThat(new ApiClient(port).get("/malls/" + MALL + "/appointments").body()).contains("pdam-pasang-baru");
    }

    /** The rules form as sent for pdam-pasang-baru, with a slot length of its own. */
    private static ApiClient.Response postRules(ApiClient manager, String csrf, String slotMinutes) {
        return manager.postForm("/manage/" + MALL + "/appointments/rules/pdam-pasang-baru",
                form("_csrf", csrf, "enabled", "true", "slotMinutes", slotMinutes, "seatsPerSlot", "3",
                        "walkInSharePercent", "20", "bookFromDays", "1", "bookToDays", "10", "dayOpensAt", "07:00",
                        "checkInBefore", "20", "checkInAfter", "10"));
    }

    @Test
    void onlyTheNationalAdministratorSeesTheSimulatedOutbox() {
        bookable("pbb-p2-mutasi");
        appointments.book(new BookingRequest(MALL, "pbb-p2-mutasi", "2026-12-03T07:30:00+07:00", "3209010101900003",
                "Wulan", "081298765432", null), Appointment.Channel.API, java.util.Locale.of("id"));
        ApiClient manager = new ApiClient(port);
        manager.signIn("manager-3209", PASSWORD);
        assertThat(manager.get("/manage/outbox").status()).isEqualTo(403);
        ApiClient admin = new ApiClient(port);
        admin.signIn("admin", PASSWORD);
        String outbox = "";
        for (int i = 0; i < 50 && !outbox.contains("081298765432"); i++) {
            outbox = admin.get("/manage/outbox").body();
            sleep();
        }
        assertThat(outbox).contains("kepada 081298765432").contains("SatuPintu: janji temu");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
