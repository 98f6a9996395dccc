package id.satupintu.appointment;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.TestMailServer;
import id.satupintu.catalogue.MallService;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appointments API of the integration contract through a real HTTP client, at MPP Kabupaten Musi Rawas (WIB).
 * The test clock stands at Tuesday 1 December 2026, 09:00 WIB.
 */
@SatuPintuTest
class AppointmentApiTests {

    static final String MALL = "16.05";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Appointments appointments;

    @Autowired
    JdbcClient jdbc;

    ApiClient api() {
        return new ApiClient(port);
    }

    MallService bookable(String serviceCode, BookingRules rules) {
        return appointments.configure(MALL, serviceCode, rules);
    }

    static BookingRules rules(int seatsPerSlot, int bookFromDays) {
        return new BookingRules(true, 30, seatsPerSlot, 50, bookFromDays, 14, LocalTime.of(8, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(15));
    }

    static String booking(String service, String start, String nik, String email) {
        return JSON.writeValueAsString(Map.of("mallCode", MALL, "serviceCode", service, "start", start, "nik", nik,
                "name", "Siti Rahma", "email", email));
    }

    @Test
    void slotsOfADayFollowTheMallsHoursInItsOwnOffset() {
        bookable("pbb-p2", rules(3, 1));
        ApiClient.Response response = api().get("/api/v1/malls/" + MALL + "/services/pbb-p2/slots?date=2026-12-02");
        assertThat(response.status()).isEqualTo(200);
        JsonNode slots = response.json();
        // Wednesday at Musi Rawas: 07:30 to 15:30, 30-minute slots of 3 seats.
        assertThat(slots.get(0).get("start").asString()).isEqualTo("2026-12-02T07:30:00+07:00");
        assertThat(slots.get(0).get("end").asString()).isEqualTo("2026-12-02T08:00:00+07:00");
        assertThat(slots.get(0).get("capacity").asInt()).isEqualTo(3);
        assertThat(slots.get(0).get("remaining").asInt()).isEqualTo(3);
        assertThat(slots.size()).isEqualTo(16);
    }

    @Test
    void aDayOutsideTheWindowIsRefusedWithTheWindow() {
        bookable("pbb-p2-mutasi", rules(3, 1));
        ApiClient.Response today = api().get("/api/v1/malls/" + MALL + "/services/pbb-p2-mutasi/slots?date=2026-12-01");
        assertThat(today.status()).isEqualTo(422);
        assertThat(today.json().get("code").asString()).isEqualTo("OUTSIDE_BOOKING_WINDOW");
        assertThat(today.json().get("firstDate").asString()).isEqualTo("2026-12-02");
        assertThat(today.json().get("lastDate").asString()).isEqualTo("2026-12-15");
        ApiClient.Response far = api().postJson("/api/v1/appointments",
                booking("pbb-p2-mutasi", "2026-12-16T09:00:00+07:00", TestNiks.number(11), "a@example.org"));
        assertThat(far.status()).isEqualTo(422);
        assertThat(far.json().get("code").asString()).isEqualTo("OUTSIDE_BOOKING_WINDOW");
    }

    @Test
    void bookingGivesACodeOnceForANikAndServiceAndDayAndSendsTheConfirmation() throws Exception {
        bookable("bphtb", rules(3, 1));
        String email = "warga-" + System.nanoTime() + "@example.org";
        ApiClient.Response created = api().postJson("/api/v1/appointments",
                booking("bphtb", "2026-12-02T09:00:00+07:00", TestNiks.number(21), email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("bookingCode").asString()).matches("[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(body.get("status").asString()).isEqualTo("BOOKED");
        assertThat(body.get("start").asString()).isEqualTo("2026-12-02T09:00:00+07:00");
        assertThat(body.has("nik")).isFalse();

        ApiClient.Response again = api().postJson("/api/v1/appointments",
                booking("bphtb", "2026-12-02T13:00:00+07:00", TestNiks.number(21), email));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("DUPLICATE_BOOKING");

        MimeMessage mail = TestMailServer.awaitMail(email, "");
        assertThat(mail.getSubject()).contains(body.get("bookingCode").asString().substring(0, 4))
                .contains("09:00 WIB");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("BEGIN:VCALENDAR").contains("DTSTART:20261202T020000Z")
                .contains("DTEND:20261202T023000Z");
        assertThat(((MimeMultipart) mail.getContent()).getCount()).isGreaterThanOrEqualTo(2);
        String id = body.get("id").asString();
        long pending = 1;
        for (int i = 0; i < 50 && pending > 0; i++) {
            Thread.sleep(100);
            pending = jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id")
                    .param("id", "%" + id + "%").query(Long.class).single();
        }
        assertThat(pending).as("a delivered confirmation leaves nothing in the publication log").isZero();
        String stored = jdbc.sql("SELECT nik_masked FROM appointment WHERE booking_code = :c")
                .param("c", body.get("bookingCode").asString()).query(String.class).single();
        assertThat(stored).doesNotContain(TestNiks.number(21).substring(6, 12));
        assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE nik_fingerprint = :n OR nik_masked = :n")
                .param("n", TestNiks.number(21)).query(Long.class).single()).isZero();
    }

    @Test
    void badInputIsRefusedInTheCallersLanguageAndBooksNothing() {
        bookable("pbb-p2-keberatan", rules(3, 1));
        long before = countBookings();
        ApiClient.Response badNik = api().postJson("/api/v1/appointments",
                booking("pbb-p2-keberatan", "2026-12-02T09:00:00+07:00", "1234", "a@example.org"),
                "Accept-Language", "en");
        assertThat(badNik.status()).isEqualTo(422);
        assertThat(badNik.json().get("code").asString()).isEqualTo("INVALID_NIK");
        ApiClient.Response noContact = api().postJson("/api/v1/appointments", JSON.writeValueAsString(Map.of(
                "mallCode", MALL, "serviceCode", "pbb-p2-keberatan", "start", "2026-12-02T09:00:00+07:00",
                "nik", TestNiks.number(31), "name", "Budi")));
        assertThat(noContact.status()).isEqualTo(422);
        assertThat(noContact.json().get("field").asString()).isEqualTo("contact");
        assertThat(noContact.json().get("detail").asString()).contains("nomor HP atau alamat e-mail");
        ApiClient.Response offGrid = api().postJson("/api/v1/appointments",
                booking("pbb-p2-keberatan", "2026-12-02T09:10:00+07:00", TestNiks.number(31), "a@example.org"));
        assertThat(offGrid.status()).isEqualTo(422);
        assertThat(offGrid.json().get("code").asString()).isEqualTo("NO_SUCH_SLOT");
        ApiClient.Response broken = api().postJson("/api/v1/appointments", "{\"mallCode\": ");
        assertThat(broken.status()).isEqualTo(400);
        ApiClient.Response unknownService = api().postJson("/api/v1/appointments",
                booking("no-such-service", "2026-12-02T09:00:00+07:00", TestNiks.number(31), "a@example.org"));
        assertThat(unknownService.status()).isEqualTo(404);
        ApiClient.Response notOffered = api().postJson("/api/v1/appointments",
                booking("pdam-pembayaran", "2026-12-02T09:00:00+07:00", TestNiks.number(31), "a@example.org"));
        assertThat(notOffered.status()).isEqualTo(409);
        assertThat(notOffered.json().get("code").asString()).isEqualTo("APPOINTMENTS_NOT_OFFERED");
        assertThat(countBookings()).isEqualTo(before);
    }

    @Test
    void aFullSlotSaysSoAndOffersTheNearestFreeSlotsAndCancellingFreesTheSeat() {
        bookable("pkb-tahunan", rules(1, 1));
        String slot = "2026-12-02T10:00:00+07:00";
        ApiClient.Response first = api().postJson("/api/v1/appointments",
                booking("pkb-tahunan", slot, TestNiks.number(41), "a@example.org"));
        assertThat(first.status()).isEqualTo(201);
        ApiClient.Response full = api().postJson("/api/v1/appointments",
                booking("pkb-tahunan", slot, TestNiks.number(42), "b@example.org"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("code").asString()).isEqualTo("SLOT_FULL");
        assertThat(full.json().get("alternatives").size()).isEqualTo(3);
        assertThat(full.json().get("alternatives").valueStream().map(s -> s.get("start").asString()).toList())
                .containsExactly("2026-12-02T09:00:00+07:00", "2026-12-02T09:30:00+07:00", "2026-12-02T10:30:00+07:00");
        assertThat(full.json().get("detail").asString()).contains("10:00").contains("09:00");

        String code = first.json().get("bookingCode").asString();
        ApiClient.Response cancelled = api().delete("/api/v1/appointments/" + code.substring(0, 4) + "-"
                + code.substring(4).toLowerCase());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api().delete("/api/v1/appointments/" + code).status()).isEqualTo(200);
        ApiClient.Response now = api().postJson("/api/v1/appointments",
                booking("pkb-tahunan", slot, TestNiks.number(42), "b@example.org"));
        assertThat(now.status()).isEqualTo(201);
        assertThat(api().get("/api/v1/appointments/ZZZZZZZZ").status()).isEqualTo(404);
    }

    @Test
    void checkInTurnsTheBookingIntoATicketThatStandsAtTheBookedTime() {
        bookable("stnk-5-tahunan", rules(2, 0));
        ApiClient.Response soon = api().postJson("/api/v1/appointments",
                booking("stnk-5-tahunan", "2026-12-01T09:30:00+07:00", TestNiks.number(51), "c@example.org"));
        assertThat(soon.status()).as(soon.body()).isEqualTo(201);
        ApiClient.Response later = api().postJson("/api/v1/appointments",
                booking("stnk-5-tahunan", "2026-12-01T11:00:00+07:00", TestNiks.number(52), "d@example.org"));
        assertThat(later.status()).isEqualTo(201);

        ApiClient.Response early = api().postJson(
                "/api/v1/appointments/" + later.json().get("bookingCode").asString() + "/check-in", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("CHECK_IN_TOO_EARLY");
        assertThat(early.json().get("checkInFrom").asString()).isEqualTo("2026-12-01T10:30:00+07:00");

        String code = soon.json().get("bookingCode").asString();
        ApiClient.Response ticket = api().postJson("/api/v1/appointments/" + code + "/check-in", "");
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        assertThat(ticket.json().get("channel").asString()).isEqualTo("APPOINTMENT");
        assertThat(ticket.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(ticket.json().get("issuedAt").asString()).startsWith("2026-12-01T09:30");
        ApiClient.Response repeated = api().postJson("/api/v1/appointments/" + code + "/check-in", "");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().get("id").asString()).isEqualTo(ticket.json().get("id").asString());
        assertThat(api().get("/api/v1/appointments/" + code).json().get("status").asString())
                .isEqualTo("CHECKED_IN");
        assertThat(api().delete("/api/v1/appointments/" + code).json().get("code").asString())
                .isEqualTo("BOOKING_NOT_ACTIVE");
    }

    @Test
    void aLateCitizenIsToldSoAndPointedToAWalkInTicket() {
        MallService service = bookable("bbnkb-balik-nama", rules(2, 0));
        // A booking for 08:00 today, made the day before: at 09:00 its check-in closed 45 minutes ago.
        jdbc.sql("""
                INSERT INTO appointment_slot (mall_id, service_id, starts_at, ends_at, local_date, seats, booked)
                VALUES (:mall, :service, '2026-12-01T01:00:00Z', '2026-12-01T01:30:00Z', DATE '2026-12-01', 2, 1)
                """).param("mall", service.mallId().value()).param("service", service.id().value()).update();
        jdbc.sql("""
                INSERT INTO appointment (id, booking_code, mall_id, service_id, starts_at, ends_at, local_date,
                    nik_fingerprint, nik_masked, name, email, language, channel, status, booked_at)
                VALUES (gen_random_uuid(), 'KATE0001', :mall, :service, '2026-12-01T01:00:00Z', '2026-12-01T01:30:00Z',
                    DATE '2026-12-01', repeat('a', 64), '1605********0061', 'Telat', 'late@example.org', 'id', 'API',
                    'BOOKED', '2026-11-30T03:00:00Z')
                """).param("mall", service.mallId().value()).param("service", service.id().value()).update();
        ApiClient.Response late = api().postJson("/api/v1/appointments/KATE0001/check-in", "",
                "Accept-Language", "en");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("CHECK_IN_TOO_LATE");
        assertThat(late.json().get("serviceCode").asString()).isEqualTo("bbnkb-balik-nama");
        assertThat(late.json().get("detail").asString())
                .isEqualTo("Your appointment at Tuesday, 1 December 2026, 08:00 WIB (UTC+7) has passed; check-in closed "
                        + "Tuesday, 1 December 2026, 08:15 WIB (UTC+7). Please take a regular queue number.");
    }

    private long countBookings() {
        return jdbc.sql("SELECT count(*) FROM appointment").query(Long.class).single();
    }

    static String body(MimeMessage message) {
        return GreenMailUtil.getWholeMessage(message);
    }
}
