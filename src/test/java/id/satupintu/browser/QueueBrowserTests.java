package id.satupintu.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk-in queue in a real browser, at MPP Kota Tangerang (36.71) with the tax corner (pajak, numbers G...) and
 * BPJS Kesehatan (H...), which no other test queues at: a citizen takes a number at the kiosk and follows it on
 * their phone, an officer calls it at the console and the display board shows it live. Each tab plays one screen:
 * kiosk, phone, board and console.
 */
@SatuPintuTest
class QueueBrowserTests {

    static final String PASSWORD = "mpp-demo-2026";

    @RegisterExtension
    static Browser browser = new Browser();

    @AfterEach
    void closeExtraTabs() {
        WebDriver driver = browser.driver();
        List<String> tabs = List.copyOf(driver.getWindowHandles());
        for (String tab : tabs.subList(1, tabs.size())) {
            driver.switchTo().window(tab).close();
        }
        driver.switchTo().window(tabs.getFirst());
        browser.desktop();
    }

    @Test
    void aNumberTakenAtTheKioskIsCalledAtTheCounterAndShownLiveOnTheBoardAndThePhone() {
        WebDriver driver = browser.driver();
        String kioskTab = driver.getWindowHandle();

        // The kiosk: agency, service, take a number.
        browser.open("/kiosk/36.71");
        assertThat(browser.all(".site-header")).as("a kiosk has no site navigation").isEmpty();
        assertThat(browser.text(".kiosk-head strong")).isEqualTo("MPP Kota Tangerang");
        assertThat(browser.text("h1")).isEqualTo("Pilih instansi");
        assertTouchTargets("a.kiosk-tile");
        assertTouchTargets(".kiosk-lang a");
        browser.screenshot("queue-kiosk-1-agencies");
        clickAndWait("a.kiosk-tile[data-agency='pajak']");
        assertThat(browser.path()).isEqualTo("/kiosk/36.71/agencies/pajak");
        assertThat(browser.text("h1")).isEqualTo("Kantor Pelayanan Pajak Pratama (Pojok Pajak)");
        assertThat(browser.text(".kiosk-step")).isEqualTo("Langkah 2 dari 3");
        assertTouchTargets("a.kiosk-tile, .kiosk-back");
        browser.screenshot("queue-kiosk-2-services");
        clickAndWait("a.kiosk-tile[data-service='npwp-pendaftaran']");
        assertThat(browser.text(".choice-service")).isEqualTo("Pendaftaran NPWP / Aktivasi NIK sebagai NPWP");
        assertThat(browser.text(".kiosk-priority")).contains("lansia (60 tahun ke atas)").contains("Gratis");
        assertThat(browser.all("button.kiosk-tile.priority")).hasSize(5);
        assertTouchTargets("#take, button.kiosk-tile.priority");
        browser.screenshot("queue-kiosk-3-confirm");
        clickAndWait("#take");

        assertThat(browser.path()).startsWith("/kiosk/36.71/tickets/");
        String number = browser.text(".slip-number");
        assertThat(number).matches("G\\d{3}");
        assertThat(browser.text(".slip-service")).isEqualTo("Pendaftaran NPWP / Aktivasi NIK sebagai NPWP");
        assertThat(browser.text(".slip-wait")).isEqualTo("Belum ada loket yang buka untuk layanan ini. Nomor Anda tetap berlaku.");
        assertThat(browser.text(".slip-scan")).isEqualTo("Pindai untuk memantau antrean Anda dari ponsel");
        assertThat(browser.find(".slip-qr svg").getSize().getWidth()).isGreaterThan(150);
        assertThat(browser.find("body").getAttribute("data-home")).isEqualTo("/kiosk/36.71?lang=id");
        assertThat(browser.find("body").getAttribute("data-idle-seconds")).isEqualTo("30");
        String statusPath = URI.create(browser.find(".ticket-slip").getAttribute("data-status-url")).getPath();
        assertThat(statusPath).startsWith("/t/");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("queue-kiosk-4-ticket");
        printToPdf("queue-kiosk-4-ticket-print-80mm", 80);
        printToPdf("queue-kiosk-4-ticket-print-58mm", 58);
        metrics(302, 900, false);
        assertThat(browser.contentWidth()).as("ticket in a narrow window; sticking out: %s",
                browser.overflowingElements()).isLessThanOrEqualTo(browser.viewportWidth());
        browser.screenshot("queue-kiosk-4-ticket-narrow");
        browser.desktop();

        // The citizen follows the number on their phone.
        String phoneTab = newTab();
        browser.phone().open(statusPath);
        assertThat(browser.text(".ticket-number")).isEqualTo(number);
        assertThat(browser.text("#t-status")).isEqualTo("Menunggu");
        assertThat(browser.text("#t-ahead")).isEqualTo("Anda yang berikutnya dipanggil.");
        assertThat(browser.driver().findElement(By.id("called")).isDisplayed()).isFalse();
        assertThat(browser.contentWidth()).as("status page on a phone; sticking out: %s",
                browser.overflowingElements()).isLessThanOrEqualTo(browser.viewportWidth());
        browser.screenshot("queue-status-1-waiting-phone");
        browser.find("#sound-on").click();
        assertThat(browser.text("#sound-on")).isEqualTo("Suara aktif");

        // The display board on the TV.
        String boardTab = newTab();
        metrics(1920, 1080, false);
        browser.open("/board/36.71");
        assertThat(browser.all(".site-header")).isEmpty();
        browser.screenshot("queue-board-0-sound-gate");
        browser.find("#sound-on").click();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("sound-gate")));
        assertThat(browser.text("#waiting li[data-agency='pajak'] .w-count strong")).isNotEqualTo("0");
        assertThat(browser.all("#offline")).allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
        browser.screenshot("queue-board-1-before");

        // The officer opens a counter; the phone learns that a counter now serves the number.
        String consoleTab = newTab();
        browser.open("/login");
        signIn("officer-3671-pajak");
        browser.open("/counter");
        assertThat(browser.text("h1")).isEqualTo("Pilih loket");
        assertThat(browser.all(".counter-cards a.card")).hasSize(2);
        browser.screenshot("queue-counter-0-list");
        clickAndWait(counterCard("G - Loket 1"));
        assertThat(browser.text("h1")).isEqualTo("G - Loket 1");
        if (!browser.all("button.action-open").isEmpty()) {
            clickAndWait("button.action-open");
        }
        assertThat(browser.text("#counter-status")).isEqualTo("Buka");
        assertThat(waitingFor("npwp-pendaftaran")).isGreaterThanOrEqualTo(1);
        assertThat(browser.find("button.call-button").getText()).contains("Panggil berikutnya").contains("N");
        browser.screenshot("queue-counter-1-idle");

        driver.switchTo().window(phoneTab);
        browser.until(d -> !d.findElement(By.id("t-wait")).getText().startsWith("Belum ada loket"));
        assertThat(browser.text("#t-wait")).matches("± \\d+ menit|kurang dari 1 menit");

        // N calls the next number: the only one waiting for the tax corner.
        driver.switchTo().window(consoleTab);
        pressAndWait("n");
        assertThat(browser.text(".current-number")).isEqualTo(number);
        assertThat(browser.text("#current-status")).isEqualTo("Dipanggil");
        assertThat(browser.find("button.call-button").isEnabled()).isFalse();
        browser.screenshot("queue-counter-2-called");
        pressAndWait("r");
        assertThat(browser.text(".error-box")).as("a recall right after the call").startsWith("Tunggu ")
                .endsWith(" detik lagi sebelum memanggil ulang.");
        assertThat(browser.text(".current-number")).isEqualTo(number);

        driver.switchTo().window(boardTab);
        browser.until(d -> number.equals(d.findElement(By.id("now-number")).getText()));
        assertThat(browser.text("#now-counter")).isEqualTo("G - Loket 1");
        String spoken = String.join(" ", number.substring(1).chars()
                .mapToObj(c -> List.of("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
                        "sembilan").get(c - '0')).toList());
        browser.until(d -> browser.js("return window.satuPintuBoard.lastAnnouncement") != null);
        assertThat(browser.js("return window.satuPintuBoard.lastAnnouncement"))
                .isEqualTo("Nomor antrian ge " + spoken + ", silakan ke loket satu");
        browser.screenshot("queue-board-2-called");

        driver.switchTo().window(phoneTab);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("called")));
        assertThat(browser.text("#called")).isEqualTo("Nomor Anda dipanggil — silakan ke G - Loket 1");
        assertThat(browser.text("#t-status")).isEqualTo("Dipanggil");
        assertThat(browser.text("#t-counter")).isEqualTo("G - Loket 1");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("queue-status-2-called-phone");

        // Start (S) and finish (F) at the console; the phone says thank you.
        driver.switchTo().window(consoleTab);
        pressAndWait("s");
        assertThat(browser.text("#current-status")).isEqualTo("Sedang dilayani");
        browser.screenshot("queue-counter-3-serving");
        pressAndWait("f");
        assertThat(browser.all(".current-number")).isEmpty();
        assertThat(browser.text(".no-current")).isEqualTo("Tidak ada nomor di loket ini.");
        assertThat(browser.consoleErrors()).isEmpty();

        driver.switchTo().window(phoneTab);
        browser.until(d -> d.findElement(By.id("t-final")).getText().equals("Layanan selesai. Terima kasih telah berkunjung."));
        assertThat(browser.text("#t-status")).isEqualTo("Selesai");
        assertThat(browser.driver().findElement(By.id("called")).isDisplayed()).isFalse();
        browser.screenshot("queue-status-3-done-phone");

        // Nobody else waits for the counter: calling again says so.
        driver.switchTo().window(consoleTab);
        clickAndWait("button.call-button");
        assertThat(browser.text(".notice")).isEqualTo("Tidak ada yang menunggu untuk layanan loket ini.");
        browser.screenshot("queue-counter-4-nobody-waiting");

        // A new number at the kiosk shows up in the console's waiting counts without a reload (every 15 s).
        driver.switchTo().window(kioskTab);
        browser.open("/kiosk/36.71/services/spt-asistensi");
        clickAndWait("#take");
        driver.switchTo().window(consoleTab);
        browser.js("document.documentElement.dataset.notReloaded = 'yes'");
        new WebDriverWait(driver, Duration.ofSeconds(25)).ignoring(StaleElementReferenceException.class).until(d -> waitingFor("spt-asistensi") == 1);
        assertThat(browser.find("html").getAttribute("data-not-reloaded")).isEqualTo("yes");
        assertThat(browser.text(".lines-total")).isEqualTo("Total menunggu: 1");
    }

    @Test
    void aPriorityNumberIsCalledFirstAndATransferKeepsTheCitizensPlace() {
        WebDriver driver = browser.driver();
        String regular = takeNumber("bpjs-kes", "bpjs-kes-pendaftaran", null);
        String priority = takeNumber("bpjs-kes", "bpjs-kes-pendaftaran", "ELDERLY");
        assertThat(browser.text(".slip-priority")).isEqualTo("Prioritas: Lansia (60 tahun ke atas)");
        browser.screenshot("queue-kiosk-5-priority-ticket");

        String boardTab = newTab();
        metrics(1920, 1080, false);
        browser.open("/board/36.71?lang=en");
        browser.find("#sound-on").click();
        assertThat(browser.text(".board-now .board-label")).isEqualTo("NOW CALLING");

        newTab();
        browser.open("/login");
        signIn("officer-3671-bpjs-kes");
        browser.open("/counter");
        clickAndWait(counterCard("H - Loket 1"));
        if (!browser.all("button.action-open").isEmpty()) {
            clickAndWait("button.action-open");
        }
        clickAndWait("button.call-button");
        assertThat(browser.text(".current-number")).as("the priority lane goes first").isEqualTo(priority);
        // the board in English set the language for this browser
        assertThat(browser.text(".current-meta .badge.priority")).isEqualTo("Senior citizen (60 and over)");
        clickAndWait("button.action-start");
        new Select(browser.find("#transfer-service"))
                .selectByValue("bpjs-kes-ubah-kelas");
        browser.screenshot("queue-counter-5-serving-transfer");
        clickAndWait("form.transfer button[type=submit]");
        assertThat(browser.all(".current-number")).isEmpty();
        assertThat(waitingFor("bpjs-kes-ubah-kelas")).isEqualTo(1);

        clickAndWait("button.call-button");
        assertThat(browser.text(".current-number")).as("transferred, still priority, keeps its arrival")
                .isEqualTo(priority);
        assertThat(browser.text(".current-service")).isEqualTo("Change of care class");

        driver.switchTo().window(boardTab);
        browser.until(d -> priority.equals(d.findElement(By.id("now-number")).getText()));
        browser.until(d -> browser.js("return window.satuPintuBoard.lastAnnouncement") != null);
        assertThat((String) browser.js("return window.satuPintuBoard.lastAnnouncement"))
                .startsWith("Nomor antrian ha ")
                .contains("| Number H ")
                .endsWith(", please go to counter one");
        browser.screenshot("queue-board-3-english");

        assertThat(regular).isNotEqualTo(priority);
    }

    private String takeNumber(String agency, String service, String priorityGroup) {
        browser.open("/kiosk/36.71");
        clickAndWait("a.kiosk-tile[data-agency='" + agency + "']");
        clickAndWait("a.kiosk-tile[data-service='" + service + "']");
        if (priorityGroup == null) {
            clickAndWait("#take");
        } else {
            clickAndWait("button.kiosk-tile.priority[value='" + priorityGroup + "']");
        }
        assertThat(browser.path()).startsWith("/kiosk/36.71/tickets/");
        return browser.text(".slip-number");
    }

    private void signIn(String username) {
        browser.type("#username", username);
        browser.type("#password", PASSWORD);
        clickAndWait("main form button[type=submit]");
    }

    private WebElement counterCard(String name) {
        return browser.all(".counter-cards a.card").stream()
                .filter(card -> card.findElement(By.tagName("strong")).getText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No counter " + name));
    }

    private long waitingFor(String serviceCode) {
        return Long.parseLong(browser.text("#lines tr[data-service='" + serviceCode + "'] td.num"));
    }

    /** Presses a key on the page, as an officer does for a shortcut, and waits for the page it leads to. */
    private void pressAndWait(String key) {
        leaveAndWait(() -> new Actions(browser.driver()).sendKeys(key).perform());
    }

    private void clickAndWait(String css) {
        clickAndWait(browser.find(css));
    }

    private void clickAndWait(WebElement element) {
        leaveAndWait(element::click);
    }

    /**
     * Does what leads to another page and waits for it: the old page's window carries a mark that the new one
     * lacks (sturdier than waiting for the old element to go stale while other tabs are live).
     */
    private void leaveAndWait(Runnable action) {
        browser.js("window.stillOnThePage = true;");
        action.run();
        browser.until(d -> {
            try {
                return Boolean.TRUE.equals(browser.js(
                        "return window.stillOnThePage === undefined && document.readyState === 'complete'"));
            } catch (WebDriverException e) {
                return false;
            }
        });
        browser.waitForPage();
    }

    private void assertTouchTargets(String css) {
        List<WebElement> targets = browser.all(css);
        assertThat(targets).isNotEmpty();
        assertThat(targets).allSatisfy(target -> assertThat(target.getSize().getHeight())
                .as("height of %s '%s'", css, target.getText()).isGreaterThanOrEqualTo(64));
    }

    private String newTab() {
        return browser.driver().switchTo().newWindow(WindowType.TAB).getWindowHandle();
    }

    private void metrics(int width, int height, boolean mobile) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** What the kiosk's thermal printer would get on a roll of the given width, as a PDF beside the screenshots. */
    private void printToPdf(String name, double paperMillimetres) {
        Map<String, Object> pdf = ((ChromeDriver) browser.driver()).executeCdpCommand("Page.printToPDF", Map.of(
                "paperWidth", paperMillimetres / 25.4, "paperHeight", 200 / 25.4, "marginTop", 0, "marginBottom", 0,
                "marginLeft", 0, "marginRight", 0, "printBackground", true));
        try {
            Path file = Path.of("target", "screenshots", name + ".pdf");
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) pdf.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
