package id.satupintu.appointment;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, on an instance that allows three public writes per client and minute: the fourth booking attempt
 * gets 429 with Retry-After in the caller's language and books nothing; reads stay open.
 */
@SatuPintuTest
class RateLimitTests {

    static final String MALL = "12.16";

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    Appointments appointments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aScriptCannotTakeAWholeQuota() {
        appointments.configure(MALL, "skck-baru", new BookingRules(true, 30, 50, 0, 1, 14, LocalTime.of(8, 0),
                Duration.ofMinutes(30), Duration.ofMinutes(15)));
        try (SecondInstance limited = SecondInstance.on(dataSource, "--satupintu.clock=2026-12-01T02:00:00Z",
                "--satupintu.rate-limit.public-writes.capacity=3")) {
            ApiClient api = new ApiClient(limited.port());
            JsonMapper json = JsonMapper.builder().build();
            for (int i = 1; i <= 3; i++) {
                ApiClient.Response booked = api.postJson("/api/v1/appointments", json.writeValueAsString(Map.of(
                        "mallCode", MALL, "serviceCode", "skck-baru", "start", "2026-12-02T08:00:00+07:00",
                        "nik", TestNiks.number("121601", i), "name", "Skrip", "phone", "0811111111")));
                assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            }
            long before = jdbc.sql("SELECT count(*) FROM appointment").query(Long.class).single();
            ApiClient.Response limitedResponse = api.postJson("/api/v1/appointments", json.writeValueAsString(Map.of(
                    "mallCode", MALL, "serviceCode", "skck-baru", "start", "2026-12-02T08:00:00+07:00",
                    "nik", TestNiks.number("121601", 4), "name", "Skrip", "phone", "0811111111")), "Accept-Language", "en");
            assertThat(limitedResponse.status()).isEqualTo(429);
            assertThat(limitedResponse.header("Retry-After")).matches("[1-9][0-9]?");
            assertThat(limitedResponse.json().get("code").asString()).isEqualTo("RATE_LIMITED");
            assertThat(limitedResponse.json().get("detail").asString()).startsWith("Too many requests from this device");
            assertThat(jdbc.sql("SELECT count(*) FROM appointment").query(Long.class).single()).isEqualTo(before);
            assertThat(api.get("/api/v1/malls/" + MALL + "/services/skck-baru/slots?date=2026-12-02").status())
                    .isEqualTo(200);
        }
    }
}
