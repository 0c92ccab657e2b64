package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import org.resultsdesk.core.model.Candidacy;

public record CandidateFigures(Candidacy candidacy, BigDecimal sharePercent, ShareChange change) {}
