package id.satupintu.insight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InsightHistogramTest {

    @Test
    void bucketsWidenWithTheTime() {
        assertThat(InsightHistogram.BUCKETS).isEqualTo(66);
        assertThat(InsightHistogram.bucket(0)).isZero();
        assertThat(InsightHistogram.bucket(59)).isZero();
        assertThat(InsightHistogram.bucket(60)).isEqualTo(1);
        assertThat(InsightHistogram.bucket(30 * 60)).isEqualTo(30);
        assertThat(InsightHistogram.bucket(31 * 60)).as("2-minute buckets from 30 minutes").isEqualTo(30);
        assertThat(InsightHistogram.bucket(4 * 3600 - 1)).isEqualTo(64);
        assertThat(InsightHistogram.bucket(10 * 3600)).isEqualTo(65);
        assertThat(InsightHistogram.bucket(-5)).isZero();
    }

    @Test
    void percentilesAreInterpolatedInsideTheirBucket() {
        int[] counts = InsightHistogram.empty();
        // 100 waits spread evenly over 10:00 to 19:59: p50 is 15 minutes, p90 19 minutes.
        for (int minute = 10; minute < 20; minute++) {
            counts[InsightHistogram.bucket(minute * 60L)] += 10;
        }
        assertThat(InsightHistogram.percentile(counts, 0.5)).isCloseTo(15 * 60.0, within(0.001));
        assertThat(InsightHistogram.percentile(counts, 0.9)).isCloseTo(19 * 60.0, within(0.001));
        assertThat(InsightHistogram.percentile(InsightHistogram.empty(), 0.5)).isNull();
        int[] long_ = InsightHistogram.empty();
        long_[65] = 3;
        assertThat(InsightHistogram.percentile(long_, 0.9)).as("past four hours: four hours").isEqualTo(14400.0);
    }

    @Test
    void readsPostgresArrays() {
        assertThat(InsightHistogram.parse("{0,12,3}")).containsExactly(0, 12, 3);
        assertThat(InsightHistogram.parse("{}")).isEmpty();
        assertThat(InsightHistogram.parse(null)).isNull();
        int[] into = {1, 2, 3};
        InsightHistogram.addInto(into, new int[] {1, 1, 1});
        assertThat(into).containsExactly(2, 3, 4);
    }
}
