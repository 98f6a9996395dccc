package id.satupintu.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.TestMailServer;
import id.satupintu.appointment.AppointmentBooked;
import id.satupintu.appointment.Appointments;
import id.satupintu.appointment.BookingRules;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Malls;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An event delivered again (as after a crash between sending and completing its publication, or when another instance
 * republishes the outstanding events on its start) sends no second message.
 */
@SatuPintuTest
class DeliveriesTests {

    @LocalServerPort
    int port;

    @Autowired
    Appointments appointments;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    @Autowired
    AppointmentMessages appointmentMessages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Deliveries deliveries;

    @Test
    void aMessageIsRecordedOnlyOnceTheGatewayAcceptedIt() {
        String key = "test/" + UUID.randomUUID();
        AtomicInteger sent = new AtomicInteger();
        assertThatThrownBy(() -> deliveries.once(key, () -> {
            throw new IllegalStateException("The gateway is down");
        })).isInstanceOf(IllegalStateException.class);
        deliveries.once(key, sent::incrementAndGet);
        deliveries.once(key, sent::incrementAndGet);
        assertThat(sent).hasValue(1);
    }

    @Test
    void aConfirmationDeliveredTwiceIsSentOnceUnderAMessageIdOfItsOwn() throws Exception {
        MallService service = catalogue.activeServices(malls.getByCode("16.05").id()).getLast();
        appointments.configure("16.05", service.code(), new BookingRules(true, 30, 3, 50, 1, 14, LocalTime.of(8, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(15)));
        String email = "sekali-" + System.nanoTime() + "@example.org";
        ApiClient.Response created = new ApiClient(port).postJson("/api/v1/appointments",
                JsonMapper.builder().build().writeValueAsString(Map.of("mallCode", "16.05", "serviceCode",
                        service.code(), "start", "2026-12-02T10:00:00+07:00", "nik", "1605010101909871", "name",
                        "Rina Marlina", "email", email)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        MimeMessage confirmation = TestMailServer.awaitMail(email, "");
        assertThat(confirmation.getMessageID()).isEqualTo(Deliveries.messageId("appointment/" + id + "/booked"));

        // The listener runs asynchronously, as it does when the registry delivers the event.
        appointmentMessages.on(new AppointmentBooked(id));
        Thread.sleep(1000);
        assertThat(TestMailServer.count(email, "")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_delivery WHERE key = ?")
                .param("appointment/" + id + "/booked/email").query(Long.class).single()).isOne();
    }
}
