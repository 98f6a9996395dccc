package id.satupintu.identity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.satupintu.identity.TestCitizens.enterCode;
import static id.satupintu.identity.TestCitizens.signIn;
import static id.satupintu.identity.TestCitizens.signUp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Citizens sign up with a NIK the population registry (here its simulator) confirms and a one-time code from their
 * e-mail, sign in the same way, and reach only citizens' pages. Over real HTTP, with a real SMTP server.
 */
@SatuPintuTest
class CitizenAccountTests {

    static final String PASSWORD = "mpp-demo-2026";
    static final String BUDI_NIK = "3671011708850002";
    static final String BUDI_EMAIL = "budi.santoso@example.org";
    static final Pattern SMS_CODE = Pattern.compile("SatuPintu: kode Anda (\\d{6})");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Citizens citizens;

    @Autowired
    NikFingerprints fingerprints;

    @Autowired
    PersonalDataCipher personalData;

    @Test
    void aDemoCitizenSignsUpWithTheCodeFromTheirMailAndArrivesSignedIn() throws Exception {
        TestCitizens.withoutAccount(jdbc, fingerprints, "3217015203900001");
        ApiClient web = new ApiClient(port);
        String email = unique("siti");
        ApiClient.Response sent = signUp(web, "3217015203900001", "  siti  nurhaliza ", "1990-03-12", email, "", true);
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(sent.header("Location")).endsWith("/citizen/code");
        String codePage = web.get("/citizen/code").body();
        assertThat(codePage).contains("Kami mengirim kode 6 digit ke s***@example.org")
                .as("a real mail server is configured: no demo notice").doesNotContain("demo-code");

        ApiClient.Response signedIn = enterCode(web, TestCitizens.awaitCode(email, 1));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/citizen");
        assertThat(signedIn.raw().headers().allValues("Set-Cookie")).as("a new session id")
                .anyMatch(cookie -> cookie.startsWith("SESSION="));
        String home = web.get("/citizen").body();
        assertThat(home).contains("Halo, Siti Nurhaliza").contains("3217********0001").contains(email)
                .contains("/citizen/applications").doesNotContain("3217015203900001");

        Map<String, Object> row = jdbc.sql("SELECT id, region_code FROM citizen WHERE nik_masked = "
                + "'3217********0001'").query().singleRow();
        assertThat(row).containsEntry("region_code", "32.17");
        Citizen siti = citizens.find(new id.satupintu.shared.CitizenId((UUID) row.get("id"))).orElseThrow();
        assertThat(siti.fullName()).isEqualTo("Siti Nurhaliza");
        assertThat(siti.email()).isEqualTo(email);
    }

    @Test
    void theNikIsStoredEncryptedFingerprintedAndMaskedNeverInClear() {
        Citizen budi = budi();
        String rowText = jdbc.sql("SELECT c::text FROM citizen c WHERE id = :id").param("id", budi.id().value())
                .query(String.class).single();
        String nikInHex = HexFormat.of().formatHex(BUDI_NIK.getBytes(StandardCharsets.US_ASCII));
        assertThat(rowText).contains("3671********0002").doesNotContain(BUDI_NIK).doesNotContainIgnoringCase(nikInHex)
                .as("name and contact are encrypted too").doesNotContain("Budi").doesNotContain("example.org")
                .doesNotContainIgnoringCase(HexFormat.of().formatHex("Budi".getBytes(StandardCharsets.US_ASCII)));
        byte[] encrypted = jdbc.sql("SELECT nik_encrypted FROM citizen WHERE id = :id").param("id", budi.id().value())
                .query(byte[].class).single();
        assertThat(new String(encrypted, StandardCharsets.ISO_8859_1)).doesNotContain(BUDI_NIK);
        assertThat(encrypted.length).isGreaterThan(1 + 12 + 16);
        assertThat(citizens.nikOf(budi.id()).value()).isEqualTo(BUDI_NIK);
        assertThat(budi.nikMasked()).isEqualTo("3671********0002");
        assertThat(budi.regionCode()).as("where the registry says Budi lives now").isEqualTo("32.17");

        String codes = jdbc.sql("SELECT coalesce(string_agg(c::text, ' '), '') FROM citizen_code c")
                .query(String.class).single();
        assertThat(codes).doesNotContain(BUDI_NIK).doesNotContain("3217015203900001");
    }

