package id.satupintu.complaint;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SP4N-LAPOR! over HTTP, with a bearer key:
 * <ul>
 * <li>{@code POST {base}/reports} with {@code {reference, category, description, institution, regionCode}} and an
 * {@code Idempotency-Key} header answers 200 or 201 {@code {id, status}};</li>
 * <li>{@code GET {base}/reports/{id}} answers 200 {@code {id, status, reply?}}, status one of {@code RECEIVED},
 * {@code IN_PROGRESS}, {@code ANSWERED}, {@code CLOSED}, {@code REJECTED}.</li>
 * </ul>
 * No answer within the timeout, a broken connection, a 5xx or a 429 is tried again {@code retries} times with
 * growing pauses; any other answer is a failure at once (a wrong key or address is not cured by asking again).
 */
final class HttpLaporGateway implements LaporGateway {

    /** Where LAPOR! is and how patiently to ask it. */
    record Settings(URI baseUrl, String apiKey, Duration connectTimeout, Duration timeout, int retries,
            Duration retryWait) {
    }

    private final HttpClient http;
    private final String base;
    private final Settings settings;
    private final JsonMapper json;
    private final Retry retry;

    HttpLaporGateway(Settings settings, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.base = settings.baseUrl().toString().replaceFirst("/*$", "");
        this.settings = settings;
        this.json = json;
        this.retry = Retry.of("lapor", RetryConfig.custom()
                .maxAttempts(settings.retries() + 1)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryWait(), 2.0))
                .retryOnException(e -> e instanceof Failure failure && failure.retryable)
                .build());
    }

    @Override
    public String submit(Report report) {
        String body = json.writeValueAsString(Map.of("reference", report.reference(), "category", report.category(),
                "description", report.description(), "institution", report.institution(),
                "regionCode", report.regionCode()));
        HttpRequest request = request("/reports")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", report.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        JsonNode answer = call(() -> send(request));
        String id = answer.path("id").asString("");
        if (id.isBlank()) {
            throw new LaporUnavailable("LAPOR! took report " + report.reference() + " without giving its id");
        }
        return id;
    }

    @Override
    public Status status(String reportId) {
        HttpRequest request = request("/reports/" + URLEncoder.encode(reportId, StandardCharsets.UTF_8)).GET().build();
        JsonNode answer = call(() -> send(request));
        try {
            State state = State.valueOf(answer.path("status").asString("").toUpperCase(Locale.ROOT));
            String reply = answer.path("reply").asString("");
            return new Status(reportId, state, reply.isBlank() ? null : reply);
        } catch (IllegalArgumentException e) {
            throw new LaporUnavailable("LAPOR! gave report " + reportId + " an unknown status");
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + settings.apiKey());
    }

    private JsonNode call(Supplier<JsonNode> attempt) {
        try {
            return Retry.decorateSupplier(retry, attempt).get();
        } catch (Failure e) {
            throw new LaporUnavailable("LAPOR! " + e.getMessage());
        }
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(true, "did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(false, "was not asked: interrupted");
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new Failure(status >= 500 || status == 429, "answered " + status);
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new Failure(false, "answered something that is not JSON");
        }
    }

    /** One failed attempt: transient ones (no answer, 5xx, 429) are tried again, the others are not. */
    private static final class Failure extends RuntimeException {

        private final boolean retryable;

        Failure(boolean retryable, String message) {
            super(message, null, false, false);
            this.retryable = retryable;
        }
    }
}
