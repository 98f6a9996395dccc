package id.satupintu.notification;

import java.net.URI;
import java.time.Duration;

import id.satupintu.shared.MessageDelivery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The SMS gateway: the provider's HTTP API when {@code SATUPINTU_SMS_URL} is set, the simulator otherwise. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    SmsGateway smsGateway(@Value("${satupintu.sms.url:}") String url, @Value("${satupintu.sms.api-key:}") String key,
            @Value("${satupintu.sms.timeout:5s}") Duration timeout, MessageDelivery delivery, SimulatedOutbox outbox,
            JsonMapper json) {
        if (!delivery.realSms()) {
            return new SimulatedSmsGateway(outbox);
        }
        return new HttpSmsGateway(URI.create(url), key, timeout, json);
    }
}
