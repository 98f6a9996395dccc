package id.satupintu.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClockConfigurationTest {

    private final ClockConfiguration configuration = new ClockConfiguration();

    @Test
    void unsetMeansRealTime() {
        Clock clock = configuration.clock("");
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void startsAtTheGivenInstantAndRunsForward() throws InterruptedException {
        Clock clock = configuration.clock("2026-12-24T00:30:00Z");
        Instant first = clock.instant();
        assertThat(Duration.between(Instant.parse("2026-12-24T00:30:00Z"), first).abs())
                .isLessThan(Duration.ofSeconds(5));
        Thread.sleep(20);
        assertThat(clock.instant()).isAfter(first);
    }

    @Test
    void refusesAValueThatIsNotAnInstant() {
        assertThatThrownBy(() -> configuration.clock("tomorrow"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SATUPINTU_CLOCK");
    }
}
