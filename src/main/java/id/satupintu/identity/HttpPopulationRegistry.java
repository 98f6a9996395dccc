package id.satupintu.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the civil registry over HTTP: {@code POST {base}/verifications} with {@code {nik, fullName, birthDate}} and a
 * bearer key; it answers 200 {@code {result: MATCH|MISMATCH|NOT_FOUND|DECEASED, fields?, registeredName?,
 * regionCode?}} or 404 for an unknown NIK.
 *
 * <p>No answer within the timeout, a broken connection or a 5xx is tried again with growing pauses; after
 * {@code openAfter} verifications in a row have failed, the circuit opens and for {@code openFor} every verification
 * fails at once without calling, so that a registry in trouble is not flooded and citizens are not kept waiting.
 * Any other 4xx means this installation is misconfigured (wrong key, wrong address) and is not retried.
 */
final class HttpPopulationRegistry implements PopulationRegistry {

    private static final Logger log = LoggerFactory.getLogger(HttpPopulationRegistry.class);

    /** Where the registry is and how patiently to ask it. */
    record Settings(URI baseUrl, String apiKey, Duration connectTimeout, Duration timeout, int retries,
            Duration retryWait, int openAfter, Duration openFor) {
    }

    private final HttpClient http;
    private final URI endpoint;
    private final Settings settings;
    private final JsonMapper json;
    private final Retry retry;
    private final CircuitBreaker circuit;

    HttpPopulationRegistry(Settings settings, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.endpoint = URI.create(settings.baseUrl().toString().replaceFirst("/*$", "") + "/verifications");
        this.settings = settings;
        this.json = json;
        this.retry = Retry.of("population-registry", RetryConfig.custom()
                .maxAttempts(settings.retries() + 1)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryWait(), 2.0))
                .retryOnException(e -> e instanceof Failure failure && failure.retryable)
                .build());
        this.circuit = CircuitBreaker.of("population-registry", CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.openAfter())
                .minimumNumberOfCalls(settings.openAfter())
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(settings.openFor())
                .build());
    }

    @Override
    public RegistryAnswer verify(Nik nik, String fullName, LocalDate birthDate) {
        try {
            return circuit.executeSupplier(Retry.decorateSupplier(retry, () -> ask(nik, fullName, birthDate)));
        } catch (CallNotPermittedException e) {
            log.debug("Population registry circuit is open; not asking about {}", nik.masked());
            throw new RegistryUnavailable(settings.openFor());
        } catch (Failure e) {
            if (e.retryable) {
                log.warn("Population registry did not answer about {}: {}", nik.masked(), e.getMessage());
            } else {
                log.error("Population registry refused the question about {}; check satupintu.registry.url and "
                        + "satupintu.registry.api-key: {}", nik.masked(), e.getMessage());
            }
            throw new RegistryUnavailable(settings.openFor());
        }
    }

    private RegistryAnswer ask(Nik nik, String fullName, LocalDate birthDate) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + settings.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("nik", nik.value(), "fullName", fullName, "birthDate", birthDate.toString()))))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(true, "no answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(false, "interrupted");
        }
        int status = response.statusCode();
        if (status == 200) {
            return answer(response.body());
        }
        if (status == 404) {
            return new RegistryAnswer.NotFound();
        }
        throw new Failure(status >= 500 || status == 429, "answered " + status);
    }

    private RegistryAnswer answer(String body) {
        try {
            JsonNode node = json.readTree(body);
            return switch (node.path("result").asString("")) {
                case "MATCH" -> new RegistryAnswer.Match(node.path("registeredName").asString(null),
                        node.path("regionCode").asString(null));
                case "MISMATCH" -> new RegistryAnswer.Mismatch(fields(node.path("fields")));
                case "NOT_FOUND" -> new RegistryAnswer.NotFound();
                case "DECEASED" -> new RegistryAnswer.Deceased();
                default -> throw new Failure(false, "an unknown result");
            };
        } catch (JacksonException e) {
            throw new Failure(false, "an answer that is not JSON");
        }
    }

    private static Set<RegistryAnswer.Field> fields(JsonNode names) {
        Set<RegistryAnswer.Field> fields = EnumSet.noneOf(RegistryAnswer.Field.class);
        for (JsonNode name : names) {
            switch (name.asString("")) {
                case "fullName" -> fields.add(RegistryAnswer.Field.FULL_NAME);
                case "birthDate" -> fields.add(RegistryAnswer.Field.BIRTH_DATE);
                default -> {
                    // a detail this version does not know; the answer is still a mismatch
                }
            }
        }
        return fields;
    }

    /** One failed question: transient ones (no answer, 5xx) are asked again, the others are not. */
    private static final class Failure extends RuntimeException {

        private final boolean retryable;

        Failure(boolean retryable, String message) {
            super(message, null, false, false);
            this.retryable = retryable;
        }
    }
}
