package id.satupintu.insight;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The banner of a busy floor names the worst few waits and counts the rest, so the figures stay on the screen. */
class FloorAlertsTest {

    @Test
    void theBannerNamesTheLongestWaitsThenTheFullestQueuesAndCountsTheRest() {
        List<FloorMonitor.Line> alerts = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> new FloorMonitor.Line("s" + i, "Service " + i, "Agency", i, 0,
                        (long) (i <= 4 ? 50 : 60 - i), 20.0, 0, 0, true))
                .toList();
        FloorMonitor.Floor floor = new FloorMonitor.Floor("36.71", "MPP Kota Tangerang", "Asia/Jakarta",
                ZonedDateTime.parse("2026-12-01T10:50:00+07:00[Asia/Jakarta]"),
                new FloorMonitor.Targets(30, 45), 36, 55L, 0, 0, 20.0, false, 1, 0, 0, 0, alerts, List.of(), alerts);

        assertThat(floor.namedAlerts()).extracting(FloorMonitor.Line::code)
                .containsExactly("s5", "s6", "s7", "s8", "s4");
        assertThat(floor.unnamedAlerts()).isEqualTo(3);
    }

    @Test
    void aQuietFloorHasNothingToCount() {
        FloorMonitor.Floor floor = new FloorMonitor.Floor("36.71", "MPP Kota Tangerang", "Asia/Jakarta",
                ZonedDateTime.parse("2026-12-01T10:50:00+07:00[Asia/Jakarta]"),
                new FloorMonitor.Targets(30, 45), 0, null, 0, 0, null, false, 0, 0, 0, 0, List.of(), List.of(),
                List.of());

        assertThat(floor.namedAlerts()).isEmpty();
        assertThat(floor.unnamedAlerts()).isZero();
    }
}
