package org.resultsdesk.core.calc;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.resultsdesk.core.model.Party;

/**
 * Who defends the vacancy at a council by-election (the party of the councillor who left), and on what evidence.
 *
 * @param party the defending party; empty when nothing on file settles it
 * @param basis where the answer comes from
 * @param year the polling year of the result it rests on (RESULT, SPLIT, DISAGREE)
 * @param seats how many seats that result (or the roster, for ROSTER) covers
 * @param split seats by party code where they are split (SPLIT, DISAGREE: the roster's)
 * @param setBy the editor who set it (EDITOR)
 */
public record Defence(
        Optional<Party> party,
        Basis basis,
        Optional<Integer> year,
        int seats,
        Map<String, Integer> split,
        Optional<String> setBy) {

    public enum Basis {
        /** An editor said so with /defending. */
        EDITOR,
        /** Every seat at the ward's last election (and any by-election since) went to one party. */
        RESULT,
        /** No result on file, but every councillor the roster lists for the ward sits for one party. */
        ROSTER,
        /** The ward's members are of more than one party: nothing says whose seat fell vacant. */
        SPLIT,
        /** The last result was one party's, but the roster now lists others (a defection, say). */
        DISAGREE,
        /** Neither a result nor the roster on file. */
        NONE
    }

    public Defence {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(year, "year");
        split = ordered(split);
        Objects.requireNonNull(setBy, "setBy");
        if (party.isPresent() != (basis == Basis.EDITOR || basis == Basis.RESULT || basis == Basis.ROSTER)) {
            throw new IllegalArgumentException(
                    basis + " defence " + (party.isPresent() ? "with" : "without") + " a party");
        }
    }

    /** Most seats first, then by party code, so the evidence reads the same every time. */
    private static Map<String, Integer> ordered(Map<String, Integer> split) {
        Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
        split.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(ordered);
    }

    public static Defence unknown() {
        return new Defence(Optional.empty(), Basis.NONE, Optional.empty(), 0, Map.of(), Optional.empty());
    }

    public static Defence setBy(Party party, String editor) {
        return new Defence(Optional.of(party), Basis.EDITOR, Optional.empty(), 0, Map.of(), Optional.of(editor));
    }

    public boolean known() {
        return party.isPresent();
    }
}
