package id.satupintu.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import id.satupintu.SatuPintuTest;
import id.satupintu.complaint.Complaint;
import id.satupintu.complaint.Complaints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint in real browsers at MPP Kabupaten Aceh Besar (11.06), which the other browser tests leave alone: a
 * citizen files it with a photo on a phone, the mall manager verifies and forwards it, the Dukcapil officer answers
 * it, the citizen reads the answer, closes the complaint and rates it.
 */
@SatuPintuTest
class ComplaintBrowserTests {

    static final String PASSWORD = "mpp-demo-2026";
    static final String ANSWER = "Mohon maaf. Petugas loket 2 sudah kami tegur dan uang Anda dikembalikan hari ini.";

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    Complaints complaints;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aComplaintWithAPhotoIsVerifiedForwardedAnsweredClosedAndRated(@TempDir Path directory) throws Exception {
        Path photo = Files.write(directory.resolve("kuitansi.pdf"),
                "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                        .getBytes(StandardCharsets.ISO_8859_1));

        browser.phone().open("/malls/11.06");
        browser.clickAndWait("#complain-about-mall");
        assertThat(browser.path()).isEqualTo("/complaints/new?mall=11.06");
        assertThat(browser.text("h1")).isEqualTo("Sampaikan pengaduan");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("complaint-new-phone");

        browser.find("label[for=category-ILLEGAL_FEES]").click();
        new Select(browser.find("#agency")).selectByValue("dukcapil");
        new Select(browser.find("#service")).selectByValue("ktp-el-penggantian");
        browser.type("#description", "Saat mengganti KTP-el yang rusak, petugas loket 2 meminta Rp50.000 tanpa "
                + "kuitansi resmi. <b>Katanya</b> agar cepat.");
        browser.find("#files").sendKeys(photo.toString());
        browser.clickAndWait("#send");

        assertThat(browser.path()).startsWith("/complaints/ADU-");
        String code = browser.text("#filed .complaint-code");
        assertThat(code).matches("ADU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(browser.text("#status")).isEqualTo("Diterima");
        assertThat(browser.text("#description")).contains("<b>Katanya</b>");
        assertThat(browser.text("#attachments")).startsWith("kuitansi.pdf");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("complaint-filed-phone");

        browser.desktop().open("/login");
        signIn("manager-1106");
        browser.open("/manage/11.06/complaints");
        assertThat(browser.text("#complaints")).contains(code);
        browser.screenshot("complaint-list-manager");
        browser.clickAndWait("a.complaint-link[href$='" + code + "']");
        assertThat(browser.text("#complainant")).doesNotContain("@");
        browser.clickAndWait("#action-VERIFY");
        assertThat(browser.text("#status")).startsWith("Terverifikasi");
        assertThat(new Select(browser.find("#agency-select")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("dukcapil");
        browser.type("#note", "Mohon klarifikasi petugas loket 2 dan kembalikan uangnya.");
        browser.screenshot("complaint-handle-manager");
        browser.clickAndWait("#action-FORWARD");
        assertThat(browser.text("#status")).startsWith("Diteruskan ke instansi");
        signOut();

        browser.open("/login");
        signIn("officer-1106-dukcapil");
        browser.open("/staff/complaints");
        browser.clickAndWait("a.complaint-link[href$='" + code + "']");
        assertThat(browser.text("#steps")).contains("Mohon klarifikasi petugas loket 2");
        browser.type("#note", ANSWER);
        browser.screenshot("complaint-handle-officer");
        browser.clickAndWait("#action-ANSWER");
        assertThat(browser.text("#status")).startsWith("Dijawab");
        signOut();

        browser.phone().open("/complaints?code=" + code.toLowerCase());
        assertThat(browser.path()).isEqualTo("/complaints/" + code);
        assertThat(browser.text("#steps .answer .note")).isEqualTo(ANSWER);
        assertThat(browser.text("#steps")).doesNotContain("Mohon klarifikasi").doesNotContain("Petugas Dinas");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("complaint-answered-phone");
        browser.clickAndWait("#close");
        assertThat(browser.text("#status")).isEqualTo("Selesai");
        browser.find("label[for=rating-4]").click();
        browser.clickAndWait("#send-rating");
        assertThat(browser.text("#done")).isEqualTo("Terima kasih atas penilaian Anda.");
        assertThat(browser.text("#rating")).isEqualTo("4 dari 5");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("complaint-rated-phone");
        browser.desktop().open("/complaints/" + code + "?lang=en");
        assertThat(browser.text("#status")).isEqualTo("Closed");
        browser.screenshot("complaint-rated-en-desktop");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aFormWithAMistakeKeepsWhatWasTypedAndSaysWhatToFix() {
        browser.phone().open("/complaints/new?mall=11.06&lang=en");
        browser.find("label[for=category-FACILITIES]").click();
        browser.js("arguments[0].removeAttribute('minlength')", browser.find("#description"));
        browser.type("#description", "Too hot.");
        browser.type("#email", "warga@example.test");
        browser.clickAndWait("#send");
        assertThat(browser.text("#error")).startsWith("The description must be 20 to 4,000 characters long.");
        assertThat(browser.find("#description").getAttribute("value")).isEqualTo("Too hot.");
        assertThat(browser.find("#email").getAttribute("value")).isEqualTo("warga@example.test");
        assertThat(browser.find("#category-FACILITIES").isSelected()).isTrue();
        browser.assertNoSidewaysScrolling();
        browser.screenshot("complaint-form-error-en-phone");
    }

    @Test
    void theManagersListPutsTheOverdueFirstAndFlagsThem() {
        Complaint late = complaints.file(new Complaints.NewComplaint("11.06", "samsat", null, "SERVICE_SPEED",
                "Pembayaran pajak kendaraan tahunan memakan waktu lebih dari dua jam.", null, null), List.of(), null,
                Complaints.WEB, Locale.of("id"));
        jdbc.sql("UPDATE complaint SET due_at = :due WHERE id = :id")
                .param("due", Timestamp.from(Instant.parse("2026-11-27T00:00:00Z")))
                .param("id", late.id().value()).update();
        complaints.handleOverdue(100);

        browser.open("/login");
        signIn("manager-1106");
        browser.open("/manage/11.06/complaints");
        WebElement first = browser.find("#complaints tbody tr");
        assertThat(first.getText()).contains(late.code().display()).contains("Lewat batas").contains("Dieskalasi");
        assertThat(first.getAttribute("class")).contains("overdue");
        browser.screenshot("complaint-list-overdue-manager");
        browser.phone().open("/manage/11.06/complaints");
        browser.screenshot("complaint-list-overdue-manager-phone");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void signIn(String username) {
        browser.type("#username", username);
        browser.type("#password", PASSWORD);
        browser.clickAndWait("main form button[type=submit]");
    }

    private void signOut() {
        browser.clickAndWait(".site-header form.inline button[type=submit]");
    }
}
