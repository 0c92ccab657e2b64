package org.resultsdesk.core.alerts;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.ChatDirectory;
import org.resultsdesk.core.port.SubscriptionStore;
import org.resultsdesk.core.rights.Decision;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.Abolitions;
import org.resultsdesk.core.seats.CouncilDirectory;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatLineage;
import org.resultsdesk.core.seats.SeatMatch;
import org.resultsdesk.core.seats.WardMatch;

/**
 * /subscribe, /unsubscribe and /subscriptions: what a channel is alerted to. Changing it needs channel rights over
 * the chat it changes (decided by {@link Rights}); anyone may list it. A command may name another chat at its end
 * ("/subscribe all in -1001234567890", "in C0123ABCDE"), for a broadcast channel where nobody can type commands: the
 * rights are then those over the chat named, never those of the private chat it was typed in. A chat the bot cannot
 * post in is refused at /subscribe, not discovered at the first alert. Every change goes into the audit trail.
 */
public final class SubscriptionCommands implements CommandModule {
    private static final String USAGE = "Follow declarations in this channel with /subscribe <seat>,"
            + " /subscribe region <name>, /subscribe all, or /subscribe gains (seats that change hands); councils"
            + " with /subscribe council <name>, /subscribe ward <ward, council>, /subscribe councils (every"
            + " council's declaration), or /subscribe byelections (every council by-election's result).";

    private final SubscriptionStore store;
    private final SeatDirectory seats;
    /** " in -1001234567890", " in C0123ABCDE" or " in <#C0123ABCDE|politics>" at the end of a command. */
    private static final Pattern NAMED_CHAT =
            Pattern.compile("(?:^|\\s+)in\\s+(-?\\d{5,}|[CG][A-Z0-9]{8,}|<#([CG][A-Z0-9]{4,})(?:\\|[^>]*)?>)$");

    private final ResultsArchive archive;
    private final Rights rights;
    private final Abolitions abolitions;
    private final LocalResults local;

    public SubscriptionCommands(SubscriptionStore store, SeatDirectory seats, ResultsArchive archive, Rights rights) {
        this(store, seats, archive, rights, LocalResults.none());
    }

    /** With {@code local}: the councils and wards {@code /subscribe council} and {@code /subscribe ward} name. */
    public SubscriptionCommands(
            SubscriptionStore store, SeatDirectory seats, ResultsArchive archive, Rights rights, LocalResults local) {
        this.store = store;
        this.seats = seats;
        this.archive = archive;
        this.rights = rights;
        this.local = local;
        this.abolitions = new Abolitions(SeatLineage.bundled(), archive::seats);
    }

    @Override
    public Set<String> names() {
        return Set.of("subscribe", "unsubscribe", "subscriptions");
    }

