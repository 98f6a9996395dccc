package id.satupintu.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import id.satupintu.ApiClient;
import id.satupintu.SatuPintuTest;
import id.satupintu.audit.SecurityLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Repeated failed sign-ins lock the account, and repeated failures from one address lock the address, for a while,
 * at every door: the staff form, the staff token endpoint, the integrators' token endpoint and the citizen's code.
 * Over real HTTP; each test comes from addresses of its own (X-Forwarded-For from the local proxy range).
 */
@SatuPintuTest
class SignInThrottleTests {

    static final String PASSWORD = "mpp-demo-2026";
    static final String CLIENT_SECRET = "mpp-demo-2026";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecurityLog securityLog;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Citizens citizens;

    @AfterEach
    void unlock() {
        jdbc.sql("DELETE FROM sign_in_failure WHERE subject IN ('officer-6112-bpn', 'superapp-demo') "
                + "OR subject LIKE '203.0.113.%'").update();
    }

    ApiClient.Response token(ApiClient api, String username, String password, String address) {
        return api.postJson("/api/v1/auth/token",
                JSON.writeValueAsString(Map.of("username", username, "password", password)),
                "X-Forwarded-For", address, "Accept-Language", "en");
    }

    @Test
    void theTokenEndpointLocksAnAccountAfterFiveFailuresForFifteenMinutes() {
        ApiClient api = new ApiClient(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(token(api, "officer-6112-bpn", "wrong-" + i, "203.0.113." + i).status()).isEqualTo(401);
        }
        ApiClient.Response fifth = token(api, "officer-6112-bpn", "wrong-5", "203.0.113.5");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.header("Retry-After")).isEqualTo("900");
        assertThat(fifth.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fifth.json().get("code").asString()).isEqualTo("SIGN_IN_THROTTLED");
        assertThat(fifth.json().get("detail").asString())
                .isEqualTo("Too many failed sign-ins. Please try again in 15 minutes.");

        ApiClient.Response right = token(api, "officer-6112-bpn", PASSWORD, "203.0.113.6");
        assertThat(right.status()).as("even the right password waits, from any address").isEqualTo(429);
        assertThat(token(api, "officer-6112-bpn", PASSWORD, "203.0.113.6").header("Retry-After")).isEqualTo("900");
        assertThat(token(api, "manager-3671", PASSWORD, "203.0.113.6").status()).as("other accounts are open")
                .isEqualTo(200);

