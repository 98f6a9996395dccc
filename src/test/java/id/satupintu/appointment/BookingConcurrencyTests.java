package id.satupintu.appointment;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.SecondInstance;
import id.satupintu.catalogue.MallService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking rush through real HTTP on real PostgreSQL, on two application instances sharing the database: a slot
 * never gets more bookings than seats, and one NIK never gets two bookings of a service on a day.
 */
@SatuPintuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingConcurrencyTests {

    static final String MALL = "33.28";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Appointments appointments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HikariDataSource dataSource;

    SecondInstance second;

    @BeforeAll
    void startSecondInstance() {
        second = SecondInstance.on(dataSource, "--satupintu.clock=2026-12-01T02:00:00Z");
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    MallService bookable(String serviceCode, int seatsPerSlot) {
        return appointments.configure(MALL, serviceCode, new BookingRules(true, 240, seatsPerSlot, 0, 1, 14,
                LocalTime.of(8, 0), Duration.ofMinutes(30), Duration.ofMinutes(15)));
    }

    @Test
    void twoThousandAttemptsForAHundredSeatsOnTwoInstancesGiveExactlyAHundredBookings() throws Exception {
        MallService service = bookable("pbb-p2", 100);
        String start = "2026-12-03T07:30:00+07:00";
        ApiClient first = new ApiClient(port);
        ApiClient other = new ApiClient(second.port());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        race(2000, i -> {
            ApiClient client = i % 2 == 0 ? first : other;
            ApiClient.Response response = client.postJson("/api/v1/appointments",
                    body(service.code(), start, TestNiks.number("332801", i + 1)));
            String outcome = response.status() == 201 ? "201" : response.status() + " " + codeOf(response);
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        });
        assertThat(outcomes.keySet()).containsExactlyInAnyOrder("201", "409 SLOT_FULL");
        assertThat(outcomes.get("201").get()).isEqualTo(100);
        assertThat(outcomes.get("409 SLOT_FULL").get()).isEqualTo(1900);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM appointment a JOIN mall m ON m.id = a.mall_id
                WHERE m.code = :mall AND a.service_id = :service AND a.starts_at = CAST(:start AS timestamptz)
                """).param("mall", MALL).param("service", service.id().value()).param("start", start)
                .query(Long.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("""
                SELECT booked FROM appointment_slot s JOIN mall m ON m.id = s.mall_id
                WHERE m.code = :mall AND s.service_id = :service AND s.starts_at = CAST(:start AS timestamptz)
                """).param("mall", MALL).param("service", service.id().value()).param("start", start)
                .query(Integer.class).single()).isEqualTo(100);
    }

    @Test
    void theSameNikRacingItselfOnTwoInstancesGetsOneBooking() throws Exception {
        MallService service = bookable("pbb-p2-mutasi", 100);
        ApiClient first = new ApiClient(port);
        ApiClient other = new ApiClient(second.port());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        race(60, i -> {
            ApiClient client = i % 2 == 0 ? first : other;
            // Different slots of the same day: the rule is one booking per NIK, service and day.
            String start = i % 3 == 0 ? "2026-12-03T07:30:00+07:00" : "2026-12-03T11:30:00+07:00";
            ApiClient.Response response = client.postJson("/api/v1/appointments",
                    body(service.code(), start, TestNiks.number(7777)));
            String outcome = response.status() == 201 ? "201" : response.status() + " " + codeOf(response);
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        });
        assertThat(outcomes.get("201").get()).as(outcomes.toString()).isEqualTo(1);
        assertThat(outcomes.get("409 DUPLICATE_BOOKING").get()).as(outcomes.toString()).isEqualTo(59);
        assertThat(jdbc.sql("SELECT coalesce(sum(booked), 0) FROM appointment_slot WHERE service_id = :service")
                .param("service", service.id().value()).query(Integer.class).single()).isEqualTo(1);
    }

    interface Attempt {
        void run(int i) throws Exception;
    }

    private static void race(int attempts, Attempt attempt) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (int i = 0; i < attempts; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    attempt.run(n);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        }
    }

    private static String body(String service, String start, String nik) {
        return JSON.writeValueAsString(Map.of("mallCode", MALL, "serviceCode", service, "start", start, "nik", nik,
                "name", "Warga Uji", "phone", "081234567890"));
    }

    private static String codeOf(ApiClient.Response response) {
        try {
            return response.json().get("code").asString();
        } catch (RuntimeException e) {
            return response.body();
        }
    }
}
