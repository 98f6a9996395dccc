package id.satupintu.audit;

import java.sql.Timestamp;
import java.time.Duration;

import id.satupintu.shared.Retention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The processing log is personal data too; an entry goes once its period, longer than what it describes, ends. */
@Configuration(proxyBeanMethods = false)
class ProcessingLogRetention {

    @Bean
    Retention.Rule processingLogRule(JdbcClient jdbc,
            @Value("${satupintu.retention.processing-log}") Duration period) {
        return Retention.rule("processing-log", period, (cutoff, limit) -> jdbc.sql("""
                DELETE FROM processing_log WHERE id IN (SELECT id FROM processing_log WHERE at < :cutoff
                    ORDER BY at LIMIT :limit FOR UPDATE SKIP LOCKED)
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update());
    }
}