    @Test
    void aWrongCodeCountsItsTriesAndTheFifthWrongOneKillsTheCode() throws Exception {
        ApiClient web = new ApiClient(port);
        String email = unique("dewi");
        String code = signUpForCode(web, "3671054501950003", "Dewi Lestari", "1995-01-05", email);
        String wrong = "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
        for (int left = 4; left >= 1; left--) {
            ApiClient.Response answer = enterCode(web, wrong);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("Kode salah. Sisa percobaan: " + left + ".");
        }
        assertThat(enterCode(web, wrong).body()).contains("Kode salah 5 kali");
        assertThat(enterCode(web, code).body()).as("even the right code is refused now").contains("Kode salah 5 kali");
        assertThat(jdbc.sql("SELECT attempts FROM citizen_code WHERE id = :id").param("id", codeSentTo(email))
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(accounts("3671********0003")).isZero();
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        ApiClient web = new ApiClient(port);
        String email = unique("waode");
        String code = signUpForCode(web, "7402037011780005", "Wa Ode Sartini", "1978-11-30", email);
        jdbc.sql("UPDATE citizen_code SET expires_at = created_at - interval '1 minute' WHERE id = :id")
                .param("id", codeSentTo(email)).update();
        assertThat(enterCode(web, code).body()).contains("Kode sudah tidak berlaku");
        assertThat(accounts("7402********0005")).isZero();
    }

    @Test
    void aNewCodeMayBeAskedForAfterAMinuteAndOnlyTheNewOneWorks() throws Exception {
        ApiClient web = new ApiClient(port);
        String email = unique("andi");
        String first = signUpForCode(web, "7402022307920004", "Andi Pratama", "1992-07-23", email);
        String page = web.get("/citizen/code").body();
        ApiClient.Response tooSoon = web.postForm("/citizen/code/resend", ApiClient.form("_csrf", web.csrfFrom(page)));
        assertThat(tooSoon.body()).containsPattern("Tunggu \\d+ detik lagi");

        jdbc.sql("UPDATE citizen_code SET created_at = created_at - interval '61 seconds' WHERE id = :id")
                .param("id", codeSentTo(email)).update();
        ApiClient.Response resent = web.postForm("/citizen/code/resend", ApiClient.form("_csrf", web.csrfFrom(page)));
        assertThat(resent.header("Location")).endsWith("/citizen/code?resent");
        String second = TestCitizens.awaitCode(email, 2);
        if (!first.equals(second)) {
            assertThat(enterCode(web, first).body()).contains("Kode salah");
        }
        assertThat(enterCode(web, second).header("Location")).endsWith("/citizen");
        assertThat(web.get("/citizen").body()).contains("Halo, Andi Pratama");
    }

    @Test
    void whenTheRegistryIsDownTheFormStaysFilledAndNothingIsStored() {
        long accounts = count("citizen");
        long codes = count("citizen_code");
        ApiClient web = new ApiClient(port);
        String email = unique("rahmat");
        ApiClient.Response answer = signUp(web, "3671030909880008", "Rahmat Hidayat", "1988-09-09", email, "", true);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Layanan Dukcapil sedang tidak dapat dihubungi, silakan coba lagi")
                .contains("value=\"Rahmat Hidayat\"").contains("value=\"1988-09-09\"").contains("value=\"" + email + "\"")
                .contains("checked");
        assertThat(count("citizen")).isEqualTo(accounts);
        assertThat(count("citizen_code")).isEqualTo(codes);
        assertThat(web.get("/citizen/code").header("Location")).endsWith("/citizen/sign-in");
    }

    @Test
    void whateverTheRegistrySaysNoToTheFormShowsOneMessageThatRevealsNothing() {
        List<String> errors = new ArrayList<>();
        for (String[] person : new String[][] {
                {"3671054501950003", "Dewi Lestary", "1995-01-05"}, // mismatch: the registry spells it Lestari
                {"3671054501950099", "Dewi Lestari", "1995-01-05"}, // not found
                {"3217020202480007", "Ujang Suryana", "1948-02-02"}}) { // deceased
            ApiClient.Response answer = signUp(new ApiClient(port), person[0], person[1], person[2], unique("x"), "",
                    true);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain("meninggal");
            errors.add(errorBox(answer.body()));
            if (person[1].equals("Dewi Lestary")) {
                assertThat(answer.body()).as("the registry's spelling").doesNotContain("Dewi Lestari");
            }
        }
        assertThat(errors).allMatch(e -> e.startsWith("Data tidak cocok dengan data kependudukan"));
        assertThat(errors).containsOnly(errors.getFirst());
    }

    @Test
    void theFormSaysWhichFieldIsWrongBeforeAskingTheRegistry() {
        ApiClient.Response answer = signUp(new ApiClient(port), "12345", "", "12/03/1990", "not-an-address", "",
                false);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("NIK harus terdiri dari 16 digit").contains("Wajib diisi")
                .contains("Tanggal lahir tidak valid").contains("Centang persetujuan").contains("has-error");
        ApiClient.Response future = signUp(new ApiClient(port), "3671054501950003", "Dewi Lestari", "2030-01-05",
                "not-an-address", "", true);
        assertThat(future.body()).contains("Tanggal lahir harus sebelum hari ini")
                .as("the form is checked before the registry is asked").doesNotContain("Data tidak cocok");
        ApiClient.Response noContact = signUp(new ApiClient(port), "3671054501950003", "Dewi Lestari",
                "1995-01-05", "", "", true);
        assertThat(errorBox(noContact.body())).isEqualTo("Isi e-mail atau nomor HP agar kode dapat dikirim.");
    }

    @Test
    void aNikWithAnAccountCannotSignUpAgain() {
        budi();
        ApiClient.Response answer = signUp(new ApiClient(port), BUDI_NIK, "Budi Santoso", "1985-08-17",
                unique("other"), "", true);
        assertThat(errorBox(answer.body())).startsWith("NIK ini sudah memiliki akun");
    }

    @Test
    void aCodeByTextMessageGoesToTheOutboxWhileARealMailServerKeepsTheDemoNoticeAway() {
        ApiClient web = new ApiClient(port);
        TestCitizens.withoutAccount(jdbc, fingerprints, "7202015402010006");
        String phone = "08" + String.valueOf(System.nanoTime()).substring(0, 10);
        assertThat(signUp(web, "7202015402010006", "Agustina Lamasi", "2001-02-14", "", phone, true).status())
                .isEqualTo(302);
        assertThat(web.get("/citizen/code").body()).contains(phone.substring(0, 4) + "****")
                .doesNotContain("demo-code");
        ApiClient admin = new ApiClient(port);
        admin.signIn("admin", PASSWORD);
        Matcher sms = SMS_CODE.matcher(awaitOutbox(admin, phone));
        assertThat(sms.find()).isTrue();
        assertThat(enterCode(web, sms.group(1)).header("Location")).endsWith("/citizen");
        assertThat(web.get("/citizen").body()).contains("Halo, Agustina Lamasi").contains(phone);
    }

    @Test
    void signInAnswersAnUnknownNikOrContactExactlyAsAKnownOne() throws Exception {
        budi();
        int mails = (int) TestMailServer.count(BUDI_EMAIL, TestCitizens.SUBJECT);
        ApiClient known = new ApiClient(port);
        ApiClient unknownNik = new ApiClient(port);
        ApiClient wrongContact = new ApiClient(port);
        assertThat(signIn(known, BUDI_NIK, "  Budi.Santoso@Example.org ").header("Location")).endsWith("/citizen/code");
        assertThat(signIn(unknownNik, "3671011708850099", BUDI_EMAIL).header("Location")).endsWith("/citizen/code");
        assertThat(signIn(wrongContact, BUDI_NIK, "0811111111").header("Location")).endsWith("/citizen/code");
        String knownPage = main(known.get("/citizen/code").body());
        assertThat(knownPage).contains("Jika NIK dan kontak cocok dengan akun, kami mengirim kode 6 digit ke "
                + "b***@example.org");
        assertThat(main(unknownNik.get("/citizen/code").body())).isEqualTo(knownPage);
        assertThat(main(wrongContact.get("/citizen/code").body())).isEqualTo(knownPage
                .replace("b***@example.org", "0811****1111"));
        assertThat(errorBox(enterCode(unknownNik, "123456").body())).isEqualTo("Kode salah. Sisa percobaan: 4.");

        String code = TestCitizens.awaitCode(BUDI_EMAIL, mails + 1);
        assertThat(enterCode(known, code).header("Location")).endsWith("/citizen");
        assertThat(known.get("/citizen").body()).contains("Halo, Budi Santoso");
        assertThat(TestMailServer.count(BUDI_EMAIL, TestCitizens.SUBJECT)).as("one code, to the known only")
                .isEqualTo(mails + 1);
    }

    @Test
    void aCitizenReachesNoStaffPageAndStaffReachNoCitizensPage() throws Exception {
        ApiClient citizen = signedInBudi();
        for (String path : List.of("/staff", "/counter", "/manage", "/manage/36.71", "/manage/outbox")) {
            assertThat(citizen.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(citizen.get("/citizen").status()).isEqualTo(200);

        ApiClient manager = new ApiClient(port);
        assertThat(manager.signIn("manager-3671", PASSWORD).header("Location")).endsWith("/staff");
        assertThat(manager.get("/staff").header("Location")).endsWith("/manage");
        assertThat(manager.get("/manage/36.71").status()).isEqualTo(200);
        assertThat(manager.get("/citizen").status()).isEqualTo(403);
        ApiClient officer = new ApiClient(port);
        officer.signIn("officer-3671-dukcapil", PASSWORD);
        assertThat(officer.get("/counter").status()).isEqualTo(200);

        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/citizen").header("Location")).endsWith("/citizen/sign-in");
        assertThat(anonymous.get("/staff").header("Location")).endsWith("/login");
        assertThat(anonymous.get("/counter").header("Location")).endsWith("/login");
    }

    @Test
    void afterSignInTheCitizenGoesWhereTheyWereHeadingAndSignsOutAgain() throws Exception {
        budi();
        ApiClient web = new ApiClient(port);
        assertThat(web.get("/citizen/applications?status=open").header("Location")).endsWith("/citizen/sign-in");
        int mails = (int) TestMailServer.count(BUDI_EMAIL, TestCitizens.SUBJECT);
        signIn(web, BUDI_NIK, BUDI_EMAIL);
        ApiClient.Response in = enterCode(web, TestCitizens.awaitCode(BUDI_EMAIL, mails + 1));
        assertThat(in.header("Location")).contains("/citizen/applications?status=open");

        String home = web.get("/citizen").body();
        assertThat(home).contains("Budi Santoso");
        ApiClient.Response out = web.postForm("/citizen/sign-out", ApiClient.form("_csrf", web.csrfFrom(home)));
        assertThat(out.header("Location")).endsWith("/citizen/sign-in?signedOut");
        assertThat(web.get("/citizen").status()).isEqualTo(302);
        assertThat(web.get("/citizen/sign-in?signedOut&lang=en").body()).contains("You have signed out.")
                .contains("Citizen sign-in");
    }

    // ---- helpers

    Citizen budi() {
        return citizens.registerVerified(BUDI_NIK, "Budi Santoso", LocalDate.of(1985, 8, 17), BUDI_EMAIL,
                "0812-3456-7890");
    }

    ApiClient signedInBudi() throws InterruptedException {
        budi();
        int mails = (int) TestMailServer.count(BUDI_EMAIL, TestCitizens.SUBJECT);
        ApiClient web = new ApiClient(port);
        signIn(web, BUDI_NIK, BUDI_EMAIL);
        assertThat(enterCode(web, TestCitizens.awaitCode(BUDI_EMAIL, mails + 1)).status()).isEqualTo(302);
        return web;
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Signs a demo citizen without an account up with an e-mail address; returns the code that reached it. */
    String signUpForCode(ApiClient web, String nik, String name, String birthDate, String email)
            throws InterruptedException {
        TestCitizens.withoutAccount(jdbc, fingerprints, nik);
        ApiClient.Response sent = signUp(web, nik, name, birthDate, email, "", true);
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        return TestCitizens.awaitCode(email, 1);
    }

    /** The page's main content without the session's CSRF tokens, to compare what two visitors see. */
    static String main(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"))
                .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }

    static String errorBox(String html) {
        Matcher box = Pattern.compile("class=\"error-box\"[^>]*>\\s*(?:<p[^>]*>)?([^<]+)<").matcher(html);
        assertThat(box.find()).as("an error box on the page").isTrue();
        return box.group(1).strip();
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    long accounts(String nikMasked) {
        return jdbc.sql("SELECT count(*) FROM citizen WHERE nik_masked = :masked").param("masked", nikMasked)
                .query(Long.class).single();
    }

    String awaitOutbox(ApiClient admin, String phone) {
        for (int i = 0; i < 100; i++) {
            String outbox = admin.get("/manage/outbox").body();
            int at = outbox.indexOf(phone);
            if (at >= 0) {
                return outbox.substring(at);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No text message to " + phone + " in the outbox");
    }

    /** The code row sent to an address; the address is stored encrypted, so each row is opened to find it. */
    private UUID codeSentTo(String email) {
        return jdbc.sql("SELECT id, coalesce(citizen_id, id) AS owner, email FROM citizen_code WHERE email IS NOT NULL")
                .query((rs, n) -> email.equals(personalData.open(rs.getBytes("email"), Citizens.EMAIL,
                        rs.getObject("owner", UUID.class))) ? rs.getObject("id", UUID.class) : null)
                .list().stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    }
}
