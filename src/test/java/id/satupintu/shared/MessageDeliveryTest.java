package id.satupintu.shared;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery counts as simulated only when no real gateway at all is configured. */
class MessageDeliveryTest {

    @Test
    void withoutAnyGatewayEveryMessageIsSimulated() {
        MessageDelivery delivery = new MessageDelivery(new MockEnvironment().withProperty("satupintu.sms.url", " "));
        assertThat(delivery.realEmail()).isFalse();
        assertThat(delivery.realSms()).isFalse();
        assertThat(delivery.simulated()).isTrue();
    }

    @Test
    void oneRealGatewayMakesTheWholeDeliveryReal() {
        MessageDelivery mail = new MessageDelivery(new MockEnvironment().withProperty("spring.mail.host", "smtp.local"));
        assertThat(mail.realEmail()).isTrue();
        assertThat(mail.realSms()).isFalse();
        assertThat(mail.simulated()).isFalse();
        MessageDelivery sms = new MessageDelivery(new MockEnvironment()
                .withProperty("satupintu.sms.url", "https://sms.example/v1"));
        assertThat(sms.realSms()).isTrue();
        assertThat(sms.simulated()).isFalse();
        assertThat(new MessageDelivery(new MockEnvironment().withProperty("spring.mail.jndi-name", "mail/Session"))
                .simulated()).isFalse();
    }
}
