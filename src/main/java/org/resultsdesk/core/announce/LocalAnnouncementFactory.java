package org.resultsdesk.core.announce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.resultsdesk.core.calc.ByElectionFigures;
import org.resultsdesk.core.calc.LocalFigures;
import org.resultsdesk.core.calc.Percent;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;

/**
 * A local result in the house style, as the same {@link Announcement} every platform already renders:
 *
 * <pre>
 * headline   Abbey ward, Buckinghamshire Council, 1 May 2025 (2 seats)
 * verdict    Conservative HOLD 2
 * winnerLine Elected: Lesley Clarke (Con), Mahboob Hussain (Con). Con 2
 * rows       CON  Lesley Clarke ✓  1,021  41.3%  +3.2
 * turnout    Turnout 25.6% (2021: 30.1%)
 * notes      Shares and changes: each party's top candidate. Changes since 2021
 * </pre>
 *
 * Elected candidates carry {@link #ELECTED}. A party's share and change stand on its leading row.
 */
public final class LocalAnnouncementFactory {
    public static final String ELECTED = "✓";

    public Announcement announce(LocalFigures figures) {
        return announce(figures, Optional.empty());
    }

    /**
     * @param newWardSince with no previous result: the year the council last voted without this ward's ONS code (a
     *     new ward since), or empty when nothing earlier is on file for the council either
     */
    public Announcement announce(LocalFigures figures, Optional<Integer> newWardSince) {
        LocalContest contest = figures.contest();
        return new Announcement(
                contest.id(),
                headline(contest),
                verdict(figures),
                figures.previous().isEmpty() || !figures.seatsComparable()
                        ? Announcement.Outcome.WIN
                        : figures.anyGain() ? Announcement.Outcome.GAIN : Announcement.Outcome.HOLD,
                winnerLine(figures),
                figures.rows().stream().map(LocalAnnouncementFactory::row).toList(),
                Optional.empty(),
                turnout(figures),
                notes(figures, newWardSince));
    }

    /**
     * A council by-election: the verdict against the defending party (or a plain win), the swing since the ward's last
     * contest, who defends and why, and the desk's one-line result last.
     */
    public Announcement announce(ByElectionFigures by, Optional<Integer> newWardSince) {
        LocalFigures figures = by.figures();
        LocalContest contest = figures.contest();
        List<String> notes = new ArrayList<>();
        notes.add(ByElectionWriter.evidence(by.defence()));
        figures.previous()
                .filter(p -> p.seats() > 1 || contest.seats() > 1)
                .ifPresent(p -> notes.add(
                        "Shares and changes: " + figures.method().description() + " (the " + ByElectionWriter.since(p)
                                + " contest was for " + p.seats() + (p.seats() == 1 ? " seat)" : " seats)")));
        figures.previous()
                .ifPresentOrElse(
                        p -> notes.add("Changes since " + ByElectionWriter.since(p)),
                        () -> notes.addAll(notes(figures, newWardSince)));
        notes.add(new ByElectionWriter().deskLine(by));
        return new Announcement(
                contest.id(),
                headline(contest),
                ByElectionWriter.verdictLong(by),
                switch (by.verdict()) {
                    case GAIN -> Announcement.Outcome.GAIN;
                    case HOLD -> Announcement.Outcome.HOLD;
                    case WIN -> Announcement.Outcome.WIN;
                },
                winnerLine(figures),
                figures.rows().stream().map(LocalAnnouncementFactory::row).toList(),
                ByElectionWriter.swing(by),
                ByElectionWriter.turnout(by),
                notes);
    }

    /** "Abbey ward, Buckinghamshire Council, 1 May 2025 (2 seats)". */
    static String headline(LocalContest contest) {
        String seats = contest.seats() == 1 ? "" : " (" + contest.seats() + " seats)";
        return contest.ward().name() + " " + contest.ward().areaWord() + ", "
                + contest.council().fullName() + (contest.ballot().byElection() ? " by-election, " : ", ")
                + Formats.date(contest.ballot().date()) + seats;
    }

