package org.resultsdesk.core.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.LocalContest;

/**
 * Which accepted declarations are news, so alerted: not one whose figures equal those already held for the contest
 * (an archive re-sent under new revision numbers), and not one for an election that ended more than
 * {@code oldElectionDays} days ago (0: no age limit, as in a replay). Both are still stored; an editor posts them
 * with /result where they are wanted.
 */
public record NewsPolicy(int oldElectionDays, ZoneId zone) {
    /** Results declare the night after polling day, a Scottish or Northern Irish count by the Saturday. */
    public static final int DEFAULT_OLD_ELECTION_DAYS = 3;

    public static final NewsPolicy DEFAULTS = new NewsPolicy(DEFAULT_OLD_ELECTION_DAYS, ZoneId.of("Europe/London"));

    public NewsPolicy {
        Objects.requireNonNull(zone, "zone");
        if (oldElectionDays < 0) {
            throw new IllegalArgumentException("alerts.old-election-days must be 0 or more");
        }
    }

    public NewsPolicy withOldElectionDays(int days) {
        return new NewsPolicy(days, zone);
    }

    /** Why a declaration is not news, or empty when it is; {@code held} is the contest as last stored. */
    public Optional<String> whyNotNews(Contest declared, Optional<Contest> held, Clock clock) {
        if (held.isPresent() && sameFigures(declared, held.get())) {
            return Optional.of("the figures already held");
        }
        return whyNotNews(declared.election(), clock);
    }

    /** The same rules for a local result: its figures already held, or its polling day too long ago. */
    public Optional<String> whyNotNews(LocalContest declared, Optional<LocalContest> held, Clock clock) {
        if (held.isPresent() && sameFigures(declared, held.get())) {
            return Optional.of("the figures already held");
        }
        return whyNotNews(declared.ballot().date(), clock);
    }

    /** Why news of this election is not news any more, or empty when it is. */
    public Optional<String> whyNotNews(Election election, Clock clock) {
        return whyNotNews(election.date(), clock);
    }

    private Optional<String> whyNotNews(LocalDate pollingDay, Clock clock) {
        if (oldElectionDays > 0) {
            long ago = ChronoUnit.DAYS.between(pollingDay, LocalDate.now(clock.withZone(zone)));
            if (ago > oldElectionDays) {
                return Optional.of("an election that ended more than " + oldElectionDays + " days ago");
            }
        }
        return Optional.empty();
    }

    /** The same votes for the same candidates, electorate and ballots, whatever the declaration time or flags say. */
    static boolean sameFigures(Contest a, Contest b) {
        return a.electorate() == b.electorate()
                && a.validVotes() == b.validVotes()
                && (a.invalidVotes().isEmpty()
                        || b.invalidVotes().isEmpty()
                        || a.invalidVotes().equals(b.invalidVotes()))
                && figures(a).equals(figures(b));
    }

    private record Figure(String party, String name, int votes) {}

    /** The same seats, votes for the same candidates, the same elected, electorate and ballot papers. */
    static boolean sameFigures(LocalContest a, LocalContest b) {
        return a.seats() == b.seats()
                && a.electorate().equals(b.electorate())
                && a.ballotPapers().equals(b.ballotPapers())
                && localFigures(a).equals(localFigures(b));
    }

    private static List<String> localFigures(LocalContest contest) {
        return contest.candidates().stream()
                .map(c -> c.party().code() + "|"
                        + c.displayName().strip().toLowerCase(java.util.Locale.ROOT) + "|" + c.votes() + "|"
                        + c.elected())
                .sorted()
                .toList();
    }

    private static List<Figure> figures(Contest contest) {
        return contest.candidates().stream()
                .map((Candidacy c) -> new Figure(
                        c.party().code(), c.displayName().strip().toLowerCase(java.util.Locale.ROOT), c.votes()))
                .sorted(Comparator.comparing(Figure::party)
                        .thenComparing(Figure::name)
                        .thenComparingInt(Figure::votes))
                .toList();
    }
}
