package id.satupintu.browser;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import id.satupintu.SatuPintuTest;
import id.satupintu.document.PdfQrCodes;
import id.satupintu.identity.NikFingerprints;
import id.satupintu.identity.TestCitizens;
import id.satupintu.submission.SubmissionFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An online application at MPP Kabupaten Bandung Barat from start to verified document, played by two people in two
 * browsers: a citizen who applies for a DPMPTSP permit from home, and the agency's officer who handles it in the
 * inbox, returns it once for revision and then issues the signed PDF. Every page is photographed on a desktop and on
 * a phone ({@code target/screenshots/submission-*.png}).
 */
@SatuPintuTest
class SubmissionBrowserTests {

    static final String NIK = "3671011708850002";
    static final String NAME = "Budi Santoso";
    static final String OFFICER = "officer-3217-dpmptsp";
    static final String PASSWORD = "mpp-demo-2026";
    static final String NOTE = "Foto NIB buram, mohon unggah ulang persyaratan teknis yang terbaca jelas.";

    @RegisterExtension
    static Browser citizen = new Browser("citizen");

    @RegisterExtension
    static Browser officer = new Browser("officer");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NikFingerprints fingerprints;

    @TempDir
    Path files;

    @Test
    void aCitizenAppliesOnlineTheOfficerReturnsItThenIssuesAndTheDocumentVerifies() throws Exception {
        String application = applyForAnOperatingPermit();
        String number = citizen.text("#tracking-number");

        officerClaimsReadsAndReturns(number);

        citizen.open(application);
        assertThat(citizen.text("#status")).isEqualTo("Dikembalikan untuk perbaikan");
        assertThat(citizen.text("#current-note")).contains(NOTE);
        both(citizen, "submission-returned");
        citizen.find("#file-1").sendKeys(file("persyaratan-teknis-jelas.pdf", SubmissionFiles.pdf()));
        citizen.clickAndWait("#upload-1");
        assertThat(citizen.text("#requirement-1")).contains("persyaratan-teknis-jelas.pdf");
        citizen.clickAndWait("#action-RESUBMIT");
        assertThat(citizen.text("#status")).isEqualTo("Verifikasi berkas");
        assertThat(citizen.all("#file-1")).as("the files are the officer's again").isEmpty();
        both(citizen, "submission-resubmitted");

        officer.open(officer.path());
        assertThat(officer.text("#status")).startsWith("Verifikasi berkas");
        for (String action : new String[] {"ACCEPT", "APPROVE", "ISSUE"}) {
            officer.clickAndWait("#action-" + action);
            assertThat(officer.all("#error")).isEmpty();
        }
        assertThat(officer.text("#status")).startsWith("Dokumen terbit");
        assertThat(officer.all("#actions")).isEmpty();
        both(officer, "submission-review-issued");

        downloadsAndChecksTheDocument(application);
        readsInEnglish(application);
        publicTrackingShowsNoPersonalData(number);
        assertThat(citizen.consoleErrors()).isEmpty();
        assertThat(officer.consoleErrors()).isEmpty();
    }

