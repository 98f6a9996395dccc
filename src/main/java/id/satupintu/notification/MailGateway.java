package id.satupintu.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import id.satupintu.shared.MessageDelivery;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail through the configured SMTP server ({@code spring.mail.host} and friends), or, with none configured,
 * into the simulated outbox; {@link MessageDelivery} says which.
 */
@Component
class MailGateway {

    private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

    private final JavaMailSender sender;
    private final Session session;
    private final SimulatedOutbox outbox;
    private final String from;

    MailGateway(ObjectProvider<JavaMailSender> sender, MessageDelivery delivery, SimulatedOutbox outbox,
            @Value("${satupintu.mail.from:SatuPintu <no-reply@satupintu.local>}") String from) {
        this.sender = delivery.realEmail() ? sender.getObject() : null;
        this.session = this.sender instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new Properties());
        this.outbox = outbox;
        this.from = from;
    }

    /** An attachment: file name, MIME type and content. */
    record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** An image shown inside the HTML body, referred to there as {@code cid:<contentId>}. */
    record InlineImage(String contentId, byte[] png) {
    }

    /** Sends one e-mail; {@code key} names what it tells, and gives every attempt to send it the same Message-ID. */
    void send(String key, String to, String subject, String html, String text, List<InlineImage> images,
            List<Attachment> attachments) {
        if (sender == null) {
            outbox.add(SentMessage.Kind.EMAIL, to, subject, text,
                    attachments.stream().map(Attachment::fileName).toList());
            log.info("Simulated e-mail \"{}\" kept in the demo outbox", subject);
            return;
        }
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", Deliveries.messageId(key));
                }
            };
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            for (InlineImage image : images) {
                helper.addInline(image.contentId(), new ByteArrayResource(image.png()), "image/png");
            }
            for (Attachment attachment : attachments) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            sender.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the e-mail \"" + subject + "\"", e);
        }
    }
}
