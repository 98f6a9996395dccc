package id.satupintu.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.time.LocalTime;
import java.util.List;

import id.satupintu.SatuPintuTest;
import id.satupintu.TestMailServer;
import id.satupintu.appointment.Appointments;
import id.satupintu.appointment.BookingRules;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.region.Malls;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen books a slot at MPP Kabupaten Konawe (WITA) in a real browser, receives the confirmation e-mail, checks
 * in at the kiosk with the booking code and is called at a counter. The test clock stands at Tuesday 1 December
 * 2026, 10:00 WITA.
 */
@SatuPintuTest
class AppointmentBrowserTests {

    static final String PASSWORD = "mpp-demo-2026";

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    Appointments appointments;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    @LocalServerPort
    int port;

    @Test
    void bookReceiveTheEmailCheckInAtTheKioskAndGetCalled() throws Exception {
        appointments.configure("74.02", "skck-baru", new BookingRules(true, 30, 3, 50, 0, 14, LocalTime.of(8, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(15)));
        catalogue.createCounter(malls.getByCode("74.02").id(), "polri", "Loket Janji Temu", List.of("skck-baru"));

        browser.open("/malls/74.02");
        browser.clickAndWait("#book-appointment");
        assertThat(browser.text("h1")).isEqualTo("Janji temu");
        browser.screenshot("appointment-1-services");
        browser.clickAndWait(browser.all("a.card").stream()
                .filter(a -> a.getText().contains("SKCK")).findFirst().orElseThrow());
        browser.clickAndWait("a.day[href*='date=2026-12-01']");
        assertThat(browser.text("fieldset .hint")).contains("WITA");
        WebElement slot = browser.all("label.slot").stream()
                .filter(l -> l.getText().startsWith("10:30")).findFirst().orElseThrow();
        slot.click();
        browser.type("#nik", "7402010101900042");
        browser.type("#name", "Rahmawati");
        browser.type("#email", "rahmawati@example.org");
        browser.screenshot("appointment-2-form");
        browser.clickAndWait("#book");
        assertThat(browser.path()).startsWith("/appointments/");
        assertThat(browser.text("#booking-when")).isEqualTo("Selasa, 1 Desember 2026, 10:30–11:00 WITA");
        assertThat(browser.text("#booking-status")).isEqualTo("Terjadwal");
        assertThat(browser.mainText()).contains("7402********0042").doesNotContain("7402010101900042");
        String code = browser.text("#booking-code");
        assertThat(browser.all(".booking-qr svg")).hasSize(1);
        browser.screenshot("appointment-3-confirmation");

        MimeMessage mail = TestMailServer.awaitMail("rahmawati@example.org", "");
        assertThat(mail.getSubject()).contains(code).contains("10:30 WITA");
        showMail(mail, "appointment-3b-confirmation-email");
        assertThat(browser.find("body").getText()).contains(code).contains("Selasa, 1 Desember 2026, 10:30 WITA")
                .contains("Fotokopi Kartu Keluarga").contains(baseUrl() + "/appointments/" + code.replace("-", ""));
        assertThat((Boolean) browser.js("return document.querySelector('img').naturalWidth > 100")).isTrue();

        browser.open("/kiosk/74.02");
        browser.clickAndWait("#kiosk-check-in");
        browser.type("#code", code.toLowerCase());
        browser.screenshot("appointment-4-kiosk-check-in");
        browser.clickAndWait("#check-in");
        assertThat(browser.path()).startsWith("/kiosk/74.02/tickets/");
        String number = browser.text(".slip-number");
        browser.screenshot("appointment-5-ticket");

        browser.open("/login");
        browser.type("#username", "officer-7402-polri");
        browser.type("#password", PASSWORD);
        browser.clickAndWait("main form button[type=submit]");
        browser.open("/counter");
        browser.clickAndWait(browser.all(".counter-cards a.card").stream()
                .filter(c -> c.getText().contains("Loket Janji Temu")).findFirst().orElseThrow());
        if (!browser.all("button.action-open").isEmpty()) {
            browser.clickAndWait("button.action-open");
        }
        browser.js("window.stillOnThePage = true;");
        new Actions(browser.driver()).sendKeys("n").perform();
        browser.until(d -> Boolean.TRUE.equals(browser.js(
                "return window.stillOnThePage === undefined && document.readyState === 'complete'")));
        assertThat(browser.text(".current-number")).isEqualTo(number);
        browser.screenshot("appointment-6-called");
    }

    @Test
    void onAPhoneInEnglishTheBookingPageFitsAndTheManagerSeesTheDay() {
        appointments.configure("73.12", "skck-baru", new BookingRules(true, 60, 2, 50, 1, 7, LocalTime.of(8, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(15)));
        browser.phone();
        browser.open("/malls/73.12/appointments/skck-baru?lang=en");
        assertThat(browser.text("fieldset .hint")).isEqualTo("All times in WITA (UTC+8), the mall's local time.");
        assertThat(browser.overflowingElements()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("appointment-7-phone-english");
        browser.find("label.slot").click();
        browser.type("#nik", "7312010101900009");
        browser.type("#name", "Andi");
        browser.clickAndWait("#book");
        assertThat(browser.text("#booking-error")).isEqualTo(
                "Enter a mobile number or an e-mail address so that the confirmation and reminder can reach you.");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Andi");
        browser.screenshot("appointment-8-phone-error");
        browser.type("#phone", "0812 3456 7890");
        browser.clickAndWait("#book");
        assertThat(browser.text("#booking-status")).isEqualTo("Booked");
        browser.screenshot("appointment-9-phone-confirmation");

        browser.desktop();
        browser.open("/login?lang=id");
        browser.type("#username", "manager-7312");
        browser.type("#password", PASSWORD);
        browser.clickAndWait("main form button[type=submit]");
        browser.open("/manage/73.12/appointments?date=2026-12-02");
        assertThat(browser.mainText()).contains("Andi").contains("7312********0009");
        browser.screenshot("appointment-10-manager-day");
        browser.open("/manage/73.12/appointments/rules/skck-baru");
        browser.screenshot("appointment-11-manager-rules");

        browser.open("/appointments");
        browser.type("#code", "ZZZZ-ZZZZ");
        browser.clickAndWait("main form button[type=submit]");
        assertThat(browser.text(".error-box")).isEqualTo("Kode booking tidak ditemukan. Periksa kembali kodenya.");
        browser.screenshot("appointment-12-lookup-unknown");

        browser.clickAndWait("header form.inline button");
        browser.open("/login");
        browser.type("#username", "admin");
        browser.type("#password", PASSWORD);
        browser.clickAndWait("main form button[type=submit]");
        browser.open("/manage/outbox");
        assertThat(browser.mainText()).contains("kepada 081234567890").contains("SatuPintu: appointment");
        browser.screenshot("appointment-13-outbox");
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * Shows the HTML part of an e-mail in the browser as a mail program would, the inline QR image included, and
     * takes its screenshot.
     */
    private static void showMail(MimeMessage mail, String screenshot) throws Exception {
        String html = null;
        String qr = null;
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        java.util.Deque<BodyPart> todo = new java.util.ArrayDeque<>();
        for (int i = 0; i < parts.getCount(); i++) {
            todo.add(parts.getBodyPart(i));
        }
        while (!todo.isEmpty()) {
            BodyPart part = todo.poll();
            if (part.getContent() instanceof MimeMultipart nested) {
                for (int i = 0; i < nested.getCount(); i++) {
                    todo.add(nested.getBodyPart(i));
                }
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            } else if (part.isMimeType("image/png")) {
                qr = Base64.getEncoder().encodeToString(part.getInputStream().readAllBytes());
            }
        }
        assertThat(html).isNotNull();
        assertThat(qr).isNotNull();
        Path file = Path.of("target", "screenshots", screenshot + ".html").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, html.replace("cid:qr", "data:image/png;base64," + qr));
        browser.driver().get(file.toUri().toString());
        browser.screenshot(screenshot);
    }
}