    /** The citizen signs up, starts an application, fills the checklist and sends it; returns its page's path. */
    private String applyForAnOperatingPermit() throws Exception {
        String email = "budi-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        TestCitizens.withoutAccount(jdbc, fingerprints, NIK);
        citizen.open("/citizen/sign-up");
        citizen.type("#nik", NIK).type("#fullName", NAME).setValue("#birthDate", "1985-08-17").type("#email", email);
        citizen.find("#consent").click();
        citizen.clickAndWait("#sign-up");
        citizen.type("#code", TestCitizens.awaitCode(email, 1));
        citizen.clickAndWait("#confirm");
        citizen.clickAndWait("#applications");
        assertThat(citizen.text("h1")).isEqualTo("Permohonan saya");
        both(citizen, "submission-mine-empty");

        citizen.clickAndWait("#new-application");
        new Select(citizen.find("#mall")).selectByValue("32.17");
        citizen.clickAndWait("#choose-mall");
        assertThat(citizen.text("main h2")).isEqualTo("Layanan online di MPP Kabupaten Bandung Barat");
        both(citizen, "submission-choose");

        citizen.clickAndWait("#apply-pb-umku");
        String application = citizen.path();
        assertThat(application).startsWith("/citizen/applications/");
        assertThat(citizen.text("#status")).isEqualTo("Draf");
        assertThat(citizen.all("#checklist li[id^=requirement-]")).hasSize(2);
        assertThat(citizen.text("#requirement-0")).startsWith("NIB").contains("Belum ada");
        both(citizen, "submission-draft");

        citizen.phone();
        citizen.find("#file-0").sendKeys(file("nib.pdf", SubmissionFiles.disguisedExecutable()));
        citizen.clickAndWait("#upload-0");
        assertThat(citizen.text("#error")).isEqualTo(
                "Jenis berkas ini tidak diterima. Unggah dokumen PDF, atau foto JPEG atau PNG.");
        assertThat(citizen.inViewport(citizen.find("#error"))).as("the error is on screen, not scrolled away").isTrue();
        assertThat(citizen.text("#requirement-0")).contains("Belum ada").doesNotContain("nib.pdf");
        citizen.assertNoSidewaysScrolling();
        citizen.screenshot("submission-upload-refused-phone");
        citizen.desktop();

        String[] names = {"nib", "persyaratan-teknis"};
        for (int requirement = 0; requirement < names.length; requirement++) {
            upload(requirement, names[requirement] + ".pdf", SubmissionFiles.pdf());
            upload(requirement, names[requirement] + "-foto.png", SubmissionFiles.png());
            assertThat(citizen.text("#requirement-" + requirement)).contains("Sudah ada")
                    .contains(names[requirement] + ".pdf", names[requirement] + "-foto.png");
        }
        assertThat(citizen.all("#error")).isEmpty();
        citizen.type("#purpose", "Izin operasional klinik pratama di Padalarang.");
        both(citizen, "submission-checklist-complete");

        citizen.clickAndWait("#submit-application");
        assertThat(citizen.all("#error")).isEmpty();
        assertThat(citizen.text("#submitted")).startsWith("Permohonan terkirim. Nomor permohonan Anda 3217-20261201-");
        assertThat(citizen.text("#status")).isEqualTo("Diajukan");
        assertThat(citizen.text("#tracking-number")).matches("3217-20261201-\\d{6}");
        both(citizen, "submission-submitted");

        citizen.clickAndWait(".crumbs a");
        WebElement mine = citizen.find("#applications tbody tr");
        assertThat(mine.getText()).contains("Diajukan", "2 Des 2026");
        both(citizen, "submission-mine");
        citizen.open(application);
        return application;
    }

    private void upload(int requirement, String name, byte[] content) throws Exception {
        citizen.find("#file-" + requirement).sendKeys(file(name, content));
        citizen.clickAndWait("#upload-" + requirement);
        assertThat(citizen.all("#error")).isEmpty();
    }

    /** The officer finds the application in the inbox, claims it, opens its documents and returns it. */
    private void officerClaimsReadsAndReturns(String number) throws Exception {
        officer.open("/login");
        officer.type("#username", OFFICER).type("#password", PASSWORD);
        officer.clickAndWait("main form button[type=submit]");
        officer.open("/staff/inbox");
        WebElement row = officer.find("#inbox").findElement(By.linkText(number));
        assertThat(row.findElement(By.xpath("ancestor::tr")).getText()).contains("Diajukan", "Belum diambil");
        both(officer, "submission-inbox");

        officer.clickAndWait(row);
        assertThat(officer.text("#applicant")).isEqualTo(NAME);
        assertThat(officer.mainText()).contains("Izin operasional klinik pratama di Padalarang.");
        both(officer, "submission-review-new");
        officer.clickAndWait("#claim");
        assertThat(officer.text("#assignee")).isNotEqualTo("Belum diambil");

        String pdf = officer.find("#documents a.document-link[href]").getAttribute("href");
        HttpResponse<byte[]> served = officer.fetch(pdf);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(served.body()).isEqualTo(Files.readAllBytes(files.resolve("nib.pdf")));
        opensInANewTab(officer.all("#documents a.document-link").get(1));

        officer.clickAndWait("#action-START_VERIFICATION");
        assertThat(officer.text("#status")).startsWith("Verifikasi berkas");
        assertThat(officer.all("#actions button")).extracting(WebElement::getText)
                .containsExactly("Kembalikan untuk perbaikan", "Terima berkas", "Tolak");
        both(officer, "submission-review-verification");
        officer.type("#note", NOTE);
        officer.clickAndWait("#action-RETURN_FOR_REVISION");
        assertThat(officer.text("#status")).startsWith("Dikembalikan untuk perbaikan");
        assertThat(officer.text("#timeline")).contains(NOTE);
        both(officer, "submission-review-returned");
    }

