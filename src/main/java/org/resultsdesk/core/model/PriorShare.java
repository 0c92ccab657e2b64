package org.resultsdesk.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A party's share of the valid vote, in percent and unrounded, in a comparison result. */
public record PriorShare(Party party, String candidateName, BigDecimal percent) {
    public PriorShare {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(percent, "percent");
        candidateName = candidateName == null ? "" : candidateName;
    }
}
