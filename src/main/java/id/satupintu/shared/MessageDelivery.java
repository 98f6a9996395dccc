package id.satupintu.shared;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether messages to citizens really leave the system: e-mail when an SMTP server is configured
 * ({@code spring.mail.host} or {@code spring.mail.jndi-name}), text messages when an SMS provider is
 * ({@code satupintu.sms.url}). Decided from configuration alone and kept here, so that the notification module,
 * which sends, and a module that only needs to know (sign-in shows a demo code), both ask the same place without
 * depending on each other.
 */
@Component
public class MessageDelivery {

    private final boolean realEmail;
    private final boolean realSms;

    MessageDelivery(Environment environment) {
        this.realEmail = configured(environment, "spring.mail.host")
                || configured(environment, "spring.mail.jndi-name");
        this.realSms = configured(environment, "satupintu.sms.url");
    }

    public boolean realEmail() {
        return realEmail;
    }

    public boolean realSms() {
        return realSms;
    }

    /**
     * True when no real gateway is configured at all: a demo or training installation, where every message lands in
     * the simulated outbox. A deployment with any real gateway is treated as real throughout.
     */
    public boolean simulated() {
        return !realEmail && !realSms;
    }

    private static boolean configured(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank();
    }
}
