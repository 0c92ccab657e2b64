package org.resultsdesk.core.model;

import java.util.Objects;

/** One candidate's standing and vote in one contest. */
public record Candidacy(String givenName, String familyName, Party party, int votes) {
    public Candidacy {
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(party, "party");
        if (votes < 0) {
            throw new IllegalArgumentException("negative votes for " + givenName + " " + familyName);
        }
    }

    /** "Damien Egan"; a notional party aggregate has no name and shows its party instead. */
    public String displayName() {
        String full = (givenName + " " + familyName).strip();
        return full.isEmpty() ? party.name() : full;
    }

    /** The surname as a news story uses it on second reference. */
    public String surname() {
        return familyName.isBlank() ? displayName() : familyName;
    }
}
