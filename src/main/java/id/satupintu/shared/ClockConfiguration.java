package id.satupintu.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The single clock of the application. {@code SATUPINTU_CLOCK} (an ISO-8601 instant) starts it at that instant and
 * lets it run forward from there, for demos, training and tests; unset means real time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${satupintu.clock:}") String start) {
        if (start == null || start.isBlank()) {
            return Clock.systemUTC();
        }
        Instant startAt;
        try {
            startAt = Instant.parse(start.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "SATUPINTU_CLOCK must be an ISO-8601 instant such as 2026-11-30T01:00:00Z, got: " + start, e);
        }
        Clock real = Clock.systemUTC();
        return Clock.offset(real, Duration.between(real.instant(), startAt));
    }
}
