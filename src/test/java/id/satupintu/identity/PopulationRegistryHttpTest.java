package id.satupintu.identity;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The population registry's HTTP adapter against a mock of the registry's API. */
@ExtendWith(OutputCaptureExtension.class)
class PopulationRegistryHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Nik NIK = Nik.parse("3217015203900001");
    static final LocalDate BORN = LocalDate.of(1990, 3, 12);
    static final Duration OPEN_FOR = Duration.ofMinutes(1);

    MockWebServer registry;

    @BeforeEach
    void start() throws Exception {
        registry = new MockWebServer();
        registry.start();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    HttpPopulationRegistry client(int retries, int openAfter) {
        return new HttpPopulationRegistry(new HttpPopulationRegistry.Settings(
                URI.create(registry.url("/dukcapil/").toString()), "registry-key", Duration.ofMillis(500),
                Duration.ofMillis(300), retries, Duration.ofMillis(10), openAfter, OPEN_FOR), JSON);
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    static MockResponse noAnswerInTime() {
        return new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build();
    }

    @Test
    void aMatchCarriesTheRegistrysSpellingAndRegionAndTheQuestionCarriesTheKey() throws Exception {
        registry.enqueue(json("{\"result\":\"MATCH\",\"registeredName\":\"SITI NURHALIZA\",\"regionCode\":\"32.17\"}"));
        assertThat(client(2, 5).verify(NIK, "Siti Nurhaliza", BORN))
                .isEqualTo(new RegistryAnswer.Match("SITI NURHALIZA", "32.17"));
        RecordedRequest request = registry.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/dukcapil/verifications");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer registry-key");
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.get("nik").asString()).isEqualTo("3217015203900001");
        assertThat(body.get("fullName").asString()).isEqualTo("Siti Nurhaliza");
        assertThat(body.get("birthDate").asString()).isEqualTo("1990-03-12");
    }

    @Test
    void aMismatchSaysWhichDetailsDiffer() {
        registry.enqueue(json("{\"result\":\"MISMATCH\",\"fields\":[\"birthDate\"]}"));
        registry.enqueue(json("{\"result\":\"MISMATCH\",\"fields\":[\"fullName\",\"birthDate\"]}"));
        HttpPopulationRegistry client = client(2, 5);
        assertThat(client.verify(NIK, "Siti Nurhaliza", BORN))
                .isEqualTo(new RegistryAnswer.Mismatch(Set.of(RegistryAnswer.Field.BIRTH_DATE)));
        assertThat(client.verify(NIK, "Siti", BORN)).isEqualTo(new RegistryAnswer.Mismatch(
                Set.of(RegistryAnswer.Field.FULL_NAME, RegistryAnswer.Field.BIRTH_DATE)));
    }

    @Test
    void notFoundByResultOr404AndDeceased() {
        registry.enqueue(json("{\"result\":\"NOT_FOUND\"}"));
        registry.enqueue(status(404));
        registry.enqueue(json("{\"result\":\"DECEASED\"}"));
        HttpPopulationRegistry client = client(2, 5);
        assertThat(client.verify(NIK, "Siti Nurhaliza", BORN)).isEqualTo(new RegistryAnswer.NotFound());
        assertThat(client.verify(NIK, "Siti Nurhaliza", BORN)).isEqualTo(new RegistryAnswer.NotFound());
        assertThat(client.verify(NIK, "Siti Nurhaliza", BORN)).isEqualTo(new RegistryAnswer.Deceased());
        assertThat(registry.getRequestCount()).isEqualTo(3);
    }

    @Test
    void noAnswerInTimeIsAskedAgainThenTheRegistryIsUnavailableAndTheLogHasNoFullNik(CapturedOutput log) {
        for (int i = 0; i < 3; i++) {
            registry.enqueue(noAnswerInTime());
        }
        assertThatThrownBy(() -> client(2, 5).verify(NIK, "Siti Nurhaliza", BORN))
                .isInstanceOf(RegistryUnavailable.class)
                .satisfies(e -> assertThat(((RegistryUnavailable) e).retryAfter()).isEqualTo(OPEN_FOR));
        assertThat(registry.getRequestCount()).isEqualTo(3);
        assertThat(log.getOut()).contains("3217********0001").doesNotContain("3217015203900001");
    }

    @Test
    void aServerErrorIsAskedAgain() {
        registry.enqueue(status(503));
        registry.enqueue(status(502));
        registry.enqueue(json("{\"result\":\"MATCH\",\"registeredName\":\"SITI NURHALIZA\",\"regionCode\":\"32.17\"}"));
        assertThat(client(2, 5).verify(NIK, "Siti Nurhaliza", BORN)).isInstanceOf(RegistryAnswer.Match.class);
        assertThat(registry.getRequestCount()).isEqualTo(3);
    }

    @Test
    void theCircuitOpensAfterFailuresInARowAndThenFailsAtOnceWithoutAsking() {
        HttpPopulationRegistry client = client(0, 2);
        registry.enqueue(status(500));
        registry.enqueue(status(500));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.verify(NIK, "Siti Nurhaliza", BORN))
                    .isInstanceOf(RegistryUnavailable.class);
        }
        assertThat(registry.getRequestCount()).isEqualTo(2);
        registry.enqueue(json("{\"result\":\"NOT_FOUND\"}"));
        assertThatThrownBy(() -> client.verify(NIK, "Siti Nurhaliza", BORN))
                .isInstanceOf(RegistryUnavailable.class)
                .satisfies(e -> assertThat(((RegistryUnavailable) e).retryAfter()).isEqualTo(OPEN_FOR));
        assertThat(registry.getRequestCount()).as("the open circuit did not ask").isEqualTo(2);
    }

    @Test
    void aRefusedKeyIsAConfigurationErrorThatIsNotAskedAgain(CapturedOutput log) {
        registry.enqueue(status(401));
        assertThatThrownBy(() -> client(2, 5).verify(NIK, "Siti Nurhaliza", BORN))
                .isInstanceOf(RegistryUnavailable.class);
        assertThat(registry.getRequestCount()).isEqualTo(1);
        assertThat(log.getOut()).contains("satupintu.registry.api-key").contains("401");
    }
}
