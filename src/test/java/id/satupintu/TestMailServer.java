package id.satupintu;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) for the whole test run, started with the first application context and pointed
 * to by {@code spring.mail.host} and {@code spring.mail.port}.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;

    public static synchronized GreenMail get() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
        }
        return server;
    }

    /** Command-line arguments that point another application instance at this server. */
    public static String[] arguments() {
        return new String[] {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port()};
    }

    private static int port() {
        return get().getSmtp().getPort();
    }

    /** Waits up to ten seconds for an e-mail to {@code to} whose subject starts with {@code subject}. */
    public static MimeMessage awaitMail(String to, String subject) throws InterruptedException {
        return awaitMail(to, subject, 1);
    }

    /** Waits up to ten seconds for the {@code nth} (from 1) e-mail to {@code to} whose subject starts so. */
    public static MimeMessage awaitMail(String to, String subject, int nth) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<MimeMessage> received = Arrays.stream(get().getReceivedMessages())
                    .filter(m -> isTo(m, to) && subject(m).startsWith(subject)).toList();
            if (received.size() >= nth) {
                return received.get(nth - 1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No e-mail number " + nth + " \"" + subject + "\" reached " + to);
    }

    /** The e-mails received so far for {@code to} whose subject starts with {@code subject}. */
    public static long count(String to, String subject) {
        return Arrays.stream(get().getReceivedMessages())
                .filter(m -> isTo(m, to) && subject(m).startsWith(subject)).count();
    }

    private static boolean isTo(MimeMessage message, String to) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients()).contains(to);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail-server",
                Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port())));
    }
}