        assertThat(securityLog.latestAbout("staff:officer-6112-bpn", 5)).first().satisfies(entry -> {
            assertThat(entry.event().kind()).isEqualTo(SecurityLog.Kind.ACCOUNT_SIGN_IN_LOCKED);
            assertThat(entry.event().address()).isEqualTo("203.0.113.5");
        });
    }

    @Test
    void aCorrectSignInClearsTheFailuresAndCorrectSignInsAreNeverThrottled() {
        ApiClient api = new ApiClient(port);
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= 4; i++) {
                assertThat(token(api, "officer-6112-bpn", "wrong", "203.0.113.20").status()).isEqualTo(401);
            }
            assertThat(token(api, "officer-6112-bpn", PASSWORD, "203.0.113.20").status()).isEqualTo(200);
        }
        for (int i = 0; i < 12; i++) {
            assertThat(token(api, "officer-6112-bpn", PASSWORD, "203.0.113.21").status()).isEqualTo(200);
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedWhileOthersGoOn() {
        ApiClient api = new ApiClient(port);
        for (int i = 1; i < 30; i++) {
            assertThat(token(api, "guess-" + i, "wrong", "203.0.113.30").status()).isEqualTo(401);
        }
        assertThat(token(api, "guess-30", "wrong", "203.0.113.30").status()).isEqualTo(429);
        assertThat(token(api, "officer-6112-bpn", PASSWORD, "203.0.113.30").status())
                .as("the address is locked, whatever the account").isEqualTo(429);
        assertThat(token(api, "officer-6112-bpn", PASSWORD, "203.0.113.31").status())
                .as("the account itself is not locked").isEqualTo(200);
        assertThat(securityLog.latestAbout("staff@203.0.113.30", 1)).first()
                .satisfies(entry -> assertThat(entry.event().kind()).isEqualTo(SecurityLog.Kind.ADDRESS_SIGN_IN_LOCKED));
    }

    @Test
    void theSignInFormSaysHowLongToWaitInTheVisitorsLanguage() {
        ApiClient web = new ApiClient(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn(web, "officer-6112-bpn", "wrong", "203.0.113.40").header("Location"))
                    .endsWith("/login?error");
        }
        assertThat(signIn(web, "officer-6112-bpn", "wrong", "203.0.113.40").header("Location"))
                .endsWith("/login?locked=15");
        ApiClient.Response right = signIn(web, "officer-6112-bpn", PASSWORD, "203.0.113.41");
        assertThat(right.header("Location")).endsWith("/login?locked=15");
        assertThat(web.get("/staff").status()).as("not signed in").isEqualTo(302);
        assertThat(web.get("/login?locked=15").body())
                .contains("Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi dalam 15 menit.");
        assertThat(web.get("/login?locked=15&lang=en").body())
                .contains("Too many failed sign-ins. For your security, please try again in 15 minutes.");
        assertThat(web.get("/login?locked=%3Cb%3E").body()).as("only a number is shown")
                .doesNotContain("Too many failed");
    }

    @Test
    void anIntegratorsClientIsLockedAfterFiveWrongSecrets() {
        ApiClient api = new ApiClient(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(clientToken(api, "wrong-secret-" + i, "203.0.113.50").status()).isEqualTo(401);
        }
        ApiClient.Response fifth = clientToken(api, "wrong-secret-5", "203.0.113.50");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.header("Retry-After")).isEqualTo("900");
        assertThat(fifth.json().get("code").asString()).isEqualTo("SIGN_IN_THROTTLED");
        assertThat(clientToken(api, CLIENT_SECRET, "203.0.113.51").status()).isEqualTo(429);
        assertThat(securityLog.latestAbout("client:superapp-demo", 1)).isNotEmpty();
        jdbc.sql("DELETE FROM sign_in_failure WHERE door = 'CLIENT'").update();
        assertThat(clientToken(api, CLIENT_SECRET, "203.0.113.51").status()).isEqualTo(200);
    }

    @Test
    void aCitizenCodeIsRefusedForAWhileAfterTenWrongTries() throws Exception {
        String nik = "3671011708850002";
        citizens.registerVerified(nik, "Budi Santoso", java.time.LocalDate.of(1985, 8, 17),
                CitizenAccountTests.BUDI_EMAIL, "0812-3456-7890");
        ApiClient web = new ApiClient(port);
        int mails = (int) id.satupintu.TestMailServer.count(CitizenAccountTests.BUDI_EMAIL, TestCitizens.SUBJECT);
        try {
            int wrongTries = 0;
            ApiClient.Response answer = null;
            while (wrongTries < 10) {
                requestCode(web, nik, "203.0.113.60");
                String code = TestCitizens.awaitCode(CitizenAccountTests.BUDI_EMAIL, ++mails);
                String wrong = "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
                for (int i = 0; i < 5 && wrongTries < 10; i++, wrongTries++) {
                    answer = enterCode(web, wrong, "203.0.113.60");
                }
            }
            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.header("Retry-After")).isEqualTo("900");
            assertThat(answer.body()).contains("Terlalu banyak percobaan masuk yang gagal");

            requestCode(web, nik, "203.0.113.61");
            String code = TestCitizens.awaitCode(CitizenAccountTests.BUDI_EMAIL, ++mails);
            ApiClient.Response right = enterCode(web, code, "203.0.113.61");
            assertThat(right.status()).as("the right code waits too").isEqualTo(429);
            assertThat(web.get("/citizen").status()).isEqualTo(302);
            assertThat(securityLog.latestAbout("citizen:" + jdbc.sql(
                    "SELECT nik_fingerprint FROM citizen WHERE nik_masked = '3671********0002'")
                    .query(String.class).single(), 1)).isNotEmpty();
        } finally {
            jdbc.sql("DELETE FROM sign_in_failure WHERE door = 'CITIZEN' AND subject_kind = 'ACCOUNT'").update();
        }
    }

    /** The lock ends by itself, holds for every instance on the database, and a success starts the count anew. */
    @Test
    void aLockEndsByItselfAndEveryInstanceSeesIt() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T02:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        SignInThrottle.Policy policy = new SignInThrottle.Policy(3, 100, Duration.ofMinutes(10), Duration.ofMinutes(5));
        SignInThrottle one = new SignInThrottle(jdbc, clock, securityLog, transaction, policy, policy);
        SignInThrottle other = new SignInThrottle(jdbc, clock, securityLog, transaction, policy, policy);
        String account = "expiry-" + System.nanoTime();
        try {
            one.failed(SignInThrottle.Door.STAFF, account, "203.0.113.70");
            one.failed(SignInThrottle.Door.STAFF, account, "203.0.113.70");
            now.set(now.get().plus(Duration.ofMinutes(11)));
            one.failed(SignInThrottle.Door.STAFF, account, "203.0.113.70");
            other.check(SignInThrottle.Door.STAFF, account, "203.0.113.71");
            // failures older than the window no longer count: this is the second within it
            one.failed(SignInThrottle.Door.STAFF, account, "203.0.113.70");
            assertThatThrownBy(() -> one.failed(SignInThrottle.Door.STAFF, account, "203.0.113.70"))
                    .isInstanceOfSatisfying(SignInThrottle.Throttled.class,
                            e -> assertThat(e.retryAfterSeconds()).isEqualTo(300));
            now.set(now.get().plus(Duration.ofMinutes(2)));
            assertThatThrownBy(() -> other.check(SignInThrottle.Door.STAFF, account, "203.0.113.71"))
                    .as("another instance sees the lock").isInstanceOfSatisfying(SignInThrottle.Throttled.class,
                            e -> assertThat(e.retryAfterSeconds()).isEqualTo(180));
            one.check(SignInThrottle.Door.CLIENT, account, "203.0.113.71");
            now.set(now.get().plus(Duration.ofMinutes(3)));
            other.check(SignInThrottle.Door.STAFF, account, "203.0.113.71");

            one.failed(SignInThrottle.Door.STAFF, account, "203.0.113.70");
            one.failed(SignInThrottle.Door.STAFF, account, "203.0.113.70");
            one.succeeded(SignInThrottle.Door.STAFF, account);
            one.failed(SignInThrottle.Door.STAFF, account, "203.0.113.70");
            one.failed(SignInThrottle.Door.STAFF, account, "203.0.113.70");
            other.check(SignInThrottle.Door.STAFF, account, "203.0.113.70");

            now.set(now.get().plus(Duration.ofMinutes(11)));
            one.forgetOld();
            assertThat(jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE subject = :account")
                    .param("account", account).query(Long.class).single()).as("old counts are cleared away").isZero();
        } finally {
            jdbc.sql("DELETE FROM sign_in_failure WHERE subject = :account").param("account", account).update();
        }
    }

    ApiClient.Response signIn(ApiClient web, String username, String password, String address) {
        String csrf = web.csrfFrom(web.get("/login").body());
        return web.postForm("/login", ApiClient.form("username", username, "password", password, "_csrf", csrf),
                "X-Forwarded-For", address);
    }

    ApiClient.Response clientToken(ApiClient api, String secret, String address) {
        return api.postForm("/api/v1/oauth2/token", ApiClient.form("grant_type", "client_credentials",
                "client_id", "superapp-demo", "client_secret", secret), "X-Forwarded-For", address,
                "Accept-Language", "en");
    }

    static void requestCode(ApiClient web, String nik, String address) {
        String csrf = web.csrfFrom(web.get("/citizen/sign-in").body());
        ApiClient.Response sent = web.postForm("/citizen/sign-in", ApiClient.form("_csrf", csrf, "nik", nik,
                "contact", CitizenAccountTests.BUDI_EMAIL), "X-Forwarded-For", address);
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    }

    static ApiClient.Response enterCode(ApiClient web, String code, String address) {
        String csrf = web.csrfFrom(web.get("/citizen/code").body());
        return web.postForm("/citizen/code", ApiClient.form("_csrf", csrf, "code", code), "X-Forwarded-For", address);
    }
}
