package org.resultsdesk.core.model;

import java.util.Objects;

/**
 * One candidate's standing and vote in one contest. {@code givenName} holds every forename the source gives ("Sarah
 * Joanne"). {@code sittingMp} and {@code formerMp} are the Commons Library's "Sitting MP" and "Former MP" columns: an
 * MP at dissolution (or, at a by-election, at the writ), and a past MP who was not one then; false where unknown.
 */
public record Candidacy(
        String givenName, String familyName, Party party, int votes, boolean sittingMp, boolean formerMp) {
    public Candidacy(String givenName, String familyName, Party party, int votes) {
        this(givenName, familyName, party, votes, false, false);
    }

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

    /** The name people know, for copy: the first forename and the surname ("Sarah Pochin", not "Sarah Joanne Pochin"). */
    public String knownName() {
        String first = givenName.strip().split("\\s+")[0];
        String known = (first + " " + familyName).strip();
        return known.isEmpty() ? party.name() : known;
    }

    /** The surname as a news story uses it on second reference. */
    public String surname() {
        return familyName.isBlank() ? displayName() : familyName;
    }
}
