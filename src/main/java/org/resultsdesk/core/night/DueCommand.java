package org.resultsdesk.core.night;

import static org.resultsdesk.core.night.NightFormat.votes;
import static org.resultsdesk.core.night.NightFormat.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.WatchListStore;

/** /due [hours]: the seats expected to declare next, with who holds them; this channel's watched seats starred. */
public final class DueCommand implements CommandModule {
    private final Tonight tonight;
    private final WatchListStore watches;
    private final Clock clock;

    public DueCommand(Tonight tonight, WatchListStore watches, Clock clock) {
        this.tonight = tonight;
        this.watches = watches;
        this.clock = clock;
    }

    @Override
    public Set<String> names() {
        return Set.of("due");
    }

    @Override
    public String help() {
        return "/due [hours]  seats expected to declare next, with who holds them";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        return due(line.arguments(), new ChannelRef(context.platform(), context.channelId()));
    }

    private Reply due(List<String> arguments, ChannelRef channel) {
        BigDecimal hours;
        try {
            hours = arguments.isEmpty() ? BigDecimal.ONE : new BigDecimal(arguments.get(0));
        } catch (NumberFormatException e) {
            hours = BigDecimal.ZERO;
        }
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0) {
            return Reply.text("Say how many hours ahead, from 0.5 to 24: /due or /due 2.");
        }
        Instant now = clock.instant();
        Duration window =
                Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).longValue());
        List<NightSeat> night = tonight.seats();
        Set<String> watched = watched(channel);
        DueList list = DueList.of(night, now, window, watched);
        Instant until = now.plus(window);
        List<Reply.Part> parts = new ArrayList<>();
        if (list.due().isEmpty()) {
            parts.add(new Reply.Text("Nothing is expected to declare by " + when(until, now) + "."));
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Due", "Seat", "Held by", "Majority"));
            for (DueList.Entry e : list.due()) {
                NightSeat.Holder holder = e.seat().holder();
                rows.add(List.of(
                        when(e.expectedAt(), now),
                        (e.watched() ? "★ " : "") + e.seat().seat().name(),
                        PartyStyle.of(holder.party()).abbreviation() + " (" + holder.asAt() + ")",
                        holder.majority().isPresent() ? votes(holder.majority().getAsInt()) : "-"));
            }
            parts.add(new Reply.Table(
                    "Due by " + when(until, now) + ", soonest first: "
                            + list.due().size() + " seat" + (list.due().size() == 1 ? "" : "s"),
                    rows));
        }
        List<String> notes = new ArrayList<>();
        if (!list.overdue().isEmpty()) {
            notes.add("Overdue, not yet declared: "
                    + list.overdue().stream()
                            .limit(15)
                            .map(e -> e.seat().seat().name() + " (" + when(e.expectedAt(), now) + ")")
                            .collect(Collectors.joining(", "))
                    + (list.overdue().size() > 15 ? " and " + (list.overdue().size() - 15) + " more" : "") + ".");
        }
        List<String> later = night.stream()
                .filter(s -> watched.contains(s.seat().gss()) && s.declared().isEmpty())
                .filter(s -> s.expected().map(x -> !x.at().isBefore(until)).orElse(true))
                .map(s -> s.seat().name() + " ("
                        + s.expected().map(x -> "due " + when(x.at(), now)).orElse("no expected time") + ")")
                .toList();
        if (!later.isEmpty()) {
            notes.add("Watched here, later: " + String.join(", ", later) + ".");
        }
        night.stream()
                .flatMap(s -> s.expected().flatMap(NightSeat.Expected::asAt).stream())
                .findFirst()
                .ifPresent(
                        year -> notes.add("Seats without a provisional time are expected at the time they declared in "
                                + year + ", moved to tonight."));
        if (list.withoutTime() > 0) {
            // Readers' words: how to load the times is operators' advice, in the log and /status.
            notes.add(list.withoutTime() + " seat" + (list.withoutTime() == 1 ? " has" : "s have")
                    + " no expected time"
                    + (list.withoutTime() == night.size()
                            ? ": the desk has no declaration times for tonight yet."
                            : "."));
        }
        notes.add(list.declared() + " of " + night.size() + " declared so far.");
        parts.add(new Reply.Text(String.join("\n", notes)));
        return new Reply(parts, List.of());
    }

    /**
     * For /status and the log, not for readers: where tonight's expected times come from, and what to do when the
     * desk has none.
     */
    public static String timesStatus(Tonight tonight) {
        ExpectedTimes times = tonight.times();
        if (!times.byGss().isEmpty()) {
            return "Declaration times: " + times.byGss().size() + " seats from " + times.source();
        }
        // The variable's name first: it has no dot, so Telegram's link guard leaves it as typed, ready to copy.
        return "Declaration times: no file (night.declaration-times); /due uses the previous general election's times"
                + " where they are on file (GE2024's are not). Set NIGHT_DECLARATION_TIMES (night.declaration-times in"
                + " the configuration file) to a CSV of seat and expected time (docs/night-desk.md).";
    }

    private Set<String> watched(ChannelRef channel) {
        return watches.forChannel(channel).stream()
                .map(WatchListStore.Watched::gss)
                .collect(Collectors.toSet());
    }
}
