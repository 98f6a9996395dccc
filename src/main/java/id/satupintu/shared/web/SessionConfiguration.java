package id.satupintu.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions in PostgreSQL. Two requests of one browser that run at the same time (htmx fragments, a second tab) may
 * both add the same attribute to a session; the second insert then updates it instead of failing the request.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    private static final String UPSERT_ATTRIBUTE = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites() {
        return repository -> repository.setCreateSessionAttributeQuery(UPSERT_ATTRIBUTE);
    }
}
