package id.satupintu;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second application instance on the database of the first, configured as an external PostgreSQL would be
 * (so it loads no demo data), on a random port.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondInstance on(HikariDataSource firstInstanceDatabase, String... extraArguments) {
        return on(firstInstanceDatabase.getJdbcUrl(), extraArguments);
    }

    /** An instance on the database at {@code jdbcUrl} (the first instance's, reached another way). */
    public static SecondInstance on(String jdbcUrl, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--server.port=0"));
        arguments.addAll(List.of(TestMailServer.arguments()));
        if (List.of(extraArguments).stream().noneMatch(a -> a.startsWith("--spring.datasource.hikari.connection-"))) {
            arguments.add("--spring.datasource.hikari.connection-timeout=30000");
        }
        if (List.of(extraArguments).stream().noneMatch(a -> a.startsWith("--satupintu.rate-limit."))) {
            arguments.add("--satupintu.rate-limit.public-writes.capacity=1000000");
        }
        arguments.addAll(List.of(extraArguments));
        return new SecondInstance(new SpringApplicationBuilder(SatuPintuApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
