package id.satupintu.browser;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import id.satupintu.SatuPintuTest;
import id.satupintu.region.DaySchedule;
import id.satupintu.region.Mall;
import id.satupintu.region.MallCalendar;
import id.satupintu.region.Malls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a citizen does in a real browser: choose a mall, search, read a service's standard, switch language. */
@SatuPintuTest
class CitizenBrowserTests {

    static final Locale INDONESIAN = Locale.of("id");

    @RegisterExtension
    static Browser browser = new Browser();

    @Autowired
    Malls malls;

    @Autowired
    MallCalendar calendar;

    @Autowired
    MessageSource messages;

    @Test
    void theHomePageListsTheMallsByProvinceOnDesktopAndPhone() {
        browser.open("/");
        assertThat(browser.text("h1")).isEqualTo("Mal Pelayanan Publik");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("id");
        assertThat(browser.text("#malls-heading")).isEqualTo("Pilih MPP");

        WebElement banten = province("Banten");
        WebElement tangerang = banten.findElement(By.cssSelector("a.card[href$='/malls/36.71']"));
        assertThat(tangerang.findElement(By.tagName("strong")).getText()).isEqualTo("MPP Kota Tangerang");
        assertThat(tangerang.getText()).contains("Kota Tangerang, Banten");
        assertThat(province("Sulawesi Tengah").getText()).contains("MPP Kabupaten Poso");
        List<String> provinces = browser.all(".province h3").stream().map(WebElement::getText).toList();
        assertThat(provinces).hasSizeGreaterThanOrEqualTo(5).isSorted().doesNotHaveDuplicates();
        assertThat(browser.all(".province .card")).hasSize(malls.all().size());
        browser.screenshot("citizen-home-id");

        browser.phone().open("/");
        assertThat(browser.viewportWidth()).isEqualTo(Browser.PHONE_WIDTH);
        assertNoSidewaysScrolling();
        assertThat(province("Banten").findElement(By.cssSelector("a.card[href$='/malls/36.71']")).isDisplayed())
                .isTrue();
        browser.screenshot("citizen-home-phone");
    }

    @Test
    void aSearchFromTheHomePageFindsTheMallsThatOfferTheService() {
        browser.open("/");
        browser.type("#q", "paspor");
        browser.clickAndWait(".search button[type=submit]");
        assertThat(browser.path()).startsWith("/search?q=paspor");
        assertThat(browser.text("h1")).isEqualTo("Hasil pencarian \"paspor\"");
        assertThat(browser.find("#q").getAttribute("value")).isEqualTo("paspor");
        WebElement passport = result("Paspor");
        WebElement tangerang = passport.findElement(By.linkText("MPP Kota Tangerang"));
        assertThat(tangerang.getAttribute("href")).contains("/malls/36.71/services/");
        assertThat(browser.mainText()).doesNotContain("Tidak ada layanan yang cocok");
        browser.screenshot("citizen-search-paspor");

        search("SKCK");
        assertThat(result("SKCK").getText()).contains("MPP Kota Tangerang");
        assertThat(browser.text("main p.muted")).matches("\\d+ layanan ditemukan, tersedia di \\d+ MPP\\.");

        search("akta kelahiran");
        assertThat(result("Akta Kelahiran").getText()).contains("MPP Kota Tangerang");

        search("zzqxwv");
        assertThat(browser.all("section.result")).isEmpty();
        assertThat(browser.text(".notice")).isEqualTo(
                "Tidak ada layanan yang cocok. Coba kata lain, misalnya \"KTP\" atau \"pajak\".");
        browser.screenshot("citizen-search-nothing");
    }

