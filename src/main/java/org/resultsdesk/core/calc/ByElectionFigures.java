package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resultsdesk.core.model.Party;

/**
 * A council by-election worked out as the desk reports it: the ward's figures (shares and changes against its last
 * contest on the same ONS code, by the stated multi-member method), the verdict against the defending party, the
 * swing, and each party's share and change in order.
 *
 * @param verdict GAIN or HOLD against the defending party; WIN when no party is known to defend
 * @param swing Butler swing in points, from the party that fell back; empty with nothing to measure it against
 */
public record ByElectionFigures(
        LocalFigures figures,
        Defence defence,
        Verdict verdict,
        Party winner,
        List<PartyShare> shares,
        Optional<Swing> swing) {

    public enum Verdict {
        GAIN,
        HOLD,
        WIN
    }

    /** A party's share (by the method) and its change, unrounded. */
    public record PartyShare(Party party, BigDecimal share, ShareChange change) {}

    public ByElectionFigures {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(defence, "defence");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(winner, "winner");
        shares = List.copyOf(shares);
        Objects.requireNonNull(swing, "swing");
    }

    /** The change for a party, or NotCompared when it did not stand tonight. */
    public Optional<PartyShare> share(String partyCode) {
        return shares.stream().filter(s -> s.party().code().equals(partyCode)).findFirst();
    }
}
