package org.resultsdesk.core.calc;

import org.resultsdesk.core.model.Party;

/** GAIN or HOLD, measured against the winner of the comparison result. */
public record Verdict(Party winner, Party previousWinner, boolean gain) {}
