package id.satupintu.survey;

import java.math.BigDecimal;

/**
 * The quality of service (mutu pelayanan) for an IKM value on the 25-100 scale, judged on the value rounded to two
 * decimals with the lower bounds of RULES.md section 3; the published bands leave gaps (64.99 to 65.00), which these
 * bounds close.
 */
public enum Grade {
    A(new BigDecimal("88.31")), B(new BigDecimal("76.61")), C(new BigDecimal("65.00")), D(BigDecimal.ZERO);

    private final BigDecimal lowerBound;

    Grade(BigDecimal lowerBound) {
        this.lowerBound = lowerBound;
    }

    /** The grade of a value already rounded to two decimals. */
    public static Grade of(BigDecimal roundedIkm) {
        for (Grade grade : values()) {
            if (roundedIkm.compareTo(grade.lowerBound) >= 0) {
                return grade;
            }
        }
        return D;
    }
}
