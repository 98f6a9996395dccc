package id.satupintu.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LAPOR! simulator of the demo: it takes every report and answers it a while after it was passed on. */
class LaporSimulatorTest {

    static final Instant PASSED_ON = Instant.parse("2026-12-01T02:00:00Z");
    static final LaporGateway.Report REPORT = new LaporGateway.Report("ADU-K7M4-X9QP-3RTA", PASSED_ON,
            "FACILITIES", "Atap ruang tunggu bocor saat hujan.", "MPP Kabupaten Musi Rawas", "16.05");

    static SimulatedLaporGateway at(Instant now) {
        return new SimulatedLaporGateway(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(3));
    }

    @Test
    void aReportIsInProgressThenAnsweredAndTheSameReportKeepsItsId() {
        String id = at(PASSED_ON).submit(REPORT);
        assertThat(at(PASSED_ON.plusSeconds(30)).submit(REPORT)).as("filed again, same report").isEqualTo(id);
        assertThat(at(PASSED_ON.plusSeconds(60)).status(id).state()).isEqualTo(LaporGateway.State.IN_PROGRESS);
        LaporGateway.Status answered = at(PASSED_ON.plus(Duration.ofMinutes(3))).status(id);
        assertThat(answered.state()).isEqualTo(LaporGateway.State.ANSWERED);
        assertThat(answered.reply()).contains("SP4N-LAPOR!");
    }

    @Test
    void anIdItDidNotGiveIsUnknown() {
        assertThatThrownBy(() -> at(PASSED_ON).status("LAPOR-123"))
                .isInstanceOf(LaporGateway.LaporUnavailable.class);
    }
}
