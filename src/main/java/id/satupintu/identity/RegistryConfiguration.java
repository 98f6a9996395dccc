package id.satupintu.identity;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The population registry: the civil registry's HTTP API when {@code SATUPINTU_REGISTRY_URL} is set, the simulator
 * with demo citizens otherwise.
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistryConfiguration.class);

    @Bean
    PopulationRegistry populationRegistry(@Value("${satupintu.registry.url:}") String url,
            @Value("${satupintu.registry.api-key:}") String apiKey,
            @Value("${satupintu.registry.connect-timeout:2s}") Duration connectTimeout,
            @Value("${satupintu.registry.timeout:5s}") Duration timeout,
            @Value("${satupintu.registry.retries:2}") int retries,
            @Value("${satupintu.registry.retry-wait:300ms}") Duration retryWait,
            @Value("${satupintu.registry.open-after:5}") int openAfter,
            @Value("${satupintu.registry.open-for:30s}") Duration openFor, JsonMapper json) {
        if (url.isBlank()) {
            log.info("Population registry: simulator with the demo citizens of {}",
                    SimulatedPopulationRegistry.RESOURCE);
            return new SimulatedPopulationRegistry(json);
        }
        return new HttpPopulationRegistry(new HttpPopulationRegistry.Settings(URI.create(url), apiKey,
                connectTimeout, timeout, retries, retryWait, openAfter, openFor), json);
    }
}
