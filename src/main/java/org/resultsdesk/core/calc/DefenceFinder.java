package org.resultsdesk.core.calc;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resultsdesk.core.model.Councillor;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Ward;

/**
 * Derives the defending party of a council by-election from the data on file, only where it is unambiguous
 * (DESIGN.md §3a): the ward's members were all of one party at its last election (with any by-election since), and
 * the councillor roster does not say otherwise; or, with no result on file, every councillor the roster lists for the
 * ward sits for one party. Anything else is unknown, for an editor to set. Pure.
 */
public final class DefenceFinder {

    public Defence derive(LocalArchive archive, Ward ward, LocalDate pollingDay) {
        List<LocalContest> before = archive.contestsIn(ward).stream()
                .filter(c -> c.ballot().date().isBefore(pollingDay))
                .toList();
        Optional<LocalContest> lastFull =
                before.stream().filter(c -> !c.ballot().byElection()).findFirst();
        Map<String, Party> parties = new LinkedHashMap<>();
        Map<String, Integer> seats = new LinkedHashMap<>();
        lastFull.ifPresent(c -> c.elected().forEach(w -> count(w, parties, seats)));
        before.stream()
                .filter(c -> c.ballot().byElection())
                .filter(c -> lastFull.map(
                                f -> c.ballot().date().isAfter(f.ballot().date()))
                        .orElse(true))
                .forEach(c -> c.elected().forEach(w -> count(w, parties, seats)));
        Map<String, Integer> roster = rosterSplit(archive.councillorsIn(ward));
        if (!seats.isEmpty()) {
            int year = before.get(0).ballot().date().getYear();
            int total = lastFull.map(LocalContest::seats)
                    .orElse(seats.values().stream().mapToInt(i -> i).sum());
            if (seats.size() > 1) {
                return new Defence(
                        Optional.empty(), Defence.Basis.SPLIT, Optional.of(year), total, seats, Optional.empty());
            }
            String code = seats.keySet().iterator().next();
            if (!roster.isEmpty() && !roster.keySet().equals(seats.keySet())) {
                return new Defence(
                        Optional.empty(), Defence.Basis.DISAGREE, Optional.of(year), total, roster, Optional.empty());
            }
            return new Defence(
                    Optional.of(parties.get(code)),
                    Defence.Basis.RESULT,
                    Optional.of(year),
                    total,
                    seats,
                    Optional.empty());
        }
        if (roster.size() == 1) {
            Councillor first = archive.councillorsIn(ward).get(0);
            return new Defence(
                    Optional.of(first.party()),
                    Defence.Basis.ROSTER,
                    Optional.empty(),
                    roster.values().iterator().next(),
                    roster,
                    Optional.empty());
        }
        if (roster.size() > 1) {
            int total = roster.values().stream().mapToInt(i -> i).sum();
            return new Defence(
                    Optional.empty(), Defence.Basis.SPLIT, Optional.empty(), total, roster, Optional.empty());
        }
        return Defence.unknown();
    }

    private static void count(LocalCandidacy winner, Map<String, Party> parties, Map<String, Integer> seats) {
        parties.putIfAbsent(winner.party().code(), winner.party());
        seats.merge(winner.party().code(), 1, Integer::sum);
    }

    private static Map<String, Integer> rosterSplit(List<Councillor> councillors) {
        Map<String, Integer> split = new LinkedHashMap<>();
        councillors.forEach(c -> split.merge(c.party().code(), 1, Integer::sum));
        return split;
    }
}