    /** "Lab 2, Con 1". */
    public static String tally(Map<String, Integer> seatsByParty) {
        return seatsByParty.entrySet().stream()
                .map(e -> PartyStyle.of(e.getKey()).abbreviation() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String verdict(LocalFigures figures) {
        LocalContest contest = figures.contest();
        Map<String, String> names = partyNames(contest);
        if (!figures.seatsComparable()) {
            return contest.seatsByParty().entrySet().stream()
                    .map(e -> names.get(e.getKey()) + " WIN" + (contest.seats() == 1 ? "" : " " + e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        List<String> parts = new ArrayList<>();
        for (LocalFigures.SeatChange s : figures.seatChanges()) {
            String name = names.get(s.partyCode());
            if (s.gained() > 0) {
                Map<String, Long> from = s.gainedFrom().stream()
                        .collect(Collectors.groupingBy(p -> p, LinkedHashMap::new, Collectors.counting()));
                parts.add(name + " GAIN" + (contest.seats() == 1 ? "" : " " + s.gained()) + " from "
                        + from.entrySet().stream()
                                .map(e -> PartyStyle.of(e.getKey()).name()
                                        + (e.getValue() > 1 && from.size() > 1 ? " (" + e.getValue() + ")" : ""))
                                .collect(Collectors.joining(" and ")));
            }
            if (s.held() > 0) {
                parts.add(name + " HOLD" + (contest.seats() == 1 ? "" : " " + s.held()));
            }
        }
        return String.join(", ", parts);
    }

    private static String winnerLine(LocalFigures figures) {
        LocalContest contest = figures.contest();
        if (contest.seats() == 1) {
            LocalCandidacy winner = contest.elected().get(0);
            String line =
                    winner.displayName() + " (" + PartyStyle.of(winner.party()).abbreviation() + ") elected";
            if (contest.uncontested()) {
                return line + " unopposed";
            }
            int majority = figures.majority().orElse(0);
            return line + ", majority " + Formats.votes(majority) + " ("
                    + Formats.majorityPercent(majority, Percent.of(majority, contest.totalVotes())) + ")";
        }
        return "Elected" + (contest.uncontested() ? " unopposed: " : ": ")
                + contest.elected().stream()
                        .map(c -> c.displayName() + " ("
                                + PartyStyle.of(c.party()).abbreviation() + ")")
                        .collect(Collectors.joining(", "))
                + ". " + tally(contest.seatsByParty());
    }

    private static Announcement.Row row(LocalFigures.Row r) {
        LocalCandidacy c = r.candidate();
        return new Announcement.Row(
                PartyStyle.of(c.party()).label(),
                c.displayName() + (c.elected() ? " " + ELECTED : ""),
                Formats.votes(c.votes()),
                r.share().map(Formats::percent).orElse(""),
                Formats.change(r.change()));
    }

    private static String turnout(LocalFigures figures) {
        Optional<BigDecimal> now = figures.contest().turnout();
        Optional<String> before = figures.previous()
                .flatMap(p -> p.turnout().map(t -> p.ballot().date().getYear() + ": " + Formats.percent(t)));
        return now.map(t -> "Turnout " + Formats.percent(t)
                        + (figures.contest().turnoutFromVotes() ? " from the votes cast" : "")
                        + before.map(b -> " (" + b + ")").orElse(""))
                .orElse("Turnout not published");
    }

    private static List<String> notes(LocalFigures figures, Optional<Integer> newWardSince) {
        LocalContest contest = figures.contest();
        List<String> notes = new ArrayList<>();
        if (contest.seats() > 1) {
            notes.add("Shares and changes: " + figures.method().description() + " (" + contest.seats()
                    + " seats, each voter up to " + contest.seats() + " votes)");
        }
        figures.previous()
                .ifPresentOrElse(
                        p -> {
                            String year = String.valueOf(p.ballot().date().getYear());
                            notes.add("Changes since " + year + (p.ballot().byElection() ? " by-election" : ""));
                            if (!figures.seatsComparable()) {
                                notes.add("In " + year + " " + p.seats()
                                        + (p.seats() == 1 ? " seat was" : " seats were") + " up ("
                                        + tally(p.seatsByParty()) + "): no seat-by-seat GAIN or HOLD");
                            }
                        },
                        () -> notes.add(newWardSince
                                .map(year -> "New " + contest.ward().areaWord() + ": no contest on this ONS code ("
                                        + contest.ward().onsCode() + ") when "
                                        + contest.council().fullName()
                                        + " last voted (" + year + ")")
                                .orElse("No previous result on file for this "
                                        + contest.ward().areaWord() + " (ONS "
                                        + contest.ward().onsCode() + ")")));
        return notes;
    }

    private static Map<String, String> partyNames(LocalContest contest) {
        Map<String, String> names = new LinkedHashMap<>();
        contest.candidates().forEach(c -> names.putIfAbsent(c.party().code(), name(c.party())));
        return names;
    }

    private static String name(Party party) {
        return PartyStyle.of(party).name();
    }
}
