package org.resultsdesk.core.model;

import java.util.Objects;

/**
 * One candidate at a local contest. The handbooks give some names as surname and initials only ("Wye T." is given
 * name "T.", family name "Wye"); {@code incumbent} is the source's flag (a sitting councillor), false where unknown.
 */
public record LocalCandidacy(
        String givenName, String familyName, Party party, int votes, boolean elected, boolean incumbent) {
    public LocalCandidacy {
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(party, "party");
        if (votes < 0) {
            throw new IllegalArgumentException("negative votes for " + givenName + " " + familyName);
        }
        if (familyName.isBlank() && givenName.isBlank()) {
            throw new IllegalArgumentException("a candidate needs a name");
        }
    }

    /** "Lesley Clarke", "T. Wye". */
    public String displayName() {
        return (givenName + " " + familyName).strip();
    }

    /** The name for copy: first forename (or initials) and surname. */
    public String knownName() {
        String first = givenName.isBlank() ? "" : givenName.strip().split("\\s+")[0];
        return (first + " " + familyName).strip();
    }
}
