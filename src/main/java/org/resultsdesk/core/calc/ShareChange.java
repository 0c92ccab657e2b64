package org.resultsdesk.core.calc;

import java.math.BigDecimal;

/** A candidate's change in share against the comparison result. */
public sealed interface ShareChange {
    /** Change in percentage points, unrounded. */
    record Points(BigDecimal value) implements ShareChange {}

    /** The party did not stand in the comparison result. */
    record New() implements ShareChange {}

    /** There is no comparison result to measure against. */
    record NotCompared() implements ShareChange {}
}
