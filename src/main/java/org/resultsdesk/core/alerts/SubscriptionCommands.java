package org.resultsdesk.core.alerts;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.command.ChatContext;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.command.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.port.SubscriptionStore;
import org.resultsdesk.core.seats.Abolitions;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatLineage;
import org.resultsdesk.core.seats.SeatMatch;

/**
 * /subscribe, /unsubscribe and /subscriptions: what a channel is alerted to. Only editors may change it (the adapter
 * decides who is an editor: Telegram chat administrators, Slack's configured editors); anyone may list it.
 */
public final class SubscriptionCommands implements CommandModule {
    private static final String USAGE = "Follow declarations in this channel with /subscribe <seat>,"
            + " /subscribe region <name>, /subscribe all, or /subscribe gains (seats that change hands).";

    private final SubscriptionStore store;
    private final SeatDirectory seats;
    private final ResultsArchive archive;
    private final Abolitions abolitions;

    public SubscriptionCommands(SubscriptionStore store, SeatDirectory seats, ResultsArchive archive) {
        this.store = store;
        this.seats = seats;
        this.archive = archive;
        this.abolitions = new Abolitions(SeatLineage.bundled(), archive::seats);
    }

    @Override
    public Set<String> names() {
        return Set.of("subscribe", "unsubscribe", "subscriptions");
    }

    @Override
    public String help() {
        return "/subscribe <seat> | region <name> | all | gains  alerts in this channel (editors)\n"
                + "/unsubscribe ...  stop them (editors); /subscriptions  what this channel follows";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        ChannelRef channel = new ChannelRef(context.platform(), context.channelId());
        if (line.name().equals("subscriptions")) {
            return list(channel);
        }
        boolean subscribe = line.name().equals("subscribe");
        if (!context.editor()) {
            return Reply.text("Only editors can change what this channel follows"
                    + (context.platform() == ChatContext.Platform.TELEGRAM ? " (the chat's administrators)." : ".")
                    + " /subscriptions shows what it follows now.");
        }
        if (line.arguments().isEmpty()) {
            return Reply.text(subscribe ? USAGE : "Stop alerts with /unsubscribe <seat>, /unsubscribe region <name>,"
                    + " /unsubscribe all, /unsubscribe gains, or /unsubscribe everything.");
        }
        String first = line.arguments().get(0).toLowerCase();
        String rest = String.join(" ", line.arguments().subList(1, line.arguments().size()));
        if (!subscribe && first.equals("everything") && line.arguments().size() == 1) {
            return Reply.text("Removed " + store.removeAll(channel) + " subscription(s). This channel gets no alerts now.");
        }
        if (line.arguments().size() == 1 && (first.equals("all") || first.equals("gains"))) {
            Subscription.Kind kind = first.equals("all") ? Subscription.Kind.ALL : Subscription.Kind.GAINS;
            String what = kind == Subscription.Kind.ALL ? "every declaration" : "every seat that changes hands";
            return change(subscribe, List.of(new Subscription(channel, kind, null, what)), what);
        }
        if (first.equals("region") && !rest.isBlank()) {
            return region(subscribe, channel, rest);
        }
        return seat(subscribe, channel, line.argumentText(), line.name());
    }

    private Reply seat(boolean subscribe, ChannelRef channel, String query, String command) {
        SeatMatch match = seats.find(query);
        if (match instanceof SeatMatch.Found found) {
            List<Subscription> subs = found.seats().stream().map(Seat::gss).distinct()
                    .map(gss -> new Subscription(channel, Subscription.Kind.SEAT, gss, found.name())).toList();
            Reply changed = change(subscribe, subs, found.name());
            Optional<Abolitions.Abolished> gone = subscribe ? abolitions.of(found.seats()) : Optional.empty();
            // Followed all the same (a rehearsal replays its old results), with a warning and its successor.
            return gone.map(g -> Reply.text(((Reply.Text) changed.parts().get(0)).text() + " " + g.note()
                            + " Follow " + g.successor().name() + " too?",
                    List.of(new Reply.Suggestion(g.successor().name(), "/" + command + " " + g.successor().name()))))
                    .orElse(changed);
        }
        List<String> names = match instanceof SeatMatch.Ambiguous a ? a.names()
                : match instanceof SeatMatch.Suggestions s ? s.names() : List.of();
        if (names.isEmpty()) {
            return Reply.text("I don't know a seat called \"" + query + "\". " + USAGE);
        }
        return Reply.text("Which seat did you mean?",
                names.stream().limit(8).map(n -> new Reply.Suggestion(n, "/" + command + " " + n)).toList());
    }

    private Reply region(boolean subscribe, ChannelRef channel, String name) {
        Map<String, String> regions = regions();
        String key = Subscription.regionKey(name);
        List<String> matching = regions.keySet().stream().filter(k -> k.equals(key)).toList();
        if (matching.isEmpty()) {
            matching = regions.keySet().stream().filter(k -> k.startsWith(key)).toList();
        }
        if (matching.size() != 1) {
            return Reply.text("Regions are: " + String.join(", ", regions.values()) + ".",
                    regions.values().stream().map(r -> new Reply.Suggestion(r,
                            (subscribe ? "/subscribe" : "/unsubscribe") + " region " + r)).toList());
        }
        String label = regions.get(matching.get(0));
        return change(subscribe, List.of(new Subscription(channel, Subscription.Kind.REGION, matching.get(0), label)),
                label + " (region)");
    }

    private Reply change(boolean subscribe, List<Subscription> subs, String what) {
        if (subscribe) {
            boolean added = false;
            for (Subscription s : subs) {
                added |= store.add(s);
            }
            return Reply.text(added ? "This channel now follows " + what + "." : "This channel already follows " + what + ".");
        }
        int removed = subs.stream().mapToInt(store::remove).sum();
        return Reply.text(removed > 0 ? "This channel no longer follows " + what + "."
                : "This channel was not following " + what + ".");
    }

    private Reply list(ChannelRef channel) {
        Set<String> labels = new LinkedHashSet<>();
        for (Subscription s : store.forChannel(channel)) {
            labels.add(switch (s.kind()) {
                case SEAT -> s.label();
                case REGION -> s.label() + " (region)";
                case ALL -> "every declaration";
                case GAINS -> "every seat that changes hands";
            });
        }
        if (labels.isEmpty()) {
            return Reply.text("This channel follows nothing yet. " + USAGE);
        }
        return Reply.text("This channel follows:\n" + String.join("\n", labels));
    }

    /** Region and country names of every seat, by normalised key, sorted. */
    private Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        archive.seats().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.region(), s.country()))
                .filter(r -> !r.isBlank())
                .sorted()
                .forEach(r -> regions.putIfAbsent(Subscription.regionKey(r), r));
        return regions;
    }
}
