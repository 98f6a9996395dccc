package id.satupintu.browser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import id.satupintu.SatuPintuTest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import id.satupintu.region.OpeningHours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a mall manager does in a real browser: sign in, change a service's standard and settings, the weekly hours and
 * the mall's own days. Edits go to malls that the other full-stack tests leave alone (32.17 and 33.28), each test on
 * its own service or page, so the tests do not depend on their order.
 */
@SatuPintuTest
class ManagerBrowserTests {

    static final String PASSWORD = "mpp-demo-2026";

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    Malls malls;

    @Autowired
    MallCalendar calendar;

    @Autowired
    Catalogue catalogue;

    @Test
    void aManagerChangesAServicesFeeAndQuotaAndThePublicPageShowsTheNewFee() {
        browser.open("/login");
        browser.screenshot("manager-login");
        signIn("manager-3217", PASSWORD);
        assertThat(browser.path()).isEqualTo("/manage/32.17");
        assertThat(browser.text("h1")).isEqualTo("MPP Kabupaten Bandung Barat");
        assertThat(browser.text(".nav .who")).isEqualTo("manager-3217");
        assertThat(browser.text("#services h2")).isEqualTo("Layanan");
        browser.screenshot("manager-mall-32.17");

        browser.clickAndWait("a[aria-label='Ubah Perpanjangan SKCK']");
        assertThat(browser.path()).isEqualTo("/manage/32.17/services/skck-perpanjangan");
        assertThat(browser.text("h1")).isEqualTo("Ubah layanan");
        assertThat(browser.find("#code").getAttribute("readonly")).isNotNull();
        assertThat(browser.find("#fee").getAttribute("value")).isEqualTo("Rp30.000");
        browser.screenshot("manager-service-form");

        String fee = "Rp30.000 (belum termasuk biaya sidik jari Rp5.000)";
        browser.type("#fee", fee);
        browser.type("#dailyQuota", "57");
        browser.clickAndWait("form.form button[type=submit]");

        assertThat(browser.path()).startsWith("/manage/32.17");
        assertThat(browser.text(".success")).isEqualTo("Tersimpan: Perpanjangan SKCK");
        boolean confirmationOnScreen = browser.inViewport(browser.find(".success"));
        long scrolledTo = ((Number) browser.js("return window.scrollY")).longValue();
        WebElement row = serviceRow("Perpanjangan SKCK");
        assertThat(row.getText()).contains("57");
        browser.screenshot("manager-mall-32.17-saved");

        MallService saved = catalogue.service(malls.getByCode("32.17").id(), "skck-perpanjangan");
        assertThat(saved.fee()).isEqualTo(fee);
        assertThat(saved.dailyQuota()).isEqualTo(57);

        browser.open("/malls/32.17/services/skck-perpanjangan");
        assertThat(browser.text("dl.components")).contains(fee);
        assertThat(browser.text("ul.facts")).contains("Kuota 57 antrean per hari");

        assertThat(confirmationOnScreen).as("after saving, the page is scrolled to y=%s px and the success message "
                + "at the top is off screen, so the manager does not see it", scrolledTo).isTrue();
    }

