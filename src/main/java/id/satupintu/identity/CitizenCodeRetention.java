package id.satupintu.identity;

import java.sql.Timestamp;
import java.time.Duration;

import id.satupintu.shared.Retention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One-time codes serve nothing once expired, not even an answer; a while after expiry they go. */
@Configuration(proxyBeanMethods = false)
class CitizenCodeRetention {

    @Bean
    Retention.Rule citizenCodeRule(JdbcClient jdbc,
            @Value("${satupintu.retention.citizen-codes}") Duration period) {
        return Retention.rule("citizen-codes", period, (cutoff, limit) -> jdbc.sql("""
                DELETE FROM citizen_code WHERE id IN (
                    SELECT id FROM citizen_code WHERE expires_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
                """).param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update());
    }
}
