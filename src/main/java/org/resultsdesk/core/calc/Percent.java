package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Exact percentages, and the one rounding the house style allows: half-up, once, from the unrounded value. */
public final class Percent {
    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {}

    public static BigDecimal of(long part, long whole) {
        if (whole <= 0) {
            throw new IllegalArgumentException("whole must be positive: " + whole);
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), PRECISION);
    }

    /** A fraction such as the Commons Library's 0.449390 as a percentage. */
    public static BigDecimal fromFraction(BigDecimal fraction) {
        return fraction.multiply(HUNDRED);
    }

    public static BigDecimal oneDecimal(BigDecimal unrounded) {
        return unrounded.setScale(1, RoundingMode.HALF_UP);
    }
}
