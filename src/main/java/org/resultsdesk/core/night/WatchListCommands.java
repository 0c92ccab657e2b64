package org.resultsdesk.core.night;

import static org.resultsdesk.core.night.NightFormat.when;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.port.WatchListStore;
import org.resultsdesk.core.rights.Decision;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatMatch;

/**
 * Each channel's watch list: /watch, /unwatch and /watchlist. Changing a watch list takes channel rights, as
 * subscribing does (decided by {@link Rights}); anyone may read it.
 */
public final class WatchListCommands implements CommandModule {
    private final Tonight tonight;
    private final WatchListStore watches;
    private final SeatDirectory seats;
    private final Rights rights;
    private final Clock clock;

    /** {@code clock} tells tonight's times ("02:30") from another night's ("Fri 17 Aug 03:00"), as /due does. */
    public WatchListCommands(Tonight tonight, WatchListStore watches, SeatDirectory seats, Rights rights, Clock clock) {
        this.clock = clock;
        this.tonight = tonight;
        this.watches = watches;
        this.seats = seats;
        this.rights = rights;
    }

    @Override
    public Set<String> names() {
        return Set.of("watch", "unwatch", "watchlist");
    }

    @Override
    public String help() {
        return "/watch <seat>, /unwatch <seat>  this channel's watch list (editors); /watchlist  its seats";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        ChannelRef channel = new ChannelRef(context.platform(), context.channelId());
        return switch (line.name()) {
            case "watch" -> changeWatchList(line, context, channel, Action.WATCH);
            case "unwatch" -> changeWatchList(line, context, channel, Action.UNWATCH);
            case "watchlist" -> watchlist(channel);
            default -> throw new IllegalArgumentException("not a watch-list command: " + line.name());
        };
    }

    private Reply watchlist(ChannelRef channel) {
        Instant now = clock.instant();
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        watches.forChannel(channel)
                .forEach(w -> byLabel.computeIfAbsent(w.label(), k -> new ArrayList<>())
                        .add(w.gss()));
        if (byLabel.isEmpty()) {
            return Reply.text("This channel watches no seats yet. Add one with /watch <seat>.");
        }
        Map<String, NightSeat> night = new LinkedHashMap<>();
        tonight.seats().forEach(s -> night.put(s.seat().gss(), s));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Seat", "Due", "Declared", "Result"));
        byLabel.forEach((label, codes) -> {
            Optional<NightSeat> seat =
                    codes.stream().map(night::get).filter(Objects::nonNull).findFirst();
            if (seat.isEmpty()) {
                rows.add(List.of(label, "not contested tonight", "-", "-"));
                return;
            }
            NightSeat s = seat.get();
            rows.add(List.of(
                    label,
                    s.expected().map(x -> when(x.at(), now)).orElse("no expected time"),
                    s.declared()
                            .map(c -> c.declaredAt().map(t -> when(t, now)).orElse("yes"))
                            .orElse("not yet"),
                    s.declared().map(c -> NightFormat.verdict(tonight, c)).orElse("-")));
        });
        return new Reply(List.of(new Reply.Table("Watched in this channel", rows)), List.of());
    }

    private Reply changeWatchList(CommandLine line, ChatContext context, ChannelRef channel, Action action) {
        boolean watch = action == Action.WATCH;
        if (rights.decide(context, action, channel) instanceof Decision.Refused refused) {
            return Reply.text(refused.message() + " /watchlist shows it.");
        }
        if (line.arguments().isEmpty()) {
            return Reply.text(
                    watch
                            ? "Watch a seat with /watch <seat>, e.g. /watch kingswood."
                            : "Stop watching a seat with /unwatch <seat>.");
        }
        SeatMatch match = seats.find(line.argumentText());
        if (match instanceof SeatMatch.Found found) {
            List<String> codes =
                    found.seats().stream().map(Seat::gss).distinct().toList();
            boolean changed = false;
            for (String gss : codes) {
                changed |= watch
                        ? watches.add(channel, new WatchListStore.Watched(gss, found.name()))
                        : watches.remove(channel, gss);
            }
            if (changed) {
                rights.record(context, action, found.name());
            }
            if (watch) {
                return Reply.text(
                        changed
                                ? "This channel now watches " + found.name() + ". /watchlist shows the list;"
                                        + " /due marks watched seats with ★."
                                : "This channel already watches " + found.name() + ".");
            }
            return Reply.text(
                    changed
                            ? "This channel no longer watches " + found.name() + "."
                            : "This channel was not watching " + found.name() + ".");
        }
        List<String> names = match instanceof SeatMatch.Ambiguous a
                ? a.names()
                : match instanceof SeatMatch.Suggestions s ? s.names() : List.of();
        if (names.isEmpty()) {
            return Reply.text("I don't know a seat called \"" + line.argumentText() + "\".");
        }
        return Reply.text(
                "Which seat did you mean?",
                names.stream()
                        .limit(8)
                        .map(n -> new Reply.Suggestion(n, "/" + line.name() + " " + n))
                        .toList());
    }
}
