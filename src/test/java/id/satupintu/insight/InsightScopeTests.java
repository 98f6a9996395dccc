package id.satupintu.insight;

import java.util.List;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.satupintu.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** A manager sees only their own mall, an officer no insight at all, the national view is for the ministry only. */
@SatuPintuTest
class InsightScopeTests {

    static final String PASSWORD = "mpp-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Someone has waited since 08:05 WIB, 55 minutes before the tests' clock starts: past the default 45, an alert. */
    @Test
    void theMonitorRaisesAnAlertWhenAWaitPassesTheThreshold() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", PASSWORD);
        // Other tests of this shared application may have left tickets waiting at the mall.
        int waitingBefore = api.get("/api/v1/insight/malls/11.06/floor", "Authorization", bearer(admin)).json()
                .get("waiting").asInt();
        jdbc.sql("""
                INSERT INTO ticket (id, mall_id, local_date, prefix, seq, number, service_id, first_service_id, channel,
                    status, arrival_at, queued_at)
                SELECT gen_random_uuid(), s.mall_id, DATE '2026-12-01', 'Z', 1, 'Z001', s.id, s.id, 'KIOSK', 'WAITING',
                    TIMESTAMPTZ '2026-12-01T01:05:00Z', TIMESTAMPTZ '2026-12-01T01:05:00Z'
                FROM service s JOIN mall m ON m.id = s.mall_id WHERE m.code = '11.06' AND s.code = 'akta-kelahiran'
                """).update();
        var floor = api.get("/api/v1/insight/malls/11.06/floor", "Authorization", bearer(admin)).json();
        assertThat(floor.get("longestWaitMinutes").asLong()).as("the clock runs on from 09:00").isBetween(55L, 70L);
        assertThat(floor.get("alerts").valueStream().map(alert -> alert.get("code").asString()))
                .contains("akta-kelahiran");
        assertThat(floor.get("targets").get("alertWaitMinutes").asInt()).isEqualTo(45);
        assertThat(floor.get("waiting").asInt()).isEqualTo(waitingBefore + 1);
    }

    @Test
    void theApiKeepsEveryoneInTheirScope() {
        ApiClient api = new ApiClient(port);
        String manager = api.token("manager-3671", PASSWORD);
        String officer = api.token("officer-3671-dukcapil", PASSWORD);
        String admin = api.token("admin", PASSWORD);
        for (String path : List.of("/api/v1/insight/malls/36.71/report", "/api/v1/insight/malls/36.71/floor")) {
            assertThat(api.get(path, "Authorization", bearer(manager)).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, "Authorization", bearer(admin)).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, "Authorization", bearer(officer)).status()).as(path).isEqualTo(403);
            assertThat(api.get(path).status()).as(path).isEqualTo(401);
            String otherMall = path.replace("36.71", "74.02");
            ApiClient.Response refused = api.get(otherMall, "Authorization", bearer(manager));
            assertThat(refused.status()).as(otherMall).isEqualTo(403);
            assertThat(refused.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        }
        assertThat(api.get("/api/v1/insight/national", "Authorization", bearer(admin)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/insight/national", "Authorization", bearer(manager)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/insight/national", "Authorization", bearer(officer)).status()).isEqualTo(403);
    }

    @Test
    void thePagesKeepEveryoneInTheirScope() {
        ApiClient manager = new ApiClient(port);
        manager.signIn("manager-3671", PASSWORD);
        assertThat(manager.get("/manage/36.71/reports").status()).isEqualTo(200);
        assertThat(manager.get("/manage/36.71/floor").status()).isEqualTo(200);
        assertThat(manager.get("/manage/36.71/floor/live").status()).isEqualTo(200);
        assertThat(manager.get("/manage/36.71/reports.csv").status()).isEqualTo(200);
        assertThat(manager.get("/manage/74.02/reports").status()).isEqualTo(403);
        assertThat(manager.get("/manage/74.02/floor").status()).isEqualTo(403);
        assertThat(manager.get("/manage/74.02/reports.pdf").status()).isEqualTo(403);
        assertThat(manager.get("/manage/national").status()).isEqualTo(403);

        ApiClient officer = new ApiClient(port);
        officer.signIn("officer-3671-dukcapil", PASSWORD);
        assertThat(officer.get("/manage/36.71/reports").status()).isEqualTo(403);
        assertThat(officer.get("/manage/36.71/floor").status()).isEqualTo(403);
        assertThat(officer.get("/manage/national").status()).isEqualTo(403);

        ApiClient admin = new ApiClient(port);
        admin.signIn("admin", PASSWORD);
        assertThat(admin.get("/manage/national").status()).isEqualTo(200);
        assertThat(admin.get("/manage/74.02/reports").status()).isEqualTo(200);

        assertThat(new ApiClient(port).get("/manage/36.71/floor").status()).as("anonymous: to the sign-in page")
                .isEqualTo(302);
    }

    @Test
    void exportsComeInTheirFormats() {
        ApiClient manager = new ApiClient(port);
        manager.signIn("manager-3671", PASSWORD);
        ApiClient.Response csv = manager.get("/manage/36.71/reports.csv?from=2026-11-01&to=2026-11-30");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("laporan-3671-2026-11-01-2026-11-30.csv");
        assertThat(csv.body()).contains("MPP Kota Tangerang").contains("Pengunjung");
        ApiClient.Response xlsx = manager.get("/manage/36.71/reports.xlsx?from=2026-11-01&to=2026-11-30");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith("PK");
        ApiClient.Response pdf = manager.get("/manage/36.71/reports.pdf?from=2026-11-01&to=2026-11-30");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(manager.get("/manage/36.71/reports.doc").status()).isEqualTo(400);
    }

    @Test
    void aBadPeriodIsANamedClientError() {
        ApiClient api = new ApiClient(port);
        String manager = api.token("manager-3671", PASSWORD);
        ApiClient.Response reversed = api.get("/api/v1/insight/malls/36.71/report?from=2026-11-30&to=2026-11-01",
                "Authorization", bearer(manager), "Accept-Language", "en");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("code").asString()).isEqualTo("INVALID_PERIOD");
        assertThat(reversed.json().get("detail").asString()).contains("30 November 2026");
        assertThat(api.get("/api/v1/insight/malls/36.71/report?from=yesterday", "Authorization", bearer(manager))
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v1/insight/malls/36.71/report?by=hour", "Authorization", bearer(manager))
                .json().get("code").asString()).isEqualTo("INVALID_CHOICE");
    }
}
