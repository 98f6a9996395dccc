package id.satupintu.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.satupintu.SatuPintuTest;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.Counter;
import id.satupintu.demo.HistoryGenerator;
import id.satupintu.identity.StaffPrincipal;
import id.satupintu.identity.StaffRole;
import id.satupintu.queue.Channel;
import id.satupintu.queue.CounterDesk;
import id.satupintu.queue.Queue;
import id.satupintu.region.Mall;
import id.satupintu.region.Malls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager's reports and floor monitor and the national view in a real browser, on a generated month of history
 * of MPP Kota Tangerang (36.71) and a morning's live floor at MPP Musi Rawas (16.05): charts drawn, no script
 * or CSP errors, the monitor readable at a big screen's size and kept live without reloading.
 */
@SatuPintuTest
class InsightBrowserTests {

    static final String PASSWORD = "mpp-demo-2026";
    static final Locale ID = Locale.of("id");

    @RegisterExtension
    static Browser browser = new Browser();

    static boolean prepared;

    @Autowired
    HistoryGenerator generator;

    @Autowired
    Malls malls;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Queue queue;

    @Autowired
    CounterDesk desk;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void reset() {
        prepared = false;
    }

    /** A month of history, and this morning: people waiting, counters open, one paused, one visit served. */
    private void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        Mall mall = malls.getByCode("36.71");
        generator.generate(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of(mall), false);
        generator.generate(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30), malls.all(), false);
        // The live floor is that of a mall the other browser tests leave alone.
        Mall floor = malls.getByCode("16.05");
        StaffPrincipal manager = new StaffPrincipal(1, "manager-1605", "Pengelola", StaffRole.MALL_MANAGER,
                floor.id(), null);
        List<Counter> counters = catalogue.counters(floor.id());
        for (int i = 0; i < 12; i++) {
            queue.issue("16.05", i % 3 == 0 ? "akta-kelahiran" : "kk-penerbitan-perubahan", null, Channel.KIOSK, ID);
        }
        for (Counter counter : counters.subList(0, 6)) {
            desk.open(manager, counter.id());
        }
        desk.pause(manager, counters.get(6).id(), "Istirahat sholat");
        desk.callNext(manager, counters.get(0).id(), ID);
        // Someone who has waited since before the clock's morning: a wait past the alert threshold.
        jdbc.sql("""
                INSERT INTO ticket (id, mall_id, local_date, prefix, seq, number, service_id, first_service_id, channel,
                    status, arrival_at, queued_at)
                SELECT gen_random_uuid(), s.mall_id, DATE '2026-12-01', 'Z', 1, 'Z001', s.id, s.id, 'KIOSK', 'WAITING',
                    TIMESTAMPTZ '2026-12-01T01:05:00Z', TIMESTAMPTZ '2026-12-01T01:05:00Z'
                FROM service s WHERE s.mall_id = :mall AND s.code = 'akta-kelahiran'
                """)
                .param("mall", floor.id().value()).update();
    }

    @Test
    void aManagerReadsTheReportWithChartsAndDownloadsIt() {
        prepare();
        signIn("manager-3671");
        browser.open("/manage/36.71/reports?from=2026-11-01&to=2026-11-30");
        assertThat(browser.text("h1")).contains("MPP Kota Tangerang");
        browser.until(d -> (Boolean) browser.js(
                "return !!Chart.getChart(document.getElementById('chart-series'))"));
        assertThat(Long.parseLong(browser.text("[data-kpi=visitors]").replace(".", ""))).isGreaterThan(1000);
        assertThat(browser.text("[data-kpi=ikm]")).as("from the generated survey answers").matches("\\d{2}\\.\\d{2}");
        assertThat(browser.all("table[data-table=service] tbody tr")).hasSizeGreaterThan(5);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.assertNoSidewaysScrolling();
        browser.screenshot("insight-report-desktop");
        browser.phone();
        browser.open("/manage/36.71/reports?from=2026-11-01&to=2026-11-30");
        browser.assertNoSidewaysScrolling();
        browser.screenshot("insight-report-phone");
    }

    @Test
    void theFloorMonitorStaysLiveOnABigScreen() {
        prepare();
        signIn("manager-1605");
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand(
                "Emulation.setDeviceMetricsOverride", Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1,
                        "mobile", false));
        browser.open("/manage/16.05/floor");
        assertThat(Integer.parseInt(browser.text("[data-kpi=waiting]"))).isGreaterThanOrEqualTo(10);
        assertThat(browser.mainText()).contains("Istirahat sholat");
        assertThat(browser.text(".alert-banner")).contains("Penerbitan Akta Kelahiran").containsPattern("[56][0-9] menit");
        String before = browser.text("[data-kpi=waiting]");
        queue.issue("16.05", "kk-penerbitan-perubahan", null, Channel.KIOSK, ID);
        browser.until(d -> !d.findElement(By.cssSelector("[data-kpi=waiting]")).getText().equals(before));
        assertThat(Integer.parseInt(browser.text("[data-kpi=waiting]"))).isEqualTo(Integer.parseInt(before) + 1);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.assertNoSidewaysScrolling();
        browser.screenshot("insight-floor-1920x1080");
    }

    @Test
    void theNationalAdministratorComparesMallsAndDrillsDown() {
        prepare();
        signIn("admin");
        browser.open("/manage/national?from=2026-11-23&to=2026-11-30&rank=volume");
        assertThat(browser.all("table.national tbody tr")).hasSize(14);
        assertThat(browser.text("table.national tbody tr:first-child")).contains("MPP Kota Tangerang");
        browser.until(d -> (Boolean) browser.js("return !!Chart.getChart(document.querySelector('canvas.spark'))"));
        assertThat(browser.consoleErrors()).isEmpty();
        browser.assertNoSidewaysScrolling();
        browser.screenshot("insight-national-desktop");
        browser.clickAndWait("table.national tbody tr:first-child a");
        assertThat(browser.path()).startsWith("/manage/36.71/reports");
    }

    private void signIn(String username) {
        browser.open("/login");
        browser.type("#username", username);
        browser.type("#password", PASSWORD);
        browser.clickAndWait("main form button[type=submit]");
    }
}