    @Override
    public String help() {
        return "/subscribe <seat> | region <name> | all | gains | byelections  alerts in this channel (its administrators)\n"
                + "/unsubscribe ...  stop them (its administrators); /subscriptions  what this channel follows";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        ChannelRef here = new ChannelRef(context.platform(), context.channelId());
        if (line.name().equals("subscriptions")) {
            return list(here);
        }
        boolean subscribe = line.name().equals("subscribe");
        Matcher named = NAMED_CHAT.matcher(line.argumentText());
        ChannelRef channel = here;
        if (named.find()) {
            channel = new ChannelRef(context.platform(), named.group(2) != null ? named.group(2) : named.group(1));
            line = new CommandLine(
                    line.name(),
                    List.of(line.argumentText()
                                    .substring(0, named.start())
                                    .strip()
                                    .split("\\s+"))
                            .stream()
                            .filter(w -> !w.isEmpty())
                            .toList());
        }
        Action action = subscribe ? Action.SUBSCRIBE : Action.UNSUBSCRIBE;
        if (rights.decide(context, action, channel) instanceof Decision.Refused refused) {
            return Reply.text(refused.message() + " /subscriptions shows what it follows now.");
        }
        if (line.arguments().isEmpty()) {
            return Reply.text(
                    subscribe
                            ? USAGE
                            : "Stop alerts with /unsubscribe <seat>, /unsubscribe region <name>,"
                                    + " /unsubscribe all, /unsubscribe gains, /unsubscribe council <name>,"
                                    + " /unsubscribe ward <ward, council>, /unsubscribe councils, or"
                                    + " /unsubscribe everything.");
        }
        if (subscribe) {
            ChatDirectory.PostingAccess access = rights.postingAccess(channel);
            if (access == ChatDirectory.PostingAccess.NEEDS_INVITE) {
                return Reply.text("I can't post in " + (channel.equals(here) ? "this channel" : channel.channelId())
                        + ", so alerts would never arrive: invite me with /invite @Results Desk first, then"
                        + " /subscribe again.");
            }
        }
        Change change = new Change(context, channel, here);
        String first = line.arguments().get(0).toLowerCase();
        String rest =
                String.join(" ", line.arguments().subList(1, line.arguments().size()));
        if (!subscribe && first.equals("everything") && line.arguments().size() == 1) {
            int removed = store.removeAll(channel);
            if (removed > 0) {
                rights.record(context, Action.UNSUBSCRIBE, "everything (" + removed + ")" + change.where());
            }
            return Reply.text("Removed " + removed + " subscription(s). " + change.subject() + " gets no alerts now.");
        }
        if (line.arguments().size() == 1 && (first.equals("all") || first.equals("gains"))) {
            Subscription.Kind kind = first.equals("all") ? Subscription.Kind.ALL : Subscription.Kind.GAINS;
            String what = kind == Subscription.Kind.ALL ? "every declaration" : "every seat that changes hands";
            return change(subscribe, List.of(new Subscription(channel, kind, null, what)), what, change);
        }
        if (line.arguments().size() == 1 && (first.equals("byelections") || first.equals("by-elections"))) {
            String what = "every council by-election's result";
            return change(
                    subscribe,
                    List.of(new Subscription(channel, Subscription.Kind.BYELECTIONS, null, what)),
                    what,
                    change);
        }
        if (line.arguments().size() == 1 && first.equals("councils")) {
            String what = "every council's declaration";
            return change(
                    subscribe,
                    List.of(new Subscription(channel, Subscription.Kind.COUNCILS, null, what)),
                    what,
                    change);
        }
        if (first.equals("region") && !rest.isBlank()) {
            return region(subscribe, channel, rest, change);
        }
        if (first.equals("council") && !rest.isBlank()) {
            return council(subscribe, channel, rest, line.name(), change);
        }
        if (first.equals("ward") && !rest.isBlank()) {
            return ward(subscribe, channel, rest, line.name(), change);
        }
        return seat(subscribe, channel, line.argumentText(), line.name(), change);
    }

    /** Who is changing which chat, asked where: for the answer's wording and the audit. */
    private record Change(ChatContext asker, ChannelRef channel, ChannelRef here) {
        String subject() {
            return channel.equals(here) ? "This channel" : "Chat " + channel.channelId();
        }

        String where() {
            return channel.equals(here) ? "" : " for " + channel;
        }

        /** What a suggestion button adds so that it changes the same chat. */
        String suffix() {
            return channel.equals(here) ? "" : " in " + channel.channelId();
        }
    }

    private Reply seat(boolean subscribe, ChannelRef channel, String query, String command, Change change) {
        SeatMatch match = seats.find(query);
        if (match instanceof SeatMatch.Found found) {
            List<Subscription> subs = found.seats().stream()
                    .map(Seat::gss)
                    .distinct()
                    .map(gss -> new Subscription(channel, Subscription.Kind.SEAT, gss, found.name()))
                    .toList();
            Reply changed = change(subscribe, subs, found.name(), change);
            Optional<Abolitions.Abolished> gone = subscribe ? abolitions.of(found.seats()) : Optional.empty();
            // Followed all the same (a rehearsal replays its old results), with a warning and its successor.
            return gone.map(g -> Reply.text(
                            ((Reply.Text) changed.parts().get(0)).text() + " " + g.note() + " Follow "
                                    + g.successor().name() + " too?",
                            List.of(new Reply.Suggestion(
                                    g.successor().name(),
                                    "/" + command + " " + g.successor().name()))))
                    .orElse(changed);
        }
        List<String> names = match instanceof SeatMatch.Ambiguous a
                ? a.names()
                : match instanceof SeatMatch.Suggestions s ? s.names() : List.of();
        if (names.isEmpty()) {
            return Reply.text("I don't know a seat called \"" + query + "\". " + USAGE);
        }
        return Reply.text(
                "Which seat did you mean?",
                names.stream()
                        .limit(8)
                        .map(n -> new Reply.Suggestion(n, "/" + command + " " + n + change.suffix()))
                        .toList());
    }

