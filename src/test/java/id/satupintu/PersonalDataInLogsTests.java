package id.satupintu;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import id.satupintu.appointment.Appointments;
import id.satupintu.appointment.BookingRules;
import id.satupintu.identity.NikFingerprints;
import id.satupintu.identity.TestCitizens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static id.satupintu.identity.TestCitizens.enterCode;
import static id.satupintu.identity.TestCitizens.signIn;
import static id.satupintu.identity.TestCitizens.signUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives every flow that handles NIKs and contacts, the failing ones too, and reads all the application's log output
 * for them: no NIK (nor anything shaped like one), e-mail address or phone number of a citizen may appear.
 */
@SatuPintuTest
class PersonalDataInLogsTests {

    /** Sixteen digits, also written with spaces, dots or dashes between them. */
    static final Pattern NIK_LIKE = Pattern.compile("(?<![0-9])(?:[0-9][ .-]?){15}[0-9](?![0-9])");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "mpp-demo-2026";

    static final String AGUSTINA = "7202015402010006";
    static final String OUTAGE = "3671030909880008";
    static final String DECEASED = "3217020202480007";
    static final String ANDI = "7402022307920004";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NikFingerprints fingerprints;

    @Autowired
    Appointments appointments;

    private final Capture capture = new Capture();
    private final List<String> personalData = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** Every event of every logger, as it would be written: the message with its arguments and any stack trace. */
    static final class Capture extends AppenderBase<ILoggingEvent> {

        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent event) {
            // The test's own mail server logs the mailboxes it creates; it is not part of the application.
            if (event.getLoggerName().startsWith("com.icegreen")) {
                return;
            }
            String text = event.getLoggerName() + " " + event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
                text += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            lines.add(text);
        }
    }

    @BeforeEach
    void capture() {
        capture.start();
        root().addAppender(capture);
    }

    @AfterEach
    void release() {
        root().detachAppender(capture);
        capture.stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void noFlowLogsANikAnAddressOrAPhoneNumber() throws Exception {
        citizenSignsUpAndInWithCodesRightAndWrong();
        theRegistryRefusesOrFailsAndBadNiksAreRefused();
        anIntegratorStartsApplications();
        citizensBookAppointmentsWithContacts();
        citizensComplainWithContactsAndStaffReadThem();

        assertThat(capture.lines).as("log output was captured").isNotEmpty();
        List<String> leaks = new ArrayList<>();
        synchronized (capture.lines) {
            for (String line : capture.lines) {
                Matcher nik = NIK_LIKE.matcher(line);
                if (nik.find()) {
                    leaks.add("NIK-like " + nik.group() + " in: " + line);
                }
                personalData.stream().filter(line::contains)
                        .forEach(value -> leaks.add(value + " in: " + line));
            }
        }
        assertThat(leaks).as("personal data in the log").isEmpty();
    }

    // ---- flows

    private void citizenSignsUpAndInWithCodesRightAndWrong() throws Exception {
        TestCitizens.withoutAccount(jdbc, fingerprints, AGUSTINA);
        String email = remember("agustina-" + run + "@example.org");
        String phone = remember("0813" + digits(8));
        remember("+62" + phone.substring(1));
        ApiClient web = new ApiClient(port);
        ApiClient.Response sent = signUp(web, AGUSTINA, "Agustina Lamasi", "2001-02-14", email,
                "+62 " + phone.substring(1), true);
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        String code = TestCitizens.awaitCode(email, 1);
        assertThat(enterCode(web, wrong(code)).status()).isEqualTo(200);
        assertThat(enterCode(web, code).status()).isEqualTo(302);

        ApiClient again = new ApiClient(port);
        assertThat(signIn(again, AGUSTINA, email).status()).isEqualTo(302);
        String second = TestCitizens.awaitCode(email, 2);
        assertThat(enterCode(again, wrong(second)).status()).isEqualTo(200);
        assertThat(enterCode(again, second).status()).isEqualTo(302);

        ApiClient byPhone = new ApiClient(port);
        assertThat(signIn(byPhone, AGUSTINA, phone).status()).isEqualTo(302);
        ApiClient stranger = new ApiClient(port);
        assertThat(signIn(stranger, AGUSTINA, remember("orang-lain-" + run + "@example.org")).status())
                .isEqualTo(302);
        assertThat(enterCode(stranger, "123456").status()).isEqualTo(200);
    }

    private void theRegistryRefusesOrFailsAndBadNiksAreRefused() {
        ApiClient web = new ApiClient(port);
        String email = remember("warga-" + run + "@example.org");
        assertThat(signUp(web, OUTAGE, "Rahmat Hidayat", "1988-09-09", email, "", true).status()).isEqualTo(200);
        assertThat(signUp(web, DECEASED, "Ujang Suryana", "1948-02-02", email, "", true).status()).isEqualTo(200);
        assertThat(signUp(web, AGUSTINA, "Orang Lain", "2001-02-14", email, "", true).status()).isEqualTo(200);
        for (String bad : List.of("3671-0117-0885-0002", "9971011708850002", "367101170885000", "3671013208850002",
                "3671 0117 0885 0000")) {
            assertThat(signUp(web, bad, "Budi Santoso", "1985-08-17", email, "", true).status()).isEqualTo(200);
            assertThat(signIn(web, bad, email).status()).isEqualTo(200);
        }
        remember(OUTAGE);
        remember(DECEASED);
    }

    private void anIntegratorStartsApplications() {
        ApiClient api = new ApiClient(port);
        String client = api.clientToken("superapp-demo", PASSWORD);
        String email = remember("andi-" + run + "@example.org");
        for (String[] applicant : List.of(new String[] {ANDI, "Andi Pratama", "1992-07-23"},
                new String[] {ANDI, "Andi Pratama", "1992-07-24"},
                new String[] {OUTAGE, "Rahmat Hidayat", "1988-09-09"},
                new String[] {"3671-0117-0885-0002", "Budi Santoso", "1985-08-17"})) {
            api.postJson("/api/v1/submissions", JSON.writeValueAsString(Map.of("mallCode", "32.17",
                    "serviceCode", "pb-umku", "applicant", Map.of("nik", applicant[0], "fullName", applicant[1],
                            "birthDate", applicant[2], "email", email), "purpose", "Izin usaha warung")),
                    "Authorization", ApiClient.bearer(client));
        }
    }

    private void citizensBookAppointmentsWithContacts() throws Exception {
        appointments.configure("16.05", "kia", new BookingRules(true, 30, 50, 50, 1, 14, LocalTime.of(8, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(15)));
        String nik = remember("1605010101" + "90" + digits(4).replaceFirst("^0", "7"));
        String email = remember("rahma-" + run + "@example.org");
        String phone = remember("0812" + digits(8));
        ApiClient api = new ApiClient(port);
        ApiClient.Response booked = api.postJson("/api/v1/appointments", JSON.writeValueAsString(Map.of(
                "mallCode", "16.05", "serviceCode", "kia", "start", "2026-12-03T09:00:00+07:00", "nik", nik,
                "name", "Siti Rahma", "email", email, "phone", phone)));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/appointments", JSON.writeValueAsString(Map.of("mallCode", "16.05",
                "serviceCode", "kia", "start", "2026-12-03T10:00:00+07:00", "nik", nik, "name", "Siti Rahma",
                "email", email))).status()).as("a second booking of the NIK").isEqualTo(409);
        assertThat(api.postJson("/api/v1/appointments", JSON.writeValueAsString(Map.of("mallCode", "16.05",
                "serviceCode", "kia", "start", "2026-12-03T10:00:00+07:00", "nik", "1605-0101-0190-0000",
                "name", "Siti Rahma", "email", email))).status()).isEqualTo(422);
        TestMailServer.awaitMail(email, "");

        ApiClient web = new ApiClient(port);
        String page = web.get("/malls/16.05/appointments/kia?date=2026-12-04").body();
        String webNik = remember("1605010101" + "91" + digits(4).replaceFirst("^0", "7"));
        web.postForm("/malls/16.05/appointments/kia?date=2026-12-04", ApiClient.form("_csrf", web.csrfFrom(page),
                "start", "2026-12-04T09:00:00+07:00", "nik", webNik, "name", "Rahma", "phone", phone, "email", ""));
        web.postForm("/malls/16.05/appointments/kia?date=2026-12-04", ApiClient.form("_csrf", web.csrfFrom(page),
                "start", "2026-12-04T09:00:00+07:00", "nik", "1605 0101 0191 0000", "name", "Rahma", "phone", phone));

        ApiClient manager = new ApiClient(port);
        manager.signIn("manager-1605", PASSWORD);
        assertThat(manager.get("/manage/16.05/appointments?date=2026-12-03").body()).contains("Siti Rahma");
    }

    private void citizensComplainWithContactsAndStaffReadThem() {
        String email = remember("pelapor-" + run + "@example.org");
        String phone = remember("0857" + digits(8));
        ApiClient api = new ApiClient(port);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("mallCode", "16.05", "agencyCode", "dukcapil",
                "category", "STAFF_CONDUCT", "description", "Petugas tidak ramah kepada saya.", "email", email,
                "phone", phone));
        ApiClient.Response filed = api.postJson("/api/v1/complaints", JSON.writeValueAsString(body));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        body.put("email", "bukan-alamat");
        assertThat(api.postJson("/api/v1/complaints", JSON.writeValueAsString(body)).status()).isEqualTo(422);

        ApiClient manager = new ApiClient(port);
        manager.signIn("manager-1605", PASSWORD);
        String code = filed.json().get("code").asString();
        assertThat(manager.get("/staff/complaints/" + code + "?contact=show").body()).contains(email);
    }

    // ---- helpers

    private String remember(String value) {
        personalData.add(value);
        return value;
    }

    private static String digits(int n) {
        StringBuilder digits = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String wrong(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }
}
