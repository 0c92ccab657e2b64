package org.resultsdesk.core.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;

/**
 * Works out a local result (DESIGN.md §3a): party shares by the stated {@link MultiMemberMethod}, changes against the
 * ward's previous contest on the same ONS code by the same method, GAIN/HOLD per seat against the seats that party
 * won last time, and the majority of a single-member ward. Pure: no clock, no I/O.
 */
public final class LocalCalculator {
    /** The precision {@link Percent#of} works in, so shares here and there agree to the last digit. */
    private static final MathContext PRECISION = new MathContext(20, java.math.RoundingMode.HALF_EVEN);

    private final MultiMemberMethod method;

    public LocalCalculator(MultiMemberMethod method) {
        this.method = method;
    }

    public MultiMemberMethod method() {
        return method;
    }

    public LocalFigures calculate(LocalContest contest, Optional<LocalContest> previous) {
        Map<String, BigDecimal> now = partyShares(contest);
        Optional<Map<String, BigDecimal>> before = previous.map(this::partyShares);
        List<LocalFigures.Row> rows = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (LocalCandidacy c : contest.candidates()) {
            String party = c.party().code();
            if (!shown.add(party) || now.get(party) == null) {
                rows.add(new LocalFigures.Row(c, Optional.empty(), new ShareChange.NotCompared()));
                continue;
            }
            BigDecimal share = now.get(party);
            ShareChange change = before.<ShareChange>map(b -> b.containsKey(party)
                            ? new ShareChange.Points(share.subtract(b.get(party)))
                            : new ShareChange.New())
                    .orElse(new ShareChange.NotCompared());
            rows.add(new LocalFigures.Row(c, Optional.of(share), change));
        }
        List<LocalFigures.SeatChange> seats = previous.filter(p -> p.seats() == contest.seats())
                .map(p -> seatChanges(contest.seatsByParty(), p.seatsByParty()))
                .orElse(List.of());
        Optional<Integer> majority =
                contest.seats() == 1 && contest.candidates().size() > 1
                        ? Optional.of(contest.candidates().get(0).votes()
                                - contest.candidates().get(1).votes())
                        : Optional.empty();
        return new LocalFigures(contest, previous, method, rows, seats, majority);
    }

    /** Each party's share of the votes counted by the method; empty when no votes were cast (uncontested). */
    Map<String, BigDecimal> partyShares(LocalContest contest) {
        Map<String, List<Integer>> votes = new LinkedHashMap<>();
        contest.candidates()
                .forEach(c -> votes.computeIfAbsent(c.party().code(), k -> new ArrayList<>())
                        .add(c.votes()));
        Map<String, BigDecimal> partyVotes = new LinkedHashMap<>();
        votes.forEach((party, list) -> partyVotes.put(
                party,
                switch (method) {
                    case TOP_CANDIDATE -> BigDecimal.valueOf(list.get(0));
                    case AVERAGE ->
                        BigDecimal.valueOf(list.stream()
                                        .mapToInt(Integer::intValue)
                                        .sum())
                                .divide(BigDecimal.valueOf(list.size()), PRECISION);
                }));
        BigDecimal total = partyVotes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        if (total.signum() > 0) {
            partyVotes.forEach((party, v) ->
                    shares.put(party, v.multiply(BigDecimal.valueOf(100)).divide(total, PRECISION)));
        }
        return shares;
    }

    /**
     * Per party tonight: seats held (up to what it won last time) and seats gained, each gain taken from a party
     * that won fewer seats than last time, the biggest loser first.
     */
    static List<LocalFigures.SeatChange> seatChanges(Map<String, Integer> now, Map<String, Integer> before) {
        List<String> losers = new ArrayList<>();
        before.forEach((party, had) -> {
            for (int i = now.getOrDefault(party, 0); i < had; i++) {
                losers.add(party);
            }
        });
        List<LocalFigures.SeatChange> changes = new ArrayList<>();
        int next = 0;
        for (Map.Entry<String, Integer> e : now.entrySet()) {
            int held = Math.min(e.getValue(), before.getOrDefault(e.getKey(), 0));
            List<String> from = new ArrayList<>();
            for (int i = held; i < e.getValue(); i++) {
                from.add(losers.get(next++));
            }
            changes.add(new LocalFigures.SeatChange(e.getKey(), held, from));
        }
        return changes;
    }
}