    private Reply council(boolean subscribe, ChannelRef channel, String query, String command, Change change) {
        if (query.length() > CommandService.MAX_INPUT_LENGTH) {
            return Reply.text("That is too long for a council name.");
        }
        CouncilDirectory.Match match = local.wards().councils().find(query);
        if (match instanceof CouncilDirectory.Match.Found found) {
            Council council = found.council();
            String what = council.fullName() + " (its " + council.type().areaWord() + "s and its declaration)";
            return change(
                    subscribe,
                    List.of(new Subscription(
                            channel, Subscription.Kind.COUNCIL, council.onsCode(), council.fullName())),
                    what,
                    change);
        }
        List<Council> options = match instanceof CouncilDirectory.Match.Ambiguous a
                ? a.councils()
                : match instanceof CouncilDirectory.Match.Suggestions s ? s.councils() : List.of();
        if (options.isEmpty()) {
            return Reply.text("I don't know a council called \"" + query + "\". " + USAGE);
        }
        return Reply.text(
                "Which council did you mean?",
                options.stream()
                        .limit(8)
                        .map(c -> new Reply.Suggestion(
                                c.fullName(), "/" + command + " council " + c.name() + change.suffix()))
                        .toList());
    }

    private Reply ward(boolean subscribe, ChannelRef channel, String query, String command, Change change) {
        if (query.length() > CommandService.MAX_INPUT_LENGTH) {
            return Reply.text("That is too long for a ward name.");
        }
        WardMatch match = local.wards().find(query);
        if (match instanceof WardMatch.Found found) {
            Ward ward = found.ward();
            return change(
                    subscribe,
                    List.of(new Subscription(channel, Subscription.Kind.WARD, ward.onsCode(), ward.label())),
                    ward.label() + " (" + ward.areaWord() + ")",
                    change);
        }
        List<String> labels = List.of();
        if (match instanceof WardMatch.Ambiguous a) {
            labels = a.wards().stream().map(Ward::label).toList();
        } else if (match instanceof WardMatch.NotInCouncil n) {
            labels = n.closest().stream().map(Ward::label).toList();
        } else if (match instanceof WardMatch.CouncilAmbiguous c) {
            labels = c.councils().stream()
                    .map(k -> c.wardName() + ", " + k.name())
                    .toList();
        }
        if (labels.isEmpty()) {
            return Reply.text("I don't know a ward or division called \"" + query
                    + "\". Name it with its council, for example /" + command + " ward abbey, buckinghamshire.");
        }
        return Reply.text(
                "Which ward did you mean?",
                labels.stream()
                        .limit(8)
                        .map(l -> new Reply.Suggestion(l, "/" + command + " ward " + l + change.suffix()))
                        .toList());
    }

    private Reply region(boolean subscribe, ChannelRef channel, String name, Change change) {
        Map<String, String> regions = regions();
        String key = Subscription.regionKey(name);
        List<String> matching =
                regions.keySet().stream().filter(k -> k.equals(key)).toList();
        if (matching.isEmpty()) {
            matching = regions.keySet().stream().filter(k -> k.startsWith(key)).toList();
        }
        if (matching.size() != 1) {
            return Reply.text(
                    "Regions are: " + String.join(", ", regions.values()) + ".",
                    regions.values().stream()
                            .map(r -> new Reply.Suggestion(
                                    r, (subscribe ? "/subscribe" : "/unsubscribe") + " region " + r + change.suffix()))
                            .toList());
        }
        String label = regions.get(matching.get(0));
        return change(
                subscribe,
                List.of(new Subscription(channel, Subscription.Kind.REGION, matching.get(0), label)),
                label + " (region)",
                change);
    }

    private Reply change(boolean subscribe, List<Subscription> subs, String what, Change change) {
        if (subscribe) {
            boolean added = false;
            for (Subscription s : subs) {
                added |= store.add(s);
            }
            if (added) {
                rights.record(change.asker(), Action.SUBSCRIBE, what + change.where());
            }
            return Reply.text(change.subject() + (added ? " now follows " : " already follows ") + what + ".");
        }
        int removed = subs.stream().mapToInt(store::remove).sum();
        if (removed > 0) {
            rights.record(change.asker(), Action.UNSUBSCRIBE, what + change.where());
        }
        return Reply.text(
                change.subject() + (removed > 0 ? " no longer follows " : " was not following ") + what + ".");
    }

    private Reply list(ChannelRef channel) {
        Set<String> labels = new LinkedHashSet<>();
        for (Subscription s : store.forChannel(channel)) {
            labels.add(
                    switch (s.kind()) {
                        case SEAT -> s.label();
                        case REGION -> s.label() + " (region)";
                        case ALL -> "every declaration";
                        case GAINS -> "every seat that changes hands";
                        case COUNCIL -> s.label() + " (council)";
                        case WARD -> s.label() + " (ward)";
                        case COUNCILS -> "every council's declaration";
                        case BYELECTIONS -> "every council by-election's result";
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
