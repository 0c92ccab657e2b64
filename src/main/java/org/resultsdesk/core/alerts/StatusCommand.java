package org.resultsdesk.core.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.rights.Decision;
import org.resultsdesk.core.rights.Rights;

/** /status for editors: how fresh the feed is, the last declaration, the queue, and any paused channels. */
public final class StatusCommand implements CommandModule {
    /** The desk's latest activity, as the app tracks it. */
    public record Activity(
            Optional<Instant> lastFeedFile, Optional<String> lastDeclaration, Optional<Instant> lastDeclarationAt) {}

    private final AlertStore store;
    private final Supplier<Activity> activity;
    private final Supplier<Optional<String>> leader;
    private final Clock clock;
    private final Rights rights;
    private final Supplier<List<String>> setUp;

    /** {@code leader} names the instance that reads the feeds now, if any does. */
    public StatusCommand(
            AlertStore store,
            Supplier<Activity> activity,
            Supplier<Optional<String>> leader,
            Clock clock,
            Rights rights) {
        this(store, activity, leader, clock, rights, List::of);
    }

    /**
     * With {@code setUp}: lines of operators' advice about the desk's set-up ("Declaration times: none; set
     * night.declaration-times ..."), which readers' replies leave out.
     */
    public StatusCommand(
            AlertStore store,
            Supplier<Activity> activity,
            Supplier<Optional<String>> leader,
            Clock clock,
            Rights rights,
            Supplier<List<String>> setUp) {
        this.setUp = setUp;
        this.store = store;
        this.rights = rights;
        this.activity = activity;
        this.leader = leader;
        this.clock = clock;
    }

    @Override
    public Set<String> names() {
        return Set.of("status");
    }

    @Override
    public String help() {
        return "/status  feed freshness, last declaration, queue and paused channels (desk editors)";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        if (rights.decide(context, Action.STATUS) instanceof Decision.Refused refused) {
            return Reply.text(refused.message());
        }
        Activity now = activity.get();
        StringBuilder text = new StringBuilder("Results Desk status\n");
        text.append("Feed: ")
                .append(now.lastFeedFile().map(t -> "last file " + ago(t)).orElse("no file yet"))
                .append('\n');
        text.append("Last declaration: ")
                .append(now.lastDeclaration()
                        .map(d -> d
                                + now.lastDeclarationAt()
                                        .map(t -> ", " + ago(t))
                                        .orElse(""))
                        .orElse("none yet"))
                .append('\n');
        text.append("Feed leader: ")
                .append(leader.get().orElse("none (no instance holds the lease)"))
                .append('\n');
        text.append("Alerts waiting: ").append(store.pendingCount()).append('\n');
        int failed = store.failedCount();
        text.append("Alerts failed: ").append(failed).append('\n');
        store.failed(3)
                .forEach(f -> text.append("  ")
                        .append(f.alert().contestId())
                        .append(" to ")
                        .append(f.alert().channel())
                        .append(": ")
                        .append(f.status())
                        .append(", ")
                        .append(f.reason())
                        .append('\n'));
        var paused = store.pausedChannels();
        text.append("Paused channels: ").append(paused.isEmpty() ? "none" : "");
        paused.forEach(p ->
                text.append('\n').append("  ").append(p.channel()).append(": ").append(p.reason()));
        setUp.get().forEach(note -> text.append('\n').append(note));
        return Reply.text(text.toString().strip());
    }

    private String ago(Instant t) {
        Duration d = Duration.between(t, clock.instant());
        if (d.toSeconds() < 90) {
            return d.toSeconds() + " s ago";
        }
        return d.toMinutes() < 90 ? d.toMinutes() + " min ago" : d.toHours() + " h ago";
    }
}
