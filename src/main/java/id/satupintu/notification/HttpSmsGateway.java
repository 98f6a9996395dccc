package id.satupintu.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends text messages through a provider's HTTP API: {@code POST {base}/messages} with a JSON body
 * {@code {"to", "text"}} and a bearer key. Anything but a 2xx answer, or no answer within the timeout, is a failure
 * that the caller retries later.
 */
class HttpSmsGateway implements SmsGateway {

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final Duration timeout;
    private final JsonMapper json;

    HttpSmsGateway(URI baseUrl, String apiKey, Duration timeout, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.endpoint = URI.create(baseUrl.toString().replaceFirst("/*$", "") + "/messages");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public void send(String phone, String text) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("to", phone, "text", text))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SmsNotSent("The SMS gateway answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new SmsNotSent("The SMS gateway could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotSent("Interrupted while sending a text message");
        }
    }

    /** A text message that did not go out; the event that asked for it stays pending and is retried. */
    static class SmsNotSent extends RuntimeException {
        SmsNotSent(String message) {
            super(message);
        }
    }
}
