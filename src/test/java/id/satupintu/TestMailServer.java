package id.satupintu;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail-server",
                Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port())));
    }
}
