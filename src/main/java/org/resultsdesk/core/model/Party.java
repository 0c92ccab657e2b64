package org.resultsdesk.core.model;

import java.util.Objects;

/**
 * A party as it appeared on the ballot. {@code code} is the canonical party code (the Commons Library abbreviation:
 * Con, Lab, LD, RUK, Green, SNP, PC, Spk, Ind, ...); {@code name} is what the source called it, which may be a
 * joint description such as "Labour and Co-operative" while the code stays Lab.
 */
public record Party(String code, String name) {
    /** The code for "every other party and independent" where a source groups them (council compositions). */
    public static final String OTHERS_CODE = "Oth";

    public Party {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (code.isBlank()) {
            throw new IllegalArgumentException("party code is blank");
        }
    }

    public boolean isIndependent() {
        return code.equals("Ind");
    }
}
