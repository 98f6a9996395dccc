package id.satupintu.notification;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMS gateway adapter against a mock of the provider's HTTP API. */
class HttpSmsGatewayTest {

    MockWebServer provider;
    HttpSmsGateway gateway;

    @BeforeEach
    void start() throws Exception {
        provider = new MockWebServer();
        provider.start();
        gateway = new HttpSmsGateway(URI.create(provider.url("/v1").toString()), "demo-key", Duration.ofMillis(500),
                JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void postsTheTextWithTheKey() throws Exception {
        provider.enqueue(new MockResponse.Builder().code(202).build());
        gateway.send("081234567890", "SatuPintu: janji temu");
        RecordedRequest request = provider.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getTarget()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer demo-key");
        var body = JsonMapper.builder().build().readTree(request.getBody().utf8());
        assertThat(body.get("to").asString()).isEqualTo("081234567890");
        assertThat(body.get("text").asString()).isEqualTo("SatuPintu: janji temu");
    }

    @Test
    void anErrorAnswerOrNoAnswerIsAFailureToRetry() {
        provider.enqueue(new MockResponse.Builder().code(503).build());
        assertThatThrownBy(() -> gateway.send("081234567890", "x")).isInstanceOf(HttpSmsGateway.SmsNotSent.class)
                .hasMessageContaining("503");
        provider.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build());
        assertThatThrownBy(() -> gateway.send("081234567890", "x")).isInstanceOf(HttpSmsGateway.SmsNotSent.class);
    }
}
