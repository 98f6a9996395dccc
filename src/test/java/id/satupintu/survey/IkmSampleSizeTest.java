package id.satupintu.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The minimum sample of a period, Krejcie-Morgan: the formula rounded up, 384 from a population of 100,000. */
class IkmSampleSizeTest {

    @ParameterizedTest
    @CsvSource({"1000, 278", "10000, 370", "100000, 384", "5000000, 384", "100, 80", "10, 10", "1, 1", "0, 0"})
    void reproducesTheTable(long population, int sample) {
        assertThat(MinimumSample.of(population)).isEqualTo(sample);
    }

    @Test
    void neverAsksForMoreThanThePopulationAndNeverLessForALargerOne() {
        int previous = 0;
        for (long population = 1; population <= 120_000; population += population < 2_000 ? 1 : 97) {
            int sample = MinimumSample.of(population);
            assertThat(sample).as("population %d", population).isLessThanOrEqualTo((int) Math.min(population, 384))
                    .isGreaterThanOrEqualTo(previous);
            previous = sample;
        }
    }
}
