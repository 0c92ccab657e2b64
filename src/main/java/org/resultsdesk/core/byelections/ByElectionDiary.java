package org.resultsdesk.core.byelections;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.DueBallot;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.port.ByElectionCalendar;

/**
 * Gathers a week's by-elections: the council ballots the live calendar lists as due, with the result of each once it
 * is in (and any declared council by-election the calendar did not list), and the week's parliamentary by-elections
 * on file.
 */
public final class ByElectionDiary {
    private final ByElectionCalendar calendar;
    private final Supplier<LocalArchive> local;
    private final ResultsArchive westminster;

    public ByElectionDiary(ByElectionCalendar calendar, Supplier<LocalArchive> local, ResultsArchive westminster) {
        this.calendar = calendar;
        this.local = local;
        this.westminster = westminster;
    }

    /** The Monday of the week a day falls in. */
    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public ByElectionWeek week(LocalDate anyDay) {
        LocalDate monday = mondayOf(anyDay);
        LocalDate sunday = monday.plusDays(6);
        LocalArchive archive = local.get();
        Map<String, ByElectionWeek.Council> byBallot = new LinkedHashMap<>();
        for (DueBallot due : calendar.dueBetween(monday, sunday)) {
            if (!due.ballot().byElection()) {
                continue;
            }
            byBallot.put(
                    due.ballot().toString(),
                    new ByElectionWeek.Council(
                            due.ballot(),
                            due.ward(),
                            due.seats(),
                            due.candidates(),
                            archive.contest(due.ballot().toString())));
        }
        archive.contests().stream()
                .filter(c -> c.ballot().byElection())
                .filter(c -> !c.ballot().date().isBefore(monday)
                        && !c.ballot().date().isAfter(sunday))
                .filter(c -> !byBallot.containsKey(c.id()))
                .forEach(c -> byBallot.put(c.id(), declaredOnly(c)));
        List<ByElectionWeek.Council> council = byBallot.values().stream()
                .sorted(Comparator.comparing(ByElectionWeek.Council::day)
                        .thenComparing(c -> c.ward().council().name())
                        .thenComparing(c -> c.ward().name()))
                .toList();
        List<Contest> parliamentary = westminster.contests().stream()
                .filter(c -> c.election().kind() == ElectionKind.BY_ELECTION)
                .filter(c -> !c.election().date().isBefore(monday)
                        && !c.election().date().isAfter(sunday))
                .sorted(Comparator.comparing((Contest c) -> c.election().date())
                        .thenComparing(c -> c.seat().name()))
                .toList();
        return new ByElectionWeek(monday, council, parliamentary);
    }

    private static ByElectionWeek.Council declaredOnly(LocalContest c) {
        return new ByElectionWeek.Council(
                c.ballot(),
                c.ward(),
                c.seats(),
                c.candidates().stream()
                        .map(k -> new DueBallot.Nominee(k.displayName(), k.party()))
                        .toList(),
                Optional.of(c));
    }
}