    @Test
    void anInvalidServiceFormShowsFieldErrorsInIndonesianAndChangesNothing() {
        MallService before = catalogue.service(malls.getByCode("32.17").id(), "skck-baru");
        browser.open("/malls/32.17/services/skck-baru");
        String publicBefore = browser.text("main");

        browser.open("/login");
        signIn("manager-3217", PASSWORD);
        browser.open("/manage/32.17/services/skck-baru");
        browser.type("#ticketPrefix", "a1");
        browser.type("#fee", "");
        browser.clickAndWait("form.form button[type=submit]");

        assertThat(browser.path()).isEqualTo("/manage/32.17/services/skck-baru");
        assertThat(browser.all(".success")).isEmpty();
        assertThat(fieldError("ticketPrefix")).isEqualTo("Satu atau dua huruf kapital, misalnya A atau KT.");
        assertThat(fieldError("fee")).isEqualTo("Wajib diisi.");
        assertThat(browser.find("#ticketPrefix").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#fee").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#nameId").getAttribute("aria-invalid")).isEqualTo("false");
        assertThat(browser.all(".field.has-error")).hasSize(2);
        assertThat(browser.find("#ticketPrefix").getAttribute("value")).as("the input is kept").isEqualTo("a1");
        browser.screenshot("manager-service-form-errors");

        browser.phone().open("/manage/32.17/services/skck-baru");
        assertThat(browser.contentWidth()).as("service form on a phone; sticking out: %s",
                browser.overflowingElements()).isLessThanOrEqualTo(browser.viewportWidth());
        browser.desktop();

        assertThat(catalogue.service(malls.getByCode("32.17").id(), "skck-baru")).isEqualTo(before);
        browser.open("/malls/32.17/services/skck-baru");
        assertThat(browser.text("main")).isEqualTo(publicBefore);
    }

    @Test
    void aManagerClosesOnSaturdaysMovesTheFridayBreakAndAddsALocalHoliday() {
        Mall tegal = malls.getByCode("33.28");
        browser.open("/login");
        signIn("manager-3328", PASSWORD);
        browser.clickAndWait(browser.driver().findElement(By.linkText("Jam layanan")));
        assertThat(browser.path()).isEqualTo("/manage/33.28/hours");
        assertThat(browser.text("main h1")).isEqualTo("Jam layanan");
        assertThat(browser.text("main p.muted")).contains("WIB");
        WebElement saturdayOpen = browser.find("#days5\\.open1");
        assertThat(saturdayOpen.isSelected()).as("the demo mall opens on Saturdays").isTrue();
        browser.screenshot("manager-hours");

        saturdayOpen.click();
        browser.setValue("input[name='days[4].breakStart']", "11:15");
        browser.setValue("input[name='days[4].breakEnd']", "13:15");
        browser.clickAndWait("form.form button[type=submit]");

        assertThat(browser.path()).isEqualTo("/manage/33.28/hours");
        assertThat(browser.text(".success")).isEqualTo("Perubahan tersimpan.");
        assertThat(browser.find("#days5\\.open1").isSelected()).isFalse();
        assertThat(browser.find("input[name='days[4].breakStart']").getAttribute("value")).isEqualTo("11:15");
        browser.screenshot("manager-hours-saved");
        browser.phone().open("/manage/33.28/hours");
        assertThat(browser.contentWidth()).as("hours form on a phone; sticking out: %s",
                browser.overflowingElements()).isLessThanOrEqualTo(browser.viewportWidth());
        browser.screenshot("manager-hours-phone");
        browser.desktop();
        List<OpeningHours> week = malls.weeklyHours(tegal.id());
        assertThat(week).extracting(OpeningHours::day).doesNotContain(DayOfWeek.SATURDAY);
        assertThat(week).filteredOn(h -> h.day() == DayOfWeek.FRIDAY).singleElement()
                .satisfies(friday -> {
                    assertThat(friday.breakStart()).isEqualTo(LocalTime.of(11, 15));
                    assertThat(friday.breakEnd()).isEqualTo(LocalTime.of(13, 15));
                });

        browser.open("/malls/33.28");
        browser.find("details.week summary").click();
        assertThat(browser.text("details.week table")).contains("Jumat 07:30–16:00 istirahat 11:15–13:15")
                .contains("Sabtu Tutup");

        LocalDate holiday = calendar.now(tegal).toLocalDate().plusDays(45);
        browser.open("/manage/33.28/days");
        browser.screenshot("manager-days");
        browser.setValue("#date", holiday.toString());
        browser.type("#name", "Hari Jadi Kabupaten Tegal");
        browser.clickAndWait("form.form button[type=submit]");

        assertThat(browser.path()).isEqualTo("/manage/33.28/days");
        assertThat(browser.text(".success")).isEqualTo("Perubahan tersimpan.");
        String date = holiday.format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.of("id")));
        WebElement own = browser.find("main table.list");
        assertThat(own.getText()).contains(date + " Tutup Hari Jadi Kabupaten Tegal");
        browser.screenshot("manager-days-saved");
        assertThat(malls.dayOverrides(tegal.id(), holiday)).anySatisfy(day -> {
            assertThat(day.date()).isEqualTo(holiday);
            assertThat(day.open()).isFalse();
        });
    }

    @Test
    void aDayInThePastIsRefused() {
        Mall tegal = malls.getByCode("33.28");
        LocalDate yesterday = calendar.now(tegal).toLocalDate().minusDays(1);
        browser.open("/login");
        signIn("manager-3328", PASSWORD);
        browser.open("/manage/33.28/days");
        browser.setValue("#date", yesterday.toString());
        browser.type("#name", "Terlambat");
        browser.clickAndWait("form.form button[type=submit]");
        assertThat(fieldError("date")).isEqualTo("Tanggal tidak boleh di masa lalu.");
        assertThat(browser.all(".success")).isEmpty();
        browser.screenshot("manager-days-errors");
        assertThat(malls.dayOverrides(tegal.id(), yesterday)).noneMatch(day -> day.date().equals(yesterday));
    }

    @Test
    void aManagerCannotOpenAnotherMallsManagementPage() {
        browser.open("/login");
        signIn("manager-3671", PASSWORD);
        assertThat(browser.path()).isEqualTo("/manage/36.71");

        browser.open("/manage/72.02");
        assertThat(browser.text("h1")).isEqualTo("Anda tidak berwenang membuka halaman ini");
        String page = browser.text("body");
        assertThat(page).doesNotContain("MPP Kabupaten Poso", "Instansi", "Loket");
        assertThat(browser.all("table")).isEmpty();
        assertThat(browser.all("form.form")).isEmpty();
        browser.screenshot("manager-forbidden");
    }

    @Test
    void aWrongPasswordIsReportedOnTheSignInPage() {
        browser.open("/login");
        signIn("manager-3217", "salah-sandi");
        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.text(".error-box")).isEqualTo("Nama pengguna atau kata sandi salah.");
        assertThat(browser.find("#username").getAttribute("value")).isEmpty();
        assertThat(browser.all(".nav .who")).isEmpty();
        browser.screenshot("manager-login-error");

        browser.open("/manage/32.17");
        assertThat(browser.path()).isEqualTo("/login");
    }

    private void signIn(String username, String password) {
        assertThat(browser.text("h1")).isEqualTo("Masuk petugas");
        browser.type("#username", username);
        browser.type("#password", password);
        browser.clickAndWait("main form button[type=submit]");
    }

    private String fieldError(String field) {
        WebElement input = browser.find("#" + field);
        return input.findElement(By.xpath("./ancestor::div[contains(@class,'field')][1]"))
                .findElement(By.cssSelector(".field-error")).getText();
    }

    private WebElement serviceRow(String name) {
        return browser.all("#services tbody tr").stream()
                .filter(row -> row.findElements(By.tagName("td")).get(1).getText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No service row " + name));
    }
}