    @Test
    void aMallPageShowsTodaysStatusAgenciesAndServicesAndLeadsToAServiceStandard() {
        Mall tangerang = malls.getByCode("36.71");
        browser.open("/malls/36.71");
        assertThat(browser.text("h1")).isEqualTo("MPP Kota Tangerang");
        assertThat(browser.text(".address")).isEqualTo("Kota Tangerang, Banten");
        assertThat(browser.text(".crumbs")).isEqualTo("Daftar MPP › MPP Kota Tangerang");

        String today = browser.text(".today");
        DaySchedule schedule = calendar.today(tangerang);
        boolean openNow = calendar.isOpenAt(tangerang, calendar.now(tangerang));
        assertThat(browser.find(".today").getAttribute("class")).contains(openNow ? "open" : "closed");
        if (schedule instanceof DaySchedule.Open open) {
            DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
            assertThat(today).startsWith(openNow ? "Buka hari ini"
                    : calendar.now(tangerang).toLocalTime().isBefore(open.hours().opens()) ? "Belum buka" : "Sudah tutup")
                    .contains(open.hours().opens().format(hhmm) + "–" + open.hours().closes().format(hhmm))
                    .contains("WIB");
        } else {
            DaySchedule.Closed closed = (DaySchedule.Closed) schedule;
            String reason = closed.name() != null ? "(" + closed.name() + ")"
                    : messages.getMessage("mall.closedReason." + closed.reason(), null, INDONESIAN);
            assertThat(today).startsWith("Tutup hari ini").contains(reason).contains("Buka lagi");
        }

        browser.find("details.week summary").click();
        WebElement week = browser.find("details.week table");
        assertThat(week.getText()).contains("Senin 07:30–16:00", "Jumat 07:30–16:30 istirahat 11:30–13:00",
                "Sabtu 08:00–12:00", "Minggu Tutup");

        assertThat(browser.text("main h2")).isEqualTo("Instansi dan layanan");
        List<String> agencies = browser.all("section.agency h3").stream().map(WebElement::getText).toList();
        assertThat(agencies).contains("Kepolisian Negara Republik Indonesia (Polres)",
                "Dinas Kependudukan dan Pencatatan Sipil");
        assertThat(browser.all("ul.services a")).hasSizeGreaterThan(10);
        browser.screenshot("citizen-mall-36.71");

        browser.phone().open("/malls/36.71");
        assertNoSidewaysScrolling();
        browser.screenshot("citizen-mall-36.71-phone");

        browser.desktop().open("/malls/36.71");
        browser.clickAndWait(browser.find("#agency-polri").findElement(By.linkText("Penerbitan SKCK Baru")));
        assertThat(browser.path()).isEqualTo("/malls/36.71/services/skck-baru");
        assertThat(browser.text("h1")).isEqualTo("Penerbitan SKCK Baru");
        assertThat(browser.text(".crumbs")).isEqualTo("Daftar MPP › MPP Kota Tangerang › Penerbitan SKCK Baru");
        List<String> components = browser.all("dl.components dt").stream().map(WebElement::getText).toList();
        assertThat(components).containsSubsequence("Persyaratan", "Sistem, mekanisme dan prosedur",
                "Jangka waktu penyelesaian", "Biaya/tarif", "Produk layanan",
                "Penanganan pengaduan, saran dan masukan");
        for (WebElement definition : browser.all("dl.components dd")) {
            assertThat(definition.getText()).as("every component has content").isNotBlank();
        }
        assertThat(browser.all("dl.components dd ol li")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.text("dl.components")).contains("Rp30.000");
        assertThat(browser.text("ul.facts")).contains("Nomor antrean berawalan");
        assertThat(browser.find("button[data-print]").getText()).isEqualTo("Cetak halaman ini");
        browser.screenshot("citizen-service-skck-baru");

        browser.phone().open("/malls/36.71/services/skck-baru");
        assertNoSidewaysScrolling();
        browser.screenshot("citizen-service-skck-baru-phone");
    }

    @Test
    void theLanguageChoiceSticksUntilItIsChangedBack() {
        browser.open("/");
        browser.clickAndWait("a[hreflang=en]");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.text("h1")).isEqualTo("Public Service Malls");
        assertThat(browser.text("#malls-heading")).isEqualTo("Choose a mall");
        assertThat(browser.find("a[hreflang=en]").getAttribute("class")).contains("active");
        assertThat(browser.find("a[hreflang=id]").getAttribute("class")).doesNotContain("active");
        assertThat(browser.find("#q").getAttribute("placeholder")).isEqualTo("e.g. passport, SKCK, birth certificate");
        browser.screenshot("citizen-home-en");

