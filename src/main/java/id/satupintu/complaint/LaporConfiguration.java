package id.satupintu.complaint;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** SP4N-LAPOR!: its HTTP API when {@code SATUPINTU_LAPOR_URL} is set, the simulator otherwise. */
@Configuration(proxyBeanMethods = false)
class LaporConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LaporConfiguration.class);

    @Bean
    LaporGateway laporGateway(@Value("${satupintu.lapor.url:}") String url,
            @Value("${satupintu.lapor.api-key:}") String apiKey,
            @Value("${satupintu.lapor.connect-timeout:2s}") Duration connectTimeout,
            @Value("${satupintu.lapor.timeout:10s}") Duration timeout,
            @Value("${satupintu.lapor.retries:2}") int retries,
            @Value("${satupintu.lapor.retry-wait:500ms}") Duration retryWait,
            @Value("${satupintu.lapor.simulator.answer-after:3m}") Duration answerAfter, Clock clock,
            JsonMapper json) {
        if (url.isBlank()) {
            log.info("SP4N-LAPOR!: simulator, answering each report {} after it is passed on", answerAfter);
            return new SimulatedLaporGateway(clock, answerAfter);
        }
        return new HttpLaporGateway(new HttpLaporGateway.Settings(URI.create(url), apiKey, connectTimeout, timeout,
                retries, retryWait), json);
    }
}
