package org.resultsdesk.core.byelections;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.announce.ByElectionWriter;
import org.resultsdesk.core.announce.Formats;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.ByElectionFigures;
import org.resultsdesk.core.calc.LocalFigures;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;

/** The week's list ({@code /byelections}) and the Friday summary ({@code /byelections results}) as replies. */
public final class ByElectionPages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final LocalResults local;
    private final ResultsArchive westminster;
    private final ResultCalculator calculator = new ResultCalculator();

    public ByElectionPages(LocalResults local, ResultsArchive westminster) {
        this.local = local;
        this.westminster = westminster;
    }

    /** "Thu 10 Dec 2026" (three-letter months, as the house style writes them). */
    static String day(LocalDate date) {
        return DAY.format(date).replace("Sept", "Sep");
    }

    public Reply list(ByElectionWeek week) {
        List<String> lines = new ArrayList<>();
        lines.add("By-elections, week of " + day(week.monday()) + " to " + day(week.sunday()));
        if (week.council().isEmpty()) {
            lines.add("No council by-elections on file for this week.");
        }
        LocalDate lastDay = null;
        String lastCouncil = null;
        for (ByElectionWeek.Council c : week.council()) {
            if (!c.day().equals(lastDay)) {
                lines.add("");
                lines.add(day(c.day()));
                lastDay = c.day();
                lastCouncil = null;
            }
            if (!c.ward().council().fullName().equals(lastCouncil)) {
                lastCouncil = c.ward().council().fullName();
                lines.add(lastCouncil);
            }
            lines.add("• " + c.ward().name() + " " + c.ward().areaWord()
                    + (c.seats() == 1 ? "" : " (" + c.seats() + " seats)") + ". "
                    + ByElectionWriter.evidence(local.defenceOf(c.ballot(), c.ward())));
            lines.add("  " + lastResult(c));
            lines.add("  Candidates: "
                    + (c.candidates().isEmpty()
                            ? "not listed yet"
                            : c.candidates().stream()
                                    .map(n -> n.name() + " (" + ByElectionWriter.abbreviation(n.party()) + ")")
                                    .collect(Collectors.joining(", "))));
            lines.add("  "
                    + c.result()
                            .map(r -> "Result in: " + ByElectionWriter.verdictShort(local.byElection(r)))
                            .orElse("Result not in yet"));
        }
        parliamentary(week, lines);
        return Reply.text(String.join("\n", lines));
    }

    /** "Last time, May 2025 (3 seats): Con 41.3%, Lab 30.0%; elected Lesley Clarke (Con), ...". */
    private String lastResult(ByElectionWeek.Council c) {
        Optional<LocalContest> last = local.archive().contestsIn(c.ward()).stream()
                .filter(k -> k.ballot().date().isBefore(c.day()))
                .findFirst();
        if (last.isEmpty()) {
            return "No previous result on file";
        }
        LocalContest p = last.get();
        LocalFigures f = local.calculator().calculate(p, Optional.empty());
        String shares = f.rows().stream()
                .filter(r -> r.share().isPresent())
                .map(r -> ByElectionWriter.abbreviation(r.candidate().party()) + " "
                        + Formats.percent(r.share().get()))
                .collect(Collectors.joining(", "));
        String elected = p.elected().stream()
                .map(w -> w.displayName() + " (" + ByElectionWriter.abbreviation(w.party()) + ")")
                .collect(Collectors.joining(", "));
        return "Last time, " + Formats.date(p.ballot().date()) + (p.ballot().byElection() ? " by-election" : "")
                + (p.seats() == 1
                        ? ""
                        : " (" + p.seats() + " seats, "
                                + local.calculator().method().description() + ")")
                + ": " + (shares.isEmpty() ? "uncontested" : shares) + "; elected " + elected;
    }

    public Reply summary(ByElectionWeek week) {
        List<String> lines = new ArrayList<>();
        lines.add("By-election results, week of " + day(week.monday()) + " to " + day(week.sunday()));
        List<ByElectionFigures> results = new ArrayList<>();
        lines.add("Council by-elections: " + week.declared().size() + " of "
                + week.council().size() + " declared");
        for (ByElectionWeek.Council c : week.council()) {
            if (c.result().isEmpty()) {
                continue;
            }
            ByElectionFigures by = local.byElection(c.result().get());
            results.add(by);
            lines.add("• " + ByElectionWriter.verdictShort(by) + ": " + c.ward().name() + " ("
                    + c.ward().council().name() + ")"
                    + (by.verdict() == ByElectionFigures.Verdict.WIN ? ", nobody known to defend" : ""));
        }
        List<String> waiting = week.council().stream()
                .filter(c -> c.result().isEmpty())
                .map(c -> c.ward().name() + " (" + c.ward().council().name() + ", " + day(c.day()) + ")")
                .toList();
        if (!waiting.isEmpty()) {
            lines.add("Not declared yet: " + String.join(", ", waiting));
        }
        WeekTally tally = WeekTally.of(results);
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Text(String.join("\n", lines)));
        if (tally.seats().isEmpty()) {
            parts.add(new Reply.Text(results.isEmpty() ? "No results in yet." : "No seats changed hands."));
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Party", "Gains", "Losses", "Net"));
            tally.seatsInOrder()
                    .forEach(s -> rows.add(List.of(
                            PartyStyle.of(s.party()).label(),
                            String.valueOf(s.gains()),
                            String.valueOf(s.losses()),
                            (s.net() > 0 ? "+" : "") + s.net())));
            parts.add(new Reply.Table("Seats changing hands", rows));
        }
        if (!tally.changes().isEmpty()) {
            parts.add(new Reply.Text("Average change in share where the party stood both times ("
                    + local.calculator().method().description() + " in multi-member wards): "
                    + tally.changesInOrder().stream()
                            .map(a -> ByElectionWriter.abbreviation(a.party()) + " " + ByElectionWriter.points(a.mean())
                                    + " (" + a.contests() + (a.contests() == 1 ? " contest)" : " contests)"))
                            .collect(Collectors.joining(", "))));
        }
        List<String> parl = new ArrayList<>();
        parliamentary(week, parl);
        if (!parl.isEmpty()) {
            parts.add(new Reply.Text(String.join("\n", parl).strip()));
        }
        return new Reply(parts, List.of());
    }

    private void parliamentary(ByElectionWeek week, List<String> lines) {
        if (week.parliamentary().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("Parliamentary by-elections");
        for (Contest c : week.parliamentary()) {
            lines.add("• " + c.seat().name() + ", " + day(c.election().date()) + ": " + verdict(c));
        }
    }

    private String verdict(Contest contest) {
        return AnnouncementFactory.shortVerdict(calculator.calculate(contest, westminster.comparisonFor(contest)));
    }
}