        // the choice is remembered: links without ?lang stay in English
        browser.clickAndWait(browser.driver().findElement(By.cssSelector("a.card[href$='/malls/36.71']")));
        assertThat(browser.path()).isEqualTo("/malls/36.71");
        assertThat(browser.text("main h2")).isEqualTo("Agencies and services");
        assertThat(browser.text(".today")).containsAnyOf("Open today", "Closed today", "Closed now", "Not open yet");
        assertThat(browser.text("#agency-polri h3")).isNotEqualTo("Kepolisian Negara Republik Indonesia (Polres)");
        browser.screenshot("citizen-mall-36.71-en");

        browser.clickAndWait(browser.find("#agency-polri").findElement(By.cssSelector("a[href$='/skck-baru']")));
        assertThat(browser.text("dl.components")).contains("Requirements", "Cost/tariff", "Completion time");
        assertThat(browser.text(".notice")).isEqualTo("The service standard is published in Indonesian.");
        assertThat(browser.text(".crumbs")).startsWith("Malls › MPP Kota Tangerang ›");
        browser.screenshot("citizen-service-skck-baru-en");

        browser.clickAndWait("a[hreflang=id]");
        assertThat(browser.path()).isEqualTo("/malls/36.71/services/skck-baru?lang=id");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("id");
        assertThat(browser.text("dl.components")).contains("Persyaratan", "Biaya/tarif").doesNotContain("Requirements");

        browser.clickAndWait("a.brand");
        assertThat(browser.text("#malls-heading")).isEqualTo("Pilih MPP");
    }

    @Test
    void theSkipLinkComesFirstAndTheSearchWorksByKeyboard() {
        browser.open("/");
        Actions keyboard = new Actions(browser.driver());
        keyboard.sendKeys(Keys.TAB).perform();
        WebElement skip = focused();
        assertThat(skip.getAttribute("class")).contains("skip-link");
        assertThat(skip.getText()).isEqualTo("Langsung ke isi");
        assertThat(skip.isDisplayed()).isTrue();
        assertThat(skip.getRect().getX()).as("the focused skip link is on screen").isGreaterThanOrEqualTo(0);
        assertThat(skip.getCssValue("outline-style")).as("focus is visible").isEqualTo("solid");
        browser.screenshot("citizen-home-skip-link");

        keyboard.sendKeys(Keys.ENTER).perform();
        browser.until(d -> d.getCurrentUrl().endsWith("#main"));
        keyboard.sendKeys(Keys.TAB).perform();
        WebElement searchBox = focused();
        assertThat(searchBox.getAttribute("id")).as("after the skip link, Tab reaches the search box").isEqualTo("q");

        WebElement html = browser.find("html");
        searchBox.sendKeys("SKCK", Keys.ENTER);
        browser.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(html));
        browser.waitForPage();
        assertThat(browser.path()).startsWith("/search?q=SKCK");
        assertThat(result("SKCK").getText()).contains("MPP Kota Tangerang");
    }

    @Test
    void thePagesLogNoErrorsInTheBrowserConsole() {
        for (String path : List.of("/", "/search?q=paspor", "/malls/36.71", "/malls/36.71/services/skck-baru",
                "/login", "/malls/36.71?lang=en")) {
            browser.open(path);
            assertThat(browser.consoleErrors()).as("console errors (failed loads, script errors, CSP) on %s", path)
                    .isEmpty();
        }
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private void search(String words) {
        browser.type("#q", words);
        WebElement html = browser.find("html");
        browser.find("#q").sendKeys(Keys.ENTER);
        browser.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(html));
        browser.waitForPage();
        assertThat(browser.text("h1")).isEqualTo("Hasil pencarian \"" + words + "\"");
    }

    private WebElement province(String name) {
        return browser.all(".province").stream()
                .filter(p -> p.findElement(By.tagName("h3")).getText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No province heading " + name + " on " + browser.path()));
    }

    /** The first result whose service name contains the words. */
    private WebElement result(String words) {
        return browser.all("section.result").stream()
                .filter(r -> r.findElement(By.tagName("h2")).getText().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("No result named like " + words + " in: " + browser.mainText()));
    }

    private void assertNoSidewaysScrolling() {
        browser.assertNoSidewaysScrolling();
    }
}
