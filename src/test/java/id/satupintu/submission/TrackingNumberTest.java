package id.satupintu.submission;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingNumberTest {

    @Test
    void joinsTheMallTheLocalDayAndASixDigitSerial() {
        assertThat(TrackingNumber.of("3671", LocalDate.of(2026, 11, 28), 123).value())
                .isEqualTo("3671-20261128-000123");
    }

    @Test
    void theSerialStaysWithinSixDigits() {
        assertThat(TrackingNumber.of("3217", LocalDate.of(2026, 12, 1), 999_999).value()).endsWith("-999999");
        assertThatThrownBy(() -> TrackingNumber.of("3217", LocalDate.of(2026, 12, 1), 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackingNumber.of("3217", LocalDate.of(2026, 12, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsWhatPeopleTypeAndRefusesWhatIsNotANumber() {
        assertThat(TrackingNumber.parse("  3217-20261201-000001 ")).contains(new TrackingNumber("3217-20261201-000001"));
        assertThat(TrackingNumber.parse("3217-2026121-000001")).isEmpty();
        assertThat(TrackingNumber.parse("../../etc/passwd")).isEmpty();
        assertThat(TrackingNumber.parse("3217-20261201-000001; DROP TABLE")).isEmpty();
        assertThat(TrackingNumber.parse(null)).isEmpty();
    }
}
