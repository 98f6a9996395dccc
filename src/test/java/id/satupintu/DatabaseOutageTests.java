package id.satupintu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the database is out of reach every call is answered 503 with Retry-After and a problem in the caller's
 * language, never 500, and health says DOWN; once it is back the application serves again by itself. A second
 * instance reaches the shared test database through a proxy that the test cuts (dropping every connection and
 * refusing new ones, as a restarting PostgreSQL does) and mends.
 */
@SatuPintuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTests {

    static final String TICKET = "{\"serviceCode\":\"skck-baru\"}";

    @Autowired
    HikariDataSource dataSource;

    CuttableProxy proxy;
    SecondInstance instance;
    ApiClient api;

    @BeforeAll
    void startAnInstanceBehindTheProxy() throws IOException {
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.*)").matcher(dataSource.getJdbcUrl());
        assertThat(url.matches()).isTrue();
        proxy = new CuttableProxy(new InetSocketAddress(url.group(1), Integer.parseInt(url.group(2))));
        instance = SecondInstance.on("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + url.group(3),
                "--satupintu.clock=2026-12-01T02:00:00Z", "--spring.datasource.hikari.connection-timeout=1000",
                "--spring.datasource.hikari.validation-timeout=500");
        api = new ApiClient(instance.port());
    }

    @AfterAll
    void stop() throws IOException {
        if (instance != null) {
            proxy.mend();
            instance.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void anOutageIsAnswered503WithRetryAfterAndTheApplicationRecoversByItself() throws Exception {
        String mall = "/api/v1/malls/11.06";
        assertThat(api.get(mall).status()).isEqualTo(200);
        ApiClient browser = new ApiClient(instance.port());
        assertThat(browser.signIn("manager-3671", "mpp-demo-2026").status()).isEqualTo(302);

        proxy.cut();

        ApiClient.Response ticket = api.postJson(mall + "/tickets", TICKET);
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(503);
        assertThat(ticket.header("Retry-After")).isEqualTo("5");
        assertThat(ticket.header("Content-Type")).startsWith("application/problem+json");
        assertThat(ticket.json().get("code").asString()).isEqualTo("TEMPORARILY_UNAVAILABLE");
        assertThat(ticket.json().get("detail").asString()).startsWith("SatuPintu sedang mengalami gangguan");
        ApiClient.Response english = api.postJson(mall + "/tickets", TICKET, "Accept-Language", "en");
        assertThat(english.status()).as(english.body()).isEqualTo(503);
        assertThat(english.json().get("detail").asString()).startsWith("SatuPintu is briefly unavailable");
        // A signed-in visitor's session lives in the database: reading it fails before any controller runs.
        ApiClient.Response page = browser.get("/manage/36.71");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.header("Retry-After")).isEqualTo("5");
        ApiClient.Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN");

        proxy.mend();

        ApiClient.Response served = null;
        for (int i = 0; i < 100 && (served == null || served.status() != 201); i++) {
            Thread.sleep(100);
            served = api.postJson(mall + "/tickets", TICKET);
            assertThat(served.status()).as(served.body()).isIn(201, 503);
        }
        assertThat(served.status()).isEqualTo(201);
        assertThat(browser.get("/manage/36.71").status()).isEqualTo(200);
    }

    /** Forwards TCP connections to the database until cut; while cut it refuses connections. */
    static final class CuttableProxy implements AutoCloseable {

        private final InetSocketAddress target;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final int port;
        private volatile ServerSocket server;

        CuttableProxy(InetSocketAddress target) throws IOException {
            this.target = target;
            this.server = listen(0);
            this.port = server.getLocalPort();
        }

        int port() {
            return port;
        }

        synchronized void cut() throws IOException {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
            open.clear();
        }

        synchronized void mend() throws IOException {
            if (server.isClosed()) {
                server = listen(port);
            }
        }

        @Override
        public void close() throws IOException {
            cut();
        }

        private ServerSocket listen(int port) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            Thread.ofVirtual().start(() -> accept(socket));
            return socket;
        }

        private void accept(ServerSocket listening) {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket database = new Socket(target.getAddress(), target.getPort());
                    open.add(client);
                    open.add(database);
                    Thread.ofVirtual().start(() -> pipe(client, database));
                    Thread.ofVirtual().start(() -> pipe(database, client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // The other side closed, or the proxy was cut.
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // Closing anyway.
                }
            }
        }
    }
}
