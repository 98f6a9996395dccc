package id.satupintu.browser;

import java.util.UUID;

import id.satupintu.SatuPintuTest;
import id.satupintu.identity.NikFingerprints;
import id.satupintu.identity.TestCitizens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo citizen signs up in a real browser, reads the code from their e-mail and arrives signed in. */
@SatuPintuTest
class CitizenAccountBrowserTests {

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NikFingerprints fingerprints;

    @Test
    void aDemoCitizenSignsUpWithTheCodeFromTheirMailAndArrivesSignedIn() throws Exception {
        String email = "siti-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.open("/");
        browser.clickAndWait("a[href='/citizen']");
        assertThat(browser.path()).isEqualTo("/citizen/sign-in");
        browser.clickAndWait("main a[href='/citizen/sign-up']");
        assertThat(browser.text("h1")).isEqualTo("Daftar akun warga");
        browser.screenshot("citizen-account-sign-up");

        fillSignUp("3217015203900001", "Siti Nurhaliza", "1990-03-12", email, "");
        browser.clickAndWait("#sign-up");
        assertThat(browser.path()).isEqualTo("/citizen/code");
        assertThat(browser.text("#sent-to")).isEqualTo("Kami mengirim kode 6 digit ke s***@example.org.");
        assertThat(browser.all("#demo-code")).as("a real mail server: no demo notice").isEmpty();
        browser.screenshot("citizen-account-code");

        browser.type("#code", TestCitizens.awaitCode(email, 1));
        browser.clickAndWait("#confirm");
        assertThat(browser.path()).isEqualTo("/citizen");
        assertThat(browser.text("h1")).isEqualTo("Halo, Siti Nurhaliza");
        assertThat(browser.text("#account-nik")).isEqualTo("3217********0001");
        assertThat(browser.text(".site-header .who")).isEqualTo("Siti Nurhaliza");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("citizen-account-home");

        assertThat(browser.text("#download-data")).isEqualTo("Unduh data saya");
        java.net.http.HttpResponse<byte[]> download = browser.fetch(browser.find("#download-data")
                .getAttribute("href"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(new String(download.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("a ZIP file").isEqualTo("PK");
        browser.js("document.getElementById('my-data-title').scrollIntoView()");
        browser.screenshot("citizen-account-download-data");

        browser.clickAndWait("#sign-out");
        assertThat(browser.path()).isEqualTo("/citizen/sign-in?signedOut");
        assertThat(browser.text(".success")).isEqualTo("Anda telah keluar.");
    }

    @Test
    void onAPhoneTheFormsFitAndSayWhatIsWrong() throws Exception {
        browser.phone().open("/citizen/sign-up");
        browser.find("#consent");
        browser.clickAndWait("#sign-up");
        assertThat(browser.text("#form-errors")).isNotBlank();
        assertThat(browser.text("#nik-error")).startsWith("NIK wajib diisi");
        assertThat(browser.text("#consent-error")).isEqualTo("Centang persetujuan untuk melanjutkan.");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("citizen-account-sign-up-errors-phone");

        fillSignUp("3671030909880008", "Rahmat Hidayat", "1988-09-09", "rahmat@example.org", "0812 3456 7890");
        browser.clickAndWait("#sign-up");
        assertThat(browser.text("#form-errors")).startsWith("Layanan Dukcapil sedang tidak dapat dihubungi");
        assertThat(browser.find("#fullName").getAttribute("value")).isEqualTo("Rahmat Hidayat");
        assertThat(browser.find("#consent").isSelected()).isTrue();
        browser.assertNoSidewaysScrolling();
        browser.screenshot("citizen-account-sign-up-registry-down-phone");

        String email = "dewi-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.open("/citizen/sign-up");
        fillSignUp("3671054501950003", "Dewi Lestari", "1995-01-05", email, "");
        browser.clickAndWait("#sign-up");
        browser.type("#code", "000000".equals(TestCitizens.awaitCode(email, 1)) ? "111111" : "000000");
        browser.clickAndWait("#confirm");
        assertThat(browser.text("#code-error")).isEqualTo("Kode salah. Sisa percobaan: 4.");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("citizen-account-code-phone");

        browser.type("#code", TestCitizens.awaitCode(email, 1));
        browser.clickAndWait("#confirm");
        assertThat(browser.text("h1")).isEqualTo("Halo, Dewi Lestari");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("citizen-account-home-phone");

        browser.clickAndWait("#sign-out");
        browser.open("/citizen/sign-in?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Citizen sign-in");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("citizen-account-sign-in-en-phone");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Fills the sign-up form for a demo citizen, who has no account yet. */
    private void fillSignUp(String nik, String name, String birthDate, String email, String phone) {
        TestCitizens.withoutAccount(jdbc, fingerprints, nik);
        browser.type("#nik", nik).type("#fullName", name).setValue("#birthDate", birthDate).type("#email", email)
                .type("#phone", phone);
        if (!browser.find("#consent").isSelected()) {
            browser.find("#consent").click();
        }
    }

}
