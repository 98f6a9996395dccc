package id.satupintu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.region.Malls;
import id.satupintu.survey.SurveyFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The satisfaction survey in a real browser at MPP Kabupaten Kubu Raya (61.12), on services of the tests' own under
 * BPN: a citizen rates a finished ticket from its status page and sees the mall's published index change; the tablet
 * at a counter offers the survey of the ticket just finished and resets; a manager types in paper questionnaires by
 * keyboard alone.
 */
@SatuPintuTest
class SurveyBrowserTests {

    static final String MALL = "61.12";
    static final String PASSWORD = SurveyFixtures.PASSWORD;

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aCitizenRatesAFinishedTicketFromItsStatusPageAndThePublishedIndexChanges() {
        SurveyFixtures service = new SurveyFixtures(api, catalogue, malls, MALL, "bpn", "SB");
        String ikmPage = "/malls/" + MALL + "/ikm?serviceCode=" + service.serviceCode();
        browser.open(ikmPage);
        assertThat(browser.text("#respondents")).isEqualTo("0");
        assertThat(browser.text("#ikm-grade")).isEqualTo("Belum ada jawaban");
        assertThat(browser.find("#no-answers").isDisplayed()).isTrue();

        // The citizen follows the ticket on the phone; when the counter finishes it, the survey is offered there.
        String ticket = service.waitingTicket();
        browser.phone().open("/t/" + ticket);
        assertThat(browser.driver().findElement(By.id("survey")).isDisplayed()).isFalse();
        service.serve(ticket);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-link")));
        assertThat(browser.text("#survey h2")).isEqualTo("Bagaimana pelayanan kami?");
        assertThat(browser.find("#survey .survey-qr").getSize().getWidth()).isGreaterThan(100);
        browser.assertNoSidewaysScrolling();
        browser.screenshot("survey-1-status-offer-phone");

        browser.clickAndWait("#survey-link");
        assertThat(browser.path()).isEqualTo("/survey/ticket/" + ticket);
        assertThat(browser.text("h1")).isEqualTo("Survei Kepuasan Masyarakat");
        assertThat(browser.all("fieldset.question")).hasSize(9);
        assertThat(browser.text("#q-U1 legend")).startsWith("1. Bagaimana pendapat Anda tentang kesesuaian persyaratan");
        assertThat(browser.text("#q-U1 .choice-1")).contains("Tidak baik");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("survey-2-form-phone");
        Map<String, Integer> answers = Map.of("U1", 4, "U2", 3, "U3", 2, "U4", 4, "U5", 3, "U6", 4, "U7", 4,
                "U8", 3, "U9", 3);
        answers.forEach((element, score) -> browser.find("#q-" + element + " .choice-" + score).click());
        browser.find(".profile summary").click();
        browser.type("#age", "41");
        new Select(browser.find("#sex")).selectByValue("MALE");
        browser.screenshot("survey-3-form-answered-phone");
        browser.clickAndWait("#send");
        assertThat(browser.path()).isEqualTo("/survey/thanks");
        assertThat(browser.text("h1")).isEqualTo("Terima kasih");
        browser.screenshot("survey-4-thanks-phone");

        // A second try from the same link is turned away kindly.
        browser.open("/survey/ticket/" + ticket);
        assertThat(browser.text("h1")).isEqualTo("Survei sudah diisi");

        // The mall's page links to its published results, which now count the answer.
        browser.desktop().open("/malls/" + MALL);
        browser.clickAndWait("#ikm-link");
        assertThat(browser.path()).isEqualTo("/malls/" + MALL + "/ikm");
        assertThat(browser.text("h1")).isEqualTo("Indeks Kepuasan Masyarakat");
        new Select(browser.find("#serviceCode")).selectByValue(service.serviceCode());
        browser.clickAndWait("#show");
        assertThat(browser.text("#respondents")).isEqualTo("1");
        // 4 3 2 4 3 4 4 3 3: the NRRs sum to 30, so 30 / 9 x 25 = 83,33 (B)
        assertThat(browser.text("#ikm-value")).isEqualTo("83,33");
        assertThat(browser.text("#ikm-grade")).isEqualTo("Mutu B · Baik");
        assertThat(browser.text("#element-U3")).contains("terlemah").contains("50,00");
        assertThat(browser.find("#element-U3").getAttribute("class")).contains("weak");
        assertThat(browser.text("#weakest")).contains("U3 Waktu penyelesaian");
        assertThat(browser.text("#sample-verdict")).isEqualTo("Tercapai");
        browser.until(d -> browser.find("#elements-chart").getSize().getHeight() > 100);
        browser.until(d -> browser.find("#trend-chart").getSize().getHeight() > 100);
        assertThat(browser.all("#export-pdf")).as("exports are for managers").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.assertNoSidewaysScrolling();
        browser.screenshot("survey-5-ikm-desktop");
        browser.phone().open(ikmPage);
        browser.until(d -> browser.find("#elements-chart").getSize().getHeight() > 100);
        browser.assertNoSidewaysScrolling();
        browser.screenshot("survey-6-ikm-phone");
    }

