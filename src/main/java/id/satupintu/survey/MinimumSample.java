package id.satupintu.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The smallest sample a period needs (Krejcie and Morgan, 1970): s = X²NP(1-P) / (d²(N-1) + X²P(1-P)) with X² = 3.841,
 * P = 0.5 and d = 0.05, rounded up. That gives the table's 278 for 1,000 and 370 for 10,000; from 100,000 on the
 * table says 384 (the formula gives 383 at 100,000 and tends to 384.1), so 384 is taken there as RULES.md says.
 */
final class MinimumSample {

    static final long LARGE_POPULATION = 100_000;
    static final int FOR_LARGE_POPULATION = 384;

    private static final BigDecimal CHI_SQUARE_P_Q = new BigDecimal("3.841").multiply(new BigDecimal("0.25"));
    private static final BigDecimal D_SQUARED = new BigDecimal("0.0025");

    private MinimumSample() {
    }

    static int of(long population) {
        if (population <= 0) {
            return 0;
        }
        if (population >= LARGE_POPULATION) {
            return FOR_LARGE_POPULATION;
        }
        BigDecimal n = BigDecimal.valueOf(population);
        BigDecimal numerator = CHI_SQUARE_P_Q.multiply(n);
        BigDecimal denominator = D_SQUARED.multiply(n.subtract(BigDecimal.ONE)).add(CHI_SQUARE_P_Q);
        return numerator.divide(denominator, 0, RoundingMode.CEILING).intValueExact();
    }
}
