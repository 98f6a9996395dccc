package id.satupintu.complaint;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SP4N-LAPOR! adapter against a mock of LAPOR!'s HTTP API. */
class LaporHttpGatewayTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LaporGateway.Report REPORT = new LaporGateway.Report("ADU-K7M4-X9QP-3RTA",
            Instant.parse("2026-12-01T02:00:00Z"), "ILLEGAL_FEES", "Diminta uang Rp50.000 agar berkas cepat selesai.",
            "Dinas Kependudukan dan Pencatatan Sipil, MPP Kabupaten Musi Rawas", "16.05");

    MockWebServer lapor;
    HttpLaporGateway gateway;

    @BeforeEach
    void start() throws Exception {
        lapor = new MockWebServer();
        lapor.start();
        gateway = new HttpLaporGateway(new HttpLaporGateway.Settings(URI.create(lapor.url("/api/v1/").toString()),
                "lapor-key", Duration.ofMillis(500), Duration.ofMillis(300), 2, Duration.ofMillis(10)), JSON);
    }

    @AfterEach
    void stop() {
        lapor.close();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    @Test
    void aReportIsFiledWithTheKeyWhatItIsAboutAndNoPersonalData() throws Exception {
        lapor.enqueue(json(201, "{\"id\":\"LAPOR-2026-00042\",\"status\":\"RECEIVED\"}"));
        assertThat(gateway.submit(REPORT)).isEqualTo("LAPOR-2026-00042");
        RecordedRequest request = lapor.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/api/v1/reports");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer lapor-key");
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("ADU-K7M4-X9QP-3RTA-1796090400");
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.get("reference").asString()).isEqualTo("ADU-K7M4-X9QP-3RTA");
        assertThat(body.get("category").asString()).isEqualTo("ILLEGAL_FEES");
        assertThat(body.get("regionCode").asString()).isEqualTo("16.05");
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("reference", "category", "description",
                "institution", "regionCode");
    }

    @Test
    void aStatusWithAnAnswerIsRead() throws Exception {
        lapor.enqueue(json(200, "{\"id\":\"LAPOR-2026-00042\",\"status\":\"answered\","
                + "\"reply\":\"Petugas yang bersangkutan telah diberi sanksi.\"}"));
        LaporGateway.Status status = gateway.status("LAPOR-2026-00042");
        assertThat(status.state()).isEqualTo(LaporGateway.State.ANSWERED);
        assertThat(status.reply()).isEqualTo("Petugas yang bersangkutan telah diberi sanksi.");
        assertThat(lapor.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/v1/reports/LAPOR-2026-00042");
    }

    @Test
    void aServerErrorIsTriedAgain() {
        lapor.enqueue(status(503));
        lapor.enqueue(status(502));
        lapor.enqueue(json(200, "{\"id\":\"LAPOR-2026-00043\"}"));
        assertThat(gateway.submit(REPORT)).isEqualTo("LAPOR-2026-00043");
        assertThat(lapor.getRequestCount()).isEqualTo(3);
    }

    @Test
    void noAnswerInTimeIsTriedAgainAndThenReportedUnavailable() {
        for (int i = 0; i < 3; i++) {
            lapor.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build());
        }
        assertThatThrownBy(() -> gateway.status("LAPOR-2026-00042"))
                .isInstanceOf(LaporGateway.LaporUnavailable.class).hasMessageContaining("did not answer");
        assertThat(lapor.getRequestCount()).as("the first try and two more").isEqualTo(3);
    }

    @Test
    void aRefusalIsNotTriedAgainAndNeitherIsAnAnswerWithoutAnId() {
        lapor.enqueue(status(401));
        assertThatThrownBy(() -> gateway.submit(REPORT)).isInstanceOf(LaporGateway.LaporUnavailable.class)
                .hasMessageContaining("401");
        assertThat(lapor.getRequestCount()).isEqualTo(1);
        lapor.enqueue(json(201, "{\"status\":\"RECEIVED\"}"));
        assertThatThrownBy(() -> gateway.submit(REPORT)).isInstanceOf(LaporGateway.LaporUnavailable.class);
        assertThat(lapor.getRequestCount()).isEqualTo(2);
    }
}