    @Test
    void theDemoMallPublishesItsIndexInEnglishToo() {
        browser.open("/malls/73.13/ikm?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Community satisfaction index");
        assertThat(browser.find("#demo-note").isDisplayed()).isTrue();
        assertThat(Integer.parseInt(browser.text("#respondents").replace(",", ""))).isGreaterThan(300);
        assertThat(browser.text("#ikm-grade")).startsWith("Grade ");
        assertThat(browser.all("#weakest li")).hasSize(3);
        assertThat(browser.all("#trend-table tbody tr")).hasSize(12);
        browser.until(d -> browser.find("#trend-chart").getSize().getHeight() > 100);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("survey-7-ikm-demo-en-desktop");
    }

    @Test
    void theCounterTabletOffersTheSurveyOfTheTicketJustFinishedAndWaitsForTheNext() {
        SurveyFixtures service = new SurveyFixtures(api, catalogue, malls, MALL, "bpn", "SC");
        browser.open("/login");
        signIn("officer-6112-bpn");
        tablet();
        browser.open("/staff/counters/" + service.counter() + "/survey");
        assertThat(browser.all(".site-header")).as("the citizen sees no staff navigation").isEmpty();
        assertThat(browser.text("#waiting h1")).isEqualTo("Selamat datang");
        browser.screenshot("survey-8-tablet-waiting");

        service.finishedTicket();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("tablet-form")));
        assertThat(browser.text("h1")).isEqualTo("Bagaimana pelayanan kami?");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("survey-9-tablet-form");
        for (String element : List.of("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")) {
            browser.find("#q-" + element + " .choice-4").click();
        }
        browser.clickAndWait("#send");
        assertThat(browser.text("#thanks h1")).isEqualTo("Terima kasih!");
        browser.screenshot("survey-10-tablet-thanks");
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting")));

        // The next citizen walks away without answering: skipping brings the tablet back to waiting.
        service.finishedTicket();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("tablet-form")));
        browser.clickAndWait("#skip");
        assertThat(browser.find("#waiting").isDisplayed()).isTrue();
        assertThat(api.get("/api/v1/malls/" + MALL + "/ikm?serviceCode=" + service.serviceCode()).json()
                .get("sources").toString()).isEqualTo("{\"TABLET\":1}");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aManagerTypesPaperQuestionnairesWithTheKeyboardAlone() {
        SurveyFixtures service = new SurveyFixtures(api, catalogue, malls, MALL, "bpn", "SD");
        browser.open("/login");
        signIn("manager-6112");
        browser.open("/manage/" + MALL);
        browser.clickAndWait(browser.driver().findElement(By.linkText("Survei (SKM)")));
        browser.screenshot("survey-11-manage");
        browser.clickAndWait("#paper-entry");
        assertThat(browser.path()).isEqualTo("/manage/" + MALL + "/surveys/paper");
        new Select(browser.find("#service")).selectByValue(service.serviceCode());
        browser.find("#U1").click();

        typeSheet("4", "3", "4", "4", "3", "4", "4", "2", "3");
        assertThat(browser.text("#saved")).isEqualTo("Lembar ke-1 tersimpan. Silakan ketik lembar berikutnya.");
        assertThat(focused()).as("the focus is back on the first answer").isEqualTo("U1");
        assertThat(new Select(browser.find("#service")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(service.serviceCode());
        typeSheet("3", "3", "", "4", "", "3", "4", "", "3");
        assertThat(browser.text("#count")).isEqualTo("Lembar tersimpan dalam sesi ini: 2");
        assertThat(focused()).isEqualTo("U1");

        typeSheet("5", "", "", "", "", "", "", "", "");
        assertThat(browser.text("#count")).as("a 5 is not saved").isEqualTo("Lembar tersimpan dalam sesi ini: 2");
        browser.screenshot("survey-12-paper");

        // U1 by two (4, 3) -> 3.5; U3 by one -> 4.0; ...
        var ikm = api.get("/api/v1/malls/" + MALL + "/ikm?serviceCode=" + service.serviceCode()).json();
        assertThat(ikm.get("respondents").asLong()).isEqualTo(2);
        assertThat(ikm.get("elements").get(0).get("nrr").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(ikm.get("elements").get(2).get("respondents").asLong()).isEqualTo(1);
        assertThat(ikm.get("sources").toString()).isEqualTo("{\"PAPER\":2}");

        browser.open("/malls/" + MALL + "/ikm?serviceCode=" + service.serviceCode());
        assertThat(browser.find("#export-pdf").getAttribute("href")).contains("/manage/61.12/surveys/report.pdf");
        browser.phone().open("/manage/" + MALL + "/surveys/paper");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("survey-13-paper-phone");
    }

    /** Types one sheet: a digit (or nothing) per element with Tab between them, then Enter. */
    private void typeSheet(String... answers) {
        WebDriver driver = browser.driver();
        for (int i = 0; i < answers.length; i++) {
            driver.switchTo().activeElement().sendKeys(answers[i]);
            if (i + 1 < answers.length) {
                driver.switchTo().activeElement().sendKeys(Keys.TAB);
            }
        }
        WebElement html = driver.findElement(By.tagName("html"));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        if (!answers[0].equals("5")) {
            browser.until(ExpectedConditions.stalenessOf(html));
        }
        browser.waitForPage();
    }

    private String focused() {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    private void tablet() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 800, "height", 1280, "deviceScaleFactor", 1, "mobile", true));
    }

    private void signIn(String username) {
        browser.type("#username", username);
        browser.type("#password", PASSWORD);
        browser.clickAndWait("main form button[type=submit]");
    }
}