    /** Opens a photo the citizen uploaded in its own tab, checks the browser shows it, and closes the tab. */
    private void opensInANewTab(WebElement link) {
        assertThat(link.getText()).endsWith(".png");
        String review = officer.driver().getWindowHandle();
        link.click();
        officer.until(driver -> driver.getWindowHandles().size() == 2);
        String tab = officer.driver().getWindowHandles().stream().filter(h -> !h.equals(review)).findFirst()
                .orElseThrow();
        officer.driver().switchTo().window(tab);
        WebElement image = officer.until(driver -> driver.findElement(By.tagName("img")));
        assertThat(officer.js("return arguments[0].complete && arguments[0].naturalWidth", image)).isEqualTo(40L);
        officer.driver().close();
        officer.driver().switchTo().window(review);
        // The browser's own image viewer styles itself inline, which the site's content security policy refuses,
        // and asks for /favicon.ico, which the site does not have (its pages name an SVG icon).
        assertThat(officer.consoleErrors()).allMatch(error -> error.contains("/documents/")
                && error.contains("Applying inline style violates") || error.contains("/favicon.ico - "));
    }

    /** The citizen downloads the issued PDF, reads its QR code and checks it on the verification page. */
    private void downloadsAndChecksTheDocument(String application) throws Exception {
        citizen.open(application);
        assertThat(citizen.text("#status")).isEqualTo("Dokumen terbit");
        both(citizen, "submission-issued");
        HttpResponse<byte[]> download = citizen.fetch(citizen.find("#download-output").getAttribute("href"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        byte[] pdf = download.body();
        String verification = URI.create(PdfQrCodes.onFirstPage(pdf)).getPath();
        assertThat(verification).matches("/verify/[0-9a-f-]{36}")
                .isEqualTo(URI.create(citizen.find("#output a[href*='/verify/']").getAttribute("href")).getPath());

        citizen.phone().open(verification);
        assertThat(citizen.text("#verdict h2")).isEqualTo("Asli");
        citizen.find("#file").sendKeys(file("hasil.pdf", pdf));
        citizen.clickAndWait("#check-file");
        assertThat(citizen.text("#file-result")).startsWith("Berkas cocok");
        citizen.assertNoSidewaysScrolling();
        citizen.screenshot("submission-verify-matches-phone");
        citizen.desktop();
    }

    /** Anyone with the number, signed in or not, sees where the application stands but not whose it is. */
    private void publicTrackingShowsNoPersonalData(String number) {
        officer.driver().manage().deleteAllCookies();
        officer.open("/track");
        both(officer, "submission-track");
        officer.type("#number", number);
        officer.clickAndWait("#track");
        assertThat(officer.path()).isEqualTo("/track/" + number);
        assertThat(officer.text("h1")).isEqualTo("Nomor permohonan\n" + number);
        assertThat(officer.text("#status")).isEqualTo("Dokumen terbit");
        assertThat(officer.text("#timeline")).contains("Diajukan", "Dikembalikan untuk perbaikan", "Dokumen terbit");
        assertThat(officer.mainText()).doesNotContain(NAME, "Budi", "3671", NOTE, "Padalarang");
        both(officer, "submission-tracking");
    }

    private void readsInEnglish(String application) {
        citizen.open(application + "?lang=en");
        assertThat(citizen.text("#status")).isEqualTo("Document issued");
        assertThat(citizen.text("#checklist h2")).isEqualTo("Required documents");
        both(citizen, "submission-issued-en");
        citizen.open("/citizen/applications?lang=en");
        assertThat(citizen.text("#applications")).contains("Document issued");
        both(citizen, "submission-mine-en");

        officer.open("/staff/inbox?show=all&lang=en");
        assertThat(officer.text("h1")).isEqualTo("Online applications");
        assertThat(officer.text("#inbox")).contains("Document issued");
        both(officer, "submission-inbox-all-en");
    }

    /** Photographs the page on a desktop and on a phone, where it must not scroll sideways. */
    private static void both(Browser browser, String name) {
        browser.desktop().screenshot(name);
        browser.phone();
        browser.assertNoSidewaysScrolling();
        browser.screenshot(name + "-phone");
        browser.desktop();
    }

    private String file(String name, byte[] content) throws Exception {
        return Files.write(files.resolve(name), content).toString();
    }
}
