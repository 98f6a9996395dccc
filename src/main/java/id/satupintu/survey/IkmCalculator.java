package id.satupintu.survey;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IKM of RULES.md section 3 in exact rational arithmetic: NRR of an element = sum of its scores / number who
 * answered it; IKM = mean of the NRRs x 25. Fractions stay fractions to the end and are rounded half up only when
 * shown, so no rounded weight (1/9 as 0.111 or 0.11) creeps in.
 */
final class IkmCalculator {

    private static final BigInteger TWENTY_FIVE = BigInteger.valueOf(25);

    /** How many respondents answered an element and the sum of their scores. */
    record Tally(long answered, long total) {

        Tally {
            if (answered < 0 || total < answered || total > 4 * answered) {
                throw new IllegalArgumentException("Scores of 1 to 4 cannot sum to " + total + " over " + answered);
            }
        }

        Tally plus(Tally other) {
            return new Tally(answered + other.answered, total + other.total);
        }
    }

    private IkmCalculator() {
    }

    static Ikm compute(List<SurveyElement> elements, Map<String, Tally> tallies, long respondents) {
        List<Ikm.ElementScore> scores = new ArrayList<>();
        BigInteger sumNumerator = BigInteger.ZERO;
        BigInteger sumDenominator = BigInteger.ONE;
        int answered = 0;
        for (SurveyElement element : elements) {
            Tally tally = tallies.get(element.code());
            if (tally == null || tally.answered() == 0) {
                scores.add(new Ikm.ElementScore(element, 0, null, null, null));
                continue;
            }
            BigInteger total = BigInteger.valueOf(tally.total());
            BigInteger count = BigInteger.valueOf(tally.answered());
            sumNumerator = sumNumerator.multiply(count).add(total.multiply(sumDenominator));
            sumDenominator = sumDenominator.multiply(count);
            BigInteger common = sumNumerator.gcd(sumDenominator);
            sumNumerator = sumNumerator.divide(common);
            sumDenominator = sumDenominator.divide(common);
            answered++;
            BigDecimal converted = rounded(total.multiply(TWENTY_FIVE), count, 2);
            scores.add(new Ikm.ElementScore(element, tally.answered(), rounded(total, count, 4), converted,
                    Grade.of(converted)));
        }
        if (answered == 0) {
            return new Ikm(respondents, List.copyOf(scores), null, null, null);
        }
        BigInteger meanDenominator = sumDenominator.multiply(BigInteger.valueOf(answered));
        BigDecimal ikm = rounded(sumNumerator.multiply(TWENTY_FIVE), meanDenominator, 2);
        return new Ikm(respondents, List.copyOf(scores), rounded(sumNumerator, meanDenominator, 4), ikm,
                Grade.of(ikm));
    }

    /** numerator / denominator rounded half up; BigDecimal rounds the exact quotient, not an approximation of it. */
    private static BigDecimal rounded(BigInteger numerator, BigInteger denominator, int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }
}
