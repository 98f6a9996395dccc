package id.satupintu.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import id.satupintu.identity.CitizenCodeRequested;
import id.satupintu.identity.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends citizens their one-time sign-up and sign-in codes, by e-mail and/or text message as they gave. A code that
 * has expired by the time its event is delivered (after a restart, say) is not sent: it could only confuse.
 */
@Component
class CitizenMessages {

    private static final Logger log = LoggerFactory.getLogger(CitizenMessages.class);

    private final Deliveries deliveries;
    private final MailGateway mail;
    private final SmsGateway sms;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    CitizenMessages(Deliveries deliveries, MailGateway mail, SmsGateway sms, TemplateEngine templates,
            MessageSource messages, PersonalDataCipher cipher, Clock clock) {
        this.deliveries = deliveries;
        this.mail = mail;
        this.cipher = cipher;
        this.sms = sms;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CitizenCodeRequested event) {
        Instant now = clock.instant();
        if (!now.isBefore(event.expiresAt())) {
            log.info("A citizen's one-time code expired before it could be sent; not sending it");
            return;
        }
        long minutes = Math.ceilDiv(Duration.between(now, event.expiresAt()).toSeconds(), 60);
        Locale locale = event.locale() != null ? event.locale() : Locale.of("id");
        String email = event.email(cipher);
        String phone = event.phone(cipher);
        String code = event.code(cipher);
        // The code is a secret and the contact personal data: the key names neither.
        String key = "citizen-code/" + Deliveries.digest(code + "/" + event.expiresAt() + "/" + email + "/" + phone);
        if (email != null) {
            String subject = messages.getMessage("citizen.mail.subject", null, locale);
            Context context = new Context(locale);
            context.setVariable("code", code);
            context.setVariable("minutes", minutes);
            String text = messages.getMessage("citizen.mail.lead", null, locale) + "\n\n" + code + "\n\n"
                    + messages.getMessage("citizen.mail.validity", new Object[] {minutes}, locale) + "\n"
                    + messages.getMessage("citizen.mail.ignore", null, locale) + "\n";
            String html = templates.process("mail/citizen-code", context);
            deliveries.once(key + "/email", () -> mail.send(key, email, subject, html, text, List.of(),
                    List.of()));
        }
        if (phone != null) {
            String text = messages.getMessage("citizen.sms.code", new Object[] {code, minutes}, locale);
            deliveries.once(key + "/sms", () -> sms.send(phone, text));
        }
    }
}
