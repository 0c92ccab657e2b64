package org.resultsdesk.core.byelections;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.announce.ByElectionWriter;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.DefenceSetting;
import org.resultsdesk.core.model.DueBallot;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.night.PartyNames;
import org.resultsdesk.core.port.ByElectionCalendar;
import org.resultsdesk.core.port.DefenceStore;
import org.resultsdesk.core.port.SummarySchedule;
import org.resultsdesk.core.rights.Decision;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.WardMatch;

/**
 * {@code /byelections [this week|next week|last week|<date>]}: the week's council by-elections, by day and council,
 * with who defends, the ward's last result, the candidates and whether the result is in; {@code /byelections results
 * [week]}: the week's verdicts, seats changing hands and average changes in share. {@code /defending <ward or
 * ballot> <party>} sets who defends a by-election (desk rights, decided by {@link Rights}, and audited).
 */
public final class ByElectionCommands implements CommandModule {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** How far ahead (and back, for a result already in) a ward named without a ballot id finds its by-election. */
    private static final int DAYS_AHEAD = 120;

    private static final int DAYS_BACK = 14;
    private static final int ECHO_LIMIT = 60;
    private static final DateTimeFormatter UK_DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final String DEFENDING_USAGE = "Say who defends a council by-election with /defending <ward or"
            + " ballot id> <party>, for example /defending abbey, buckinghamshire con or /defending"
            + " local.buckinghamshire.abbey.by.2026-12-10 lab; /defending <ward> unknown clears it.";

    private final LocalResults local;
    private final ByElectionDiary diary;
    private final ByElectionPages pages;
    private final ByElectionCalendar calendar;
    private final DefenceStore defences;
    private final SummarySchedule schedule;
    private final Rights rights;
    private final Clock clock;

    public ByElectionCommands(
            LocalResults local,
            ByElectionDiary diary,
            ByElectionPages pages,
            ByElectionCalendar calendar,
            DefenceStore defences,
            SummarySchedule schedule,
            Rights rights,
            Clock clock) {
        this.schedule = schedule;
        this.local = local;
        this.diary = diary;
        this.pages = pages;
        this.calendar = calendar;
        this.defences = defences;
        this.rights = rights;
        this.clock = clock;
    }

    @Override
    public Set<String> names() {
        return Set.of("byelections", "defending");
    }

    @Override
    public String help() {
        return "/byelections [this week|next week|<date>]  the week's council by-elections; /byelections results [week]"
                + "  the week's verdicts and seats changing hands\n"
                + "/defending <ward or ballot> <party>  who defends a council by-election; /byelections schedule [off]"
                + "  post the week's summary here once its results are in (desk editors)";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        if (line.name().equals("defending")) {
            return defending(line.arguments(), context);
        }
        List<String> args = line.arguments();
        if (!args.isEmpty() && args.get(0).equalsIgnoreCase("schedule")) {
            return schedule(args.subList(1, args.size()), context);
        }
        boolean results = !args.isEmpty() && args.get(0).equalsIgnoreCase("results");
        String when = String.join(" ", results ? args.subList(1, args.size()) : args)
                .strip()
                .toLowerCase(Locale.ROOT);
        Optional<LocalDate> day = week(when);
        if (day.isEmpty()) {
            return Reply.text("Which week? /byelections, /byelections next week, /byelections 2026-12-10 (the week"
                    + " of that day), or /byelections results [last week|<date>] for the week's results.");
        }
        ByElectionWeek week = diary.week(day.get());
        return results ? pages.summary(week) : pages.list(week);
    }

