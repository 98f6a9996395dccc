package id.satupintu.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured. Its data directory is kept
 * between runs, so a restart keeps the data. With {@code satupintu.embedded-database.shared=true} (tests) one
 * server per JVM is shared by all application contexts, each of which gets a database of its own.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${satupintu.embedded-database.directory:data/postgres}") String directory,
            @Value("${satupintu.embedded-database.port:0}") int port,
            @Value("${satupintu.embedded-database.shared:false}") boolean shared) throws IOException, SQLException {
        if (shared) {
            EmbeddedPostgres server = SharedServer.INSTANCE;
            String database = "ctx_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            return new EmbeddedDatabase(server.getJdbcUrl("postgres", database), null);
        }
        Path dataDirectory = Path.of(directory).toAbsolutePath().resolve("pgdata");
        Files.createDirectories(dataDirectory.getParent());
        boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION"));
        log.info("Starting embedded PostgreSQL in {} ({})", dataDirectory, existing ? "existing data" : "new");
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                // The embedded server's test-friendly defaults trade durability for speed; an acknowledged write
                // must survive a crash, so both are switched back on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        return new EmbeddedDatabase(server.getJdbcUrl("postgres", "postgres"), server);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase database,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
            @Value("${spring.datasource.hikari.connection-timeout:5000}") long connectionTimeout,
            @Value("${spring.datasource.hikari.validation-timeout:2000}") long validationTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeout);
        config.setValidationTimeout(validationTimeout);
        config.setPoolName("satupintu-embedded");
        return new HikariDataSource(config);
    }

    /** The embedded server this application started, or none when it uses the JVM-wide shared one. */
    record EmbeddedDatabase(String jdbcUrl, EmbeddedPostgres server) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }

    private static final class SharedServer {
        static final EmbeddedPostgres INSTANCE = startShared();

        private static EmbeddedPostgres startShared() {
            try {
                Path dataDirectory = Files.createTempDirectory("satupintu-test-pg");
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(true)
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
                // After every application context has closed, so that none of them loses its database while
                // it still writes on the way down.
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        log.warn("Could not stop the shared embedded PostgreSQL", e);
                    }
                });
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
