package id.satupintu;

import com.zaxxer.hikari.HikariDataSource;
import id.satupintu.catalogue.Catalogue;
import id.satupintu.catalogue.MallService;
import id.satupintu.region.Malls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static id.satupintu.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second application instance on the same database, configured as an external PostgreSQL: it builds nothing
 * twice, loads no demo data, and accepts the tokens and sessions the first instance issued.
 */
@SatuPintuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests {

    static final String PASSWORD = "mpp-demo-2026";

    @LocalServerPort
    int firstPort;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Malls malls;

    SecondInstance second;
    int secondPort;

    @BeforeAll
    void startSecondInstance() {
        second = SecondInstance.on(dataSource);
        secondPort = second.port();
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void theSecondInstanceSeesTheSameDataOnce() {
        ApiClient client = new ApiClient(secondPort);
        assertThat(client.get("/api/v1/malls").json().size()).isEqualTo(14);
        assertThat(second.bean(Malls.class).count()).isEqualTo(14);
    }

    @Test
    void aTokenIssuedByOneInstanceIsAcceptedByTheOther() {
        String token = new ApiClient(firstPort).token("manager-6112", PASSWORD);
        MallService service = catalogue.activeServices(malls.getByCode("61.12").id()).getFirst();
        String body = ServiceRequests.json(catalogue, service, service.fee(), 77);
        ApiClient.Response response = new ApiClient(secondPort).putJson(
                "/api/v1/malls/61.12/services/" + service.code(), body, "Authorization", bearer(token));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(catalogue.service(service.mallId(), service.code()).dailyQuota()).isEqualTo(77);
    }

    @Test
    void aWebSessionStartedOnOneInstanceContinuesOnTheOther() {
        ApiClient browser = new ApiClient(firstPort);
        assertThat(browser.signIn("manager-3209", PASSWORD).status()).isEqualTo(302);
        ApiClient sameBrowserOnSecond = browser.onPort(secondPort);
        assertThat(sameBrowserOnSecond.get("/manage/32.09").status()).isEqualTo(200);
        assertThat(new ApiClient(secondPort).get("/manage/32.09").status()).isEqualTo(302);
    }
}