    private Reply schedule(List<String> args, ChatContext context) {
        if (rights.decide(context, Action.SUMMARY_SCHEDULE) instanceof Decision.Refused refused) {
            return Reply.text(refused.message());
        }
        ChannelRef here = new ChannelRef(context.platform(), context.channelId());
        boolean off = args.size() == 1 && args.get(0).equalsIgnoreCase("off");
        if (!args.isEmpty() && !off) {
            return Reply.text("/byelections schedule posts the week's by-election summary in this chat once the week's"
                    + " results are all in; /byelections schedule off stops it.");
        }
        if (off) {
            boolean removed = schedule.remove(here);
            if (removed) {
                rights.record(context, Action.SUMMARY_SCHEDULE, "off");
            }
            return Reply.text(
                    removed
                            ? "This chat will no longer get the week's by-election summary."
                            : "The by-election summary was not scheduled for this chat.");
        }
        boolean added = schedule.add(here, editorName(context));
        if (added) {
            rights.record(context, Action.SUMMARY_SCHEDULE, "on");
        }
        return Reply.text((added ? "Scheduled: this chat" : "This chat already")
                + " gets the week's by-election summary once every council by-election of the week has declared.");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    /** A day in the week asked for; empty when the words are not a week. */
    Optional<LocalDate> week(String when) {
        return switch (when) {
            case "", "this week" -> Optional.of(today());
            case "next week" -> Optional.of(today().plusWeeks(1));
            case "last week" -> Optional.of(today().minusWeeks(1));
            default -> date(when);
        };
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(text, UK_DATE));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private Reply defending(List<String> args, ChatContext context) {
        if (rights.decide(context, Action.DEFENDING) instanceof Decision.Refused refused) {
            return Reply.text(refused.message());
        }
        if (args.size() < 2) {
            return Reply.text(DEFENDING_USAGE);
        }
        for (int partyWords = Math.min(3, args.size() - 1); partyWords >= 1; partyWords--) {
            String partyText = String.join(" ", args.subList(args.size() - partyWords, args.size()));
            String wardText = String.join(" ", args.subList(0, args.size() - partyWords));
            boolean clear = Set.of("unknown", "none", "clear").contains(partyText.toLowerCase(Locale.ROOT));
            Optional<String> code = clear ? Optional.empty() : party(partyText, wardText);
            if (clear || code.isPresent()) {
                return setDefence(wardText, code, context);
            }
        }
        return Reply.text("I don't know the party \"" + echo(args.get(args.size() - 1)) + "\". " + DEFENDING_USAGE);
    }

    private Optional<String> party(String typed, String wardText) {
        String squashed = typed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", "");
        if (squashed.equals("ind") || squashed.equals("independent")) {
            return Optional.of("Ind");
        }
        Set<String> known = new LinkedHashSet<>();
        try {
            byElection(wardText).ifPresent(found -> {
                found.candidates().forEach(n -> known.add(n.party().code()));
                local.archive()
                        .contestsIn(found.ward())
                        .forEach(c ->
                                c.candidates().forEach(k -> known.add(k.party().code())));
            });
        } catch (NotFound e) {
            // The words before the party name no by-election: only a well-known party name can be meant.
        }
        return PartyNames.key(typed, known);
    }

    private Reply setDefence(String wardText, Optional<String> code, ChatContext context) {
        Found found;
        try {
            found = byElection(wardText).orElse(null);
        } catch (NotFound e) {
            return Reply.text(e.getMessage());
        }
        if (found == null) {
            return Reply.text(DEFENDING_USAGE);
        }
        String where = found.ward().name() + " (" + found.ward().council().name() + "), by-election on "
                + ByElectionPages.day(found.ballot().date());
        if (code.isEmpty()) {
            boolean cleared = defences.clear(found.ballot());
            if (cleared) {
                rights.record(context, Action.DEFENDING, found.ballot() + ": cleared");
            }
            return Reply.text(where + ": "
                    + (cleared ? "the editors' setting is cleared. " : "no editor had set who defends. ")
                    + ByElectionWriter.evidence(local.defenceOf(found.ballot(), found.ward())) + ".");
        }
        Party party = new Party(code.get(), PartyStyle.of(code.get()).name());
        defences.set(new DefenceSetting(found.ballot(), party, editorName(context), clock.instant()));
        rights.record(context, Action.DEFENDING, found.ballot() + ": " + party.code());
        String reply = where + ": " + ByElectionWriter.abbreviation(party) + " defence. GAIN and HOLD are now against "
                + PartyStyle.of(party).collective() + ".";
        Optional<LocalContest> declared = local.archive().contest(found.ballot().toString());
        return Reply.text(declared.map(
                        c -> reply + " The result now reads: " + new ByElectionWriter().deskLine(local.byElection(c)))
                .orElse(reply));
    }

    /** The editor's name as the audit and the evidence line show it: no control characters, not too long. */
    private static String editorName(ChatContext context) {
        return echo(context.who());
    }

    private static String echo(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > ECHO_LIMIT ? clean.substring(0, ECHO_LIMIT) + "…" : clean;
    }

    private record Found(BallotId ballot, Ward ward, List<DueBallot.Nominee> candidates) {}

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** The by-election a ward or ballot id names; throws {@link NotFound} with what to say when there is none. */
    private Optional<Found> byElection(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Optional<BallotId> ballot = BallotId.parse(text);
        if (ballot.isPresent()) {
            return Optional.of(ballot(ballot.get()));
        }
        WardMatch match = local.wards().find(text);
        if (match instanceof WardMatch.Found f) {
            return Optional.of(next(f.ward()));
        }
        if (match instanceof WardMatch.Ambiguous a) {
            throw new NotFound(a.name() + " is a ward in " + a.wards().size()
                    + " councils: add the council's name, e.g. /defending "
                    + a.wards().get(0).label() + " con.");
        }
        throw new NotFound("I don't know a ward or ballot called \"" + echo(text) + "\". " + DEFENDING_USAGE);
    }

    private Found ballot(BallotId ballot) {
        if (!ballot.byElection()) {
            throw new NotFound(ballot + " is a scheduled election, not a by-election: nobody defends a vacancy there.");
        }
        Optional<DueBallot> due = calendar.dueBetween(ballot.date(), ballot.date()).stream()
                .filter(d -> d.ballot().equals(ballot))
                .findFirst();
        if (due.isPresent()) {
            return new Found(ballot, due.get().ward(), due.get().candidates());
        }
        return local.archive()
                .contest(ballot.toString())
                .map(c -> new Found(ballot, c.ward(), List.of()))
                .or(() -> local.archive().wards().stream()
                        .filter(w -> w.council().slug().equals(ballot.organisation())
                                && BallotId.slug(w.name()).equals(ballot.ward()))
                        .findFirst()
                        .map(w -> new Found(ballot, w, List.of())))
                .orElseThrow(() -> new NotFound("I don't know the ward of " + ballot + "."));
    }

    /** The ward's by-election: the next due (or declared in the last fortnight). */
    private Found next(Ward ward) {
        LocalDate today = today();
        Optional<DueBallot> due = calendar.dueBetween(today.minusDays(DAYS_BACK), today.plusDays(DAYS_AHEAD)).stream()
                .filter(d -> d.ballot().byElection())
                .filter(d -> d.ward().onsCode().equals(ward.onsCode())
                        && d.ward().council().onsCode().equals(ward.council().onsCode()))
                .findFirst();
        if (due.isPresent()) {
            return new Found(due.get().ballot(), due.get().ward(), due.get().candidates());
        }
        return local.archive().contestsIn(ward).stream()
                .filter(c -> c.ballot().byElection() && !c.ballot().date().isBefore(today.minusDays(DAYS_BACK)))
                .findFirst()
                .map(c -> new Found(c.ballot(), c.ward(), List.of()))
                .orElseThrow(() -> new NotFound("I know of no by-election due in " + ward.label()
                        + ". Give its ballot id, e.g. /defending local."
                        + ward.council().slug() + "."
                        + BallotId.slug(ward.name()) + ".by.<date> con"));
    }
}
