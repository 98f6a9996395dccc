package id.satupintu.insight;

import java.util.Map;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static id.satupintu.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** A mall report carries the survey's IKM for its period and the complaints received in it. */
@SatuPintuTest
class InsightFeedbackTests {

    static final String PASSWORD = "mpp-demo-2026";

    @LocalServerPort
    int port;

    @Test
    void theMallReportShowsTheSurveysIkmAndTheComplaintsOfItsPeriod() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", PASSWORD);
        String period = "?from=2026-01-01&to=2026-12-01";
        JsonNode before = api.get("/api/v1/insight/malls/73.13/report" + period, "Authorization", bearer(admin))
                .json().get("feedback");
        JsonNode published = api.get("/api/v1/malls/73.13/ikm" + period).json();
        assertThat(before.get("available").asBoolean()).isTrue();
        assertThat(before.get("ikm").decimalValue()).isEqualByComparingTo(published.get("ikm").decimalValue());
        assertThat(before.get("respondents").asLong()).isEqualTo(published.get("respondents").asLong())
                .isPositive();

        ApiClient.Response filed = api.postJson("/api/v1/complaints", JsonMapper.builder().build().writeValueAsString(
                Map.of("mallCode", "73.13", "category", "FACILITIES",
                        "description", "Pendingin ruangan di ruang tunggu mati sepanjang hari ini.")));
        assertThat(filed.status()).isEqualTo(201);
        JsonNode after = api.get("/api/v1/insight/malls/73.13/report" + period, "Authorization", bearer(admin))
                .json().get("feedback");
        assertThat(after.get("complaints").asLong()).isEqualTo(before.get("complaints").asLong() + 1);
        assertThat(after.get("resolved").asLong()).isEqualTo(before.get("resolved").asLong());
    }
}
