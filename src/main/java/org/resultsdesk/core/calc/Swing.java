package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import org.resultsdesk.core.model.Party;

/** Butler swing in percentage points (unrounded, never negative) from one party to another. */
public record Swing(BigDecimal points, Party from, Party to) {}
