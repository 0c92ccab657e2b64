package org.resultsdesk.core.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.OutboxStatus;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.port.SendBudget;
import org.resultsdesk.core.port.SubscriptionStore;
import org.resultsdesk.core.retry.BackOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one platform's outbox within its limits. Each pass claims the due alerts under a token, and for each channel
 * whose shared send budget allows a message posts everything it has waiting: one alert as the full announcement,
 * several as one digest, so a channel that backs up in a burst catches up in one message instead of falling an hour
 * behind. Every outcome the platform can give is acted on: sent alerts are recorded with their message id and never
 * sent again, throttled ones wait as long as told (on every instance), gone channels are paused and reported. An
 * alert that cannot even be composed fails alone, with its own attempts and back-off, and never holds up the others.
 * A pass renews its claim as it goes, and stops and hands back what it has not reached if it cannot, so no claim it
 * holds can expire while it might still send.
 */
public final class AlertDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);
    /** How long a failed send or an alert that could not be composed waits: 2 s doubling to a minute, jittered. */
    public static final BackOff RETRY_BACK_OFF = new BackOff(Duration.ofSeconds(2), Duration.ofMinutes(1), 0.5);

    /**
     * Tunables; the defaults suit election night. A pass claims up to {@code claimChannels} channels and up to
     * {@code maxDigestLines} alerts of each; {@code owner} names this instance in claims.
     */
    public record Settings(Duration lease, int maxDigestLines, int maxAttempts, int claimChannels, String owner) {
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(30), 50, 8, 100, "instance");

        public Settings withOwner(String name) {
            return new Settings(lease, maxDigestLines, maxAttempts, claimChannels, name);
        }

        public Settings withLease(Duration claimLease) {
            return new Settings(claimLease, maxDigestLines, maxAttempts, claimChannels, owner);
        }
    }

    /** What delivery reports, for metrics: override what you need. */
    public interface Listener {
        default void sent(ChannelRef channel, List<Alert> alerts, Instant at) {}

        default void throttled(ChannelRef channel, Duration retryAfter) {}

        default void failed(ChannelRef channel, List<Alert> alerts, OutboxStatus status, String reason) {}

        /** Alerts were taken over from a claim that ran out: an instance crashed or stalled mid-send. */
        default void takenOver(ChatContext.Platform platform, int alerts) {}
    }

    private final ChatGateway gateway;
    private final AlertStore store;
    private final SubscriptionStore subscriptions;
    private final AlertComposer composer;
    private final Pacer pacer;
    private final Clock clock;
    private final Settings settings;
    private final Listener listener;
    private final BackOff backOff;
    private Held held;

    public AlertDelivery(
            ChatGateway gateway,
            AlertStore store,
            SubscriptionStore subscriptions,
            AlertComposer composer,
            SendBudget budget,
            Clock clock,
            Settings settings,
            Listener listener) {
        this(gateway, store, subscriptions, composer, budget, clock, settings, listener, RETRY_BACK_OFF);
    }

    public AlertDelivery(
            ChatGateway gateway,
            AlertStore store,
            SubscriptionStore subscriptions,
            AlertComposer composer,
            SendBudget budget,
            Clock clock,
            Settings settings,
            Listener listener,
            BackOff backOff) {
        this.gateway = gateway;
        this.store = store;
        this.subscriptions = subscriptions;
        this.composer = composer;
        this.pacer = new Pacer(gateway.platform(), gateway.limits().forAlerts(), budget);
        this.clock = clock;
        this.settings = settings;
        this.listener = listener;
        this.backOff = backOff;
    }

    /**
     * One pass over the due alerts; returns when the next alert falls due, if any is waiting. Channels claimed but not
     * reached because the platform-wide limit was spent stay claimed (the claim kept alive) and go first next pass,
     * so that a burst to hundreds of channels costs one claim, not one per send.
     */
    public Optional<Instant> deliverDue() {
        return deliverDue(false);
    }

    /**
     * As {@link #deliverDue()}; {@code alertsQueued} when alerts were queued since the last pass: a claim held over
     * from it is handed back and taken afresh, so that the digests of the channels still waiting in it carry the new
     * alerts too rather than going out as claimed and leaving those for another post.
     */
    public synchronized Optional<Instant> deliverDue(boolean alertsQueued) {
        if (alertsQueued && held != null) {
            LOG.debug("alerts were queued since the last pass: handing back claim {} to claim afresh", held.token);
            releaseHeld();
        }
        try {
            return deliverHeldOrClaimed();
        } catch (RuntimeException e) {
            // What the claim still holds is left to run out, as after a crash: never sent again sooner than that.
            held = null;
            throw e;
        }
    }

    private Optional<Instant> deliverHeldOrClaimed() {
        if (held != null && !clock.instant().isBefore(held.leaseUntil)) {
            LOG.info("a delivery claim ran out between passes; handing its alerts back to claim them afresh");
            releaseHeld();
        }
        if (held == null) {
            Instant start = clock.instant();
            AlertStore.Claim claim = store.claimDue(
                    gateway.platform(),
                    start,
                    start.plus(settings.lease()),
                    settings.claimChannels(),
                    settings.maxDigestLines(),
                    settings.owner());
            if (claim.alerts().isEmpty()) {
                return store.nextDue(gateway.platform());
            }
            if (claim.takenOver() > 0) {
                LOG.warn(
                        "took over {} {} alert(s) whose claim ran out (an instance crashed or stalled mid-send)",
                        claim.takenOver(),
                        gateway.platform());
                listener.takenOver(gateway.platform(), claim.takenOver());
            }
            LOG.debug(
                    "claimed {} alert(s) for {} channel(s) under {}",
                    claim.alerts().size(),
                    claim.alerts().stream().map(Alert::channel).distinct().count(),
                    claim.token());
            held = new Held(claim.token(), start.plus(settings.lease()));
            claim.alerts()
                    .forEach(a -> held.channels
                            .computeIfAbsent(a.channel(), c -> new ArrayList<>())
                            .add(a));
            held.full = held.channels.size() == settings.claimChannels();
        }
        Pass pass = new Pass(held);
        for (Iterator<Map.Entry<ChannelRef, List<Alert>>> it =
                        held.channels.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<ChannelRef, List<Alert>> entry = it.next();
            if (!pass.keepClaim()) {
                store.release(held.token, held.unsent());
                held.channels.clear();
                break;
            }
            if (!pass.deliver(entry.getKey(), entry.getValue())) {
                break; // the platform's own limit is spent: this channel and the rest wait for it, still claimed
            }
            it.remove();
        }
        pass.deferred.forEach((at, ids) -> store.retryLater(held.token, ids, at, "rate limit", false));
        if (!held.channels.isEmpty()) {
            pass.next(pass.platformBusyUntil);
            return Optional.of(pass.next);
        }
        if (held.full) {
            pass.next(clock.instant()); // there may be more waiting than one claim took
        }
        held = null;
        // What this pass put back, and what an earlier pass or another instance did, which this one cannot know.
        store.nextDue(gateway.platform()).ifPresent(pass::next);
        return Optional.ofNullable(pass.next);
    }

    /** Hands back whatever is claimed and not yet sent, for another pass or instance to take at once. */
    public synchronized void releaseHeld() {
        if (held != null) {
            store.release(held.token, held.unsent());
            held = null;
        }
    }

    /** A claim and the channels in it still waiting for their turn, oldest waiting first. */
    private static final class Held {
        final String token;
        final Map<ChannelRef, List<Alert>> channels = new LinkedHashMap<>();
        Instant leaseUntil;
        boolean full;

        Held(String token, Instant leaseUntil) {
            this.token = token;
            this.leaseUntil = leaseUntil;
        }

        List<Long> unsent() {
            return ids(channels.values().stream().flatMap(List::stream).toList());
        }
    }

    /** One pass's work under the held claim. */
    private final class Pass {
        final Held claim;
        final String token;
        // Alerts the limits hold back go back to the queue together, one statement per release time.
        final Map<Instant, List<Long>> deferred = new TreeMap<>();
        Instant next;
        Instant platformBusyUntil;

        Pass(Held claim) {
            this.claim = claim;
            this.token = claim.token;
        }

        /**
         * Whether the pass may send now: asked right before every send, it renews the claim once half the lease is
         * used, and says no if it cannot or if the lease has already run out (another instance may have taken the
         * alerts over), so that no claim expires while its send may be under way. A send must therefore take less
         * than half the lease, which the platforms' timeouts keep to.
         */
        boolean keepClaim() {
            Instant now = clock.instant();
            if (!now.isBefore(claim.leaseUntil)) {
                LOG.warn("a delivery claim ran out before its alerts were reached; handing them back");
                return false;
            }
            if (Duration.between(now, claim.leaseUntil)
                            .compareTo(settings.lease().dividedBy(2))
                    > 0) {
                return true;
            }
            try {
                store.extendClaim(token, now.plus(settings.lease()));
                claim.leaseUntil = now.plus(settings.lease());
                return true;
            } catch (RuntimeException e) {
                LOG.warn("could not extend a delivery claim; handing its alerts back: {}", e.toString());
                return false;
            }
        }

        void next(Instant at) {
            if (at != null && (next == null || at.isBefore(next))) {
                next = at;
            }
        }

        void defer(List<Alert> alerts, Instant at) {
            deferred.computeIfAbsent(at, t -> new ArrayList<>()).addAll(ids(alerts));
            next(at);
        }

        /** What this process already knows holds the channel back (and notes a spent platform). */
        Optional<Pacer.Wait> knownWait(ChannelRef channel) {
            Optional<Pacer.Wait> wait = pacer.wouldWait(channel.channelId(), clock.instant());
            wait.filter(Pacer.Wait::platformWide).ifPresent(w -> platformBusyUntil = w.until());
            return wait;
        }

        /** Takes a send from the channel's budget, or says how long it must wait (and notes a spent platform). */
        Optional<Pacer.Wait> takeTurn(ChannelRef channel) {
            Optional<Pacer.Wait> wait = pacer.tryTake(channel.channelId(), clock.instant());
            wait.filter(Pacer.Wait::platformWide).ifPresent(w -> platformBusyUntil = w.until());
            return wait;
        }

        /**
         * Sends what the channel has waiting, each message drawing on the shared budget first. Returns false, having
         * done nothing, when the platform-wide limit is spent before the channel's first send: it keeps its turn.
         */
        boolean deliver(ChannelRef channel, List<Alert> all) {
            List<Alert> retractions =
                    all.stream().filter(a -> a.kind() == Alert.Kind.RETRACTION).toList();
            List<Alert> waiting =
                    all.stream().filter(a -> a.kind() != Alert.Kind.RETRACTION).toList();
            for (int i = 0; i < retractions.size(); i++) {
                List<Alert> unsent = new ArrayList<>(retractions.subList(i, retractions.size()));
                unsent.addAll(waiting);
                Optional<Pacer.Wait> wait = takeTurn(channel);
                if (wait.isPresent()) {
                    if (i == 0 && wait.get().platformWide()) {
                        return false;
                    }
                    defer(unsent, wait.get().until());
                    return true;
                }
                if (!keepClaim()) {
                    store.release(token, ids(unsent));
                    return true;
                }
                retract(channel, retractions.get(i));
            }
            if (waiting.isEmpty()) {
                return true;
            }
            // Asked before composing, so a channel that must wait costs nothing; and again right before the send,
            // so that the send is counted when it leaves, not a long composition earlier.
            Optional<Pacer.Wait> wait = knownWait(channel);
            if (wait.isPresent()) {
                if (retractions.isEmpty() && wait.get().platformWide()) {
                    return false;
                }
                defer(waiting, wait.get().until());
                return true;
            }
            List<Composed> composed = composeEach(waiting);
            if (composed.isEmpty()) {
                return true;
            }
            // A message already partly posted is finished first, on its own, from the part where it stopped.
            List<Composed> batch = composed.get(0).alert().partsSent() > 0 || composed.size() == 1
                    ? composed.subList(0, 1)
                    : composed.subList(0, Math.min(settings.maxDigestLines(), composed.size()));
            Reply reply;
            try {
                reply = batch.size() == 1 ? composer.single(batch.get(0).alert()) : digest(batch);
                // A digest goes in one message (only a single alert is ever resumed part by part): in short lines
                // when the full ones would not fit, and with fewer alerts when even those would not.
                if (batch.size() > 1 && gateway.parts(reply) > 1) {
                    reply = composer.shortDigest(alerts(batch));
                    while (batch.size() > 1 && gateway.parts(reply) > 1) {
                        batch = batch.subList(0, batch.size() - 1);
                        reply = batch.size() == 1
                                ? composer.single(batch.get(0).alert())
                                : composer.shortDigest(alerts(batch));
                    }
                }
            } catch (RuntimeException e) {
                failAlone(batch.get(0).alert(), e);
                defer(alerts(composed.subList(1, composed.size())), clock.instant());
                return true;
            }
            List<Composed> rest = composed.subList(batch.size(), composed.size());
            if (!keepClaim()) {
                store.release(token, ids(alerts(composed)));
                return true;
            }
            wait = takeTurn(channel);
            if (wait.isPresent()) {
                if (retractions.isEmpty()
                        && composed.size() == waiting.size()
                        && wait.get().platformWide()) {
                    return false; // nothing done yet: the channel keeps its place in the claim
                }
                defer(alerts(composed), wait.get().until());
                return true;
            }
            if (batch.get(0).alert().partsSent() == 0) {
                batch.stream()
                        .map(Composed::alert)
                        .filter(a -> a.kind() == Alert.Kind.CORRECTION)
                        .forEach(correction -> editOriginal(channel, correction));
            }
            Alert first = batch.get(0).alert();
            DeliveryResult result = gateway.send(channel.channelId(), reply, first.partsSent());
            LOG.debug("alert(s) {} to {} under claim {}: {}", ids(alerts(batch)), channel, token, result);
            handle(channel, alerts(batch), result, first.partsSent());
            if (!rest.isEmpty()) {
                // Their turn is the channel's next free slot, which the next pass asks the budget for.
                defer(alerts(rest), clock.instant());
            }
            return true;
        }

        /** Each alert's digest line, composed alone: one that cannot be composed fails by itself. */
        private List<Composed> composeEach(List<Alert> alerts) {
            List<Composed> composed = new ArrayList<>();
            for (Alert alert : alerts) {
                try {
                    composed.add(new Composed(alert, composer.line(alert)));
                } catch (RuntimeException e) {
                    failAlone(alert, e);
                }
            }
            return composed;
        }

        private void failAlone(Alert alert, RuntimeException e) {
            int attempts = alert.attempts() + 1;
            if (attempts >= settings.maxAttempts()) {
                LOG.error(
                        "alert {} to {} could not be composed after {} attempts; giving up",
                        alert.id(),
                        alert.channel(),
                        attempts,
                        e);
                fail(alert.channel(), List.of(alert), OutboxStatus.FAILED, "could not be composed: " + e);
                return;
            }
            if (attempts == 1) {
                LOG.warn("alert {} to {} could not be composed; will retry", alert.id(), alert.channel(), e);
            }
            Instant at = clock.instant().plus(backOff.delay(attempts));
            store.retryLater(token, List.of(alert.id()), at, "could not be composed: " + e, true);
            next(at);
        }

        private void handle(ChannelRef channel, List<Alert> batch, DeliveryResult result, int fromPart) {
            Instant now = clock.instant();
            int attemptsBefore = batch.stream().mapToInt(Alert::attempts).max().orElse(0);
            OutboxAction action = OutboxActions.after(
                    result, new OutboxActions.Batch(fromPart, attemptsBefore, now, settings.maxAttempts(), backOff));
            action.accept(new OutboxAction.Visitor<Void>() {
                @Override
                public Void sent(OutboxAction.Sent sent) {
                    store.markSent(token, ids(batch), sent.messageId(), now);
                    listener.sent(channel, batch, now);
                    return null;
                }

                @Override
                public Void nextPart(OutboxAction.NextPart part) {
                    // The next part takes the channel's next slot, which the next pass asks the budget for.
                    store.partlySent(token, batch.get(0).id(), part.partsSent(), part.firstMessageId());
                    defer(batch, now);
                    return null;
                }

                @Override
                public Void throttled(OutboxAction.Throttled throttled) {
                    pacer.throttled(channel.channelId(), throttled.until());
                    store.retryLater(token, ids(batch), throttled.until(), throttled.reason(), false);
                    listener.throttled(channel, throttled.after());
                    next(throttled.until());
                    return null;
                }

                @Override
                public Void retry(OutboxAction.Retry retry) {
                    store.retryLater(token, ids(batch), retry.at(), retry.reason(), true);
                    next(retry.at());
                    return null;
                }

                @Override
                public Void moved(OutboxAction.Moved moved) {
                    ChannelRef to = new ChannelRef(channel.platform(), moved.channelId());
                    LOG.info("{} moved to {}: subscriptions and {} alert(s) follow it", channel, to, batch.size());
                    subscriptions.moveChannel(channel, to);
                    store.requeue(token, ids(batch), to);
                    next(clock.instant());
                    return null;
                }

                @Override
                public Void paused(OutboxAction.Paused paused) {
                    LOG.warn("pausing {}: {}; {} alert(s) not delivered", channel, paused.reason(), batch.size());
                    store.pauseChannel(channel, paused.reason(), clock.instant());
                    fail(channel, batch, OutboxStatus.CHANNEL_GONE, paused.reason());
                    return null;
                }

                @Override
                public Void givenUp(OutboxAction.GivenUp givenUp) {
                    fail(channel, batch, givenUp.status(), givenUp.reason());
                    return null;
                }
            });
        }

        /** A retraction edits the card it withdraws; a card that went out in a digest gets a short note instead. */
        private void retract(ChannelRef channel, Alert retraction) {
            Reply notice;
            try {
                notice = composer.single(retraction);
            } catch (RuntimeException e) {
                failAlone(retraction, e);
                return;
            }
            Optional<String> original = store.firstSentInDigest(channel, retraction.contestId())
                    ? Optional.empty()
                    : store.firstMessageId(channel, retraction.contestId());
            DeliveryResult result = original.isPresent()
                    ? gateway.edit(channel.channelId(), original.get(), notice)
                    : gateway.send(channel.channelId(), notice);
            handle(channel, List.of(retraction), result, 0);
        }

        /** Every correction brings the first message that carried the result up to the newest figures. */
        private void editOriginal(ChannelRef channel, Alert correction) {
            if (store.firstSentInDigest(channel, correction.contestId())) {
                return;
            }
            store.firstMessageId(channel, correction.contestId()).ifPresent(messageId -> {
                DeliveryResult edited;
                try {
                    edited = gateway.edit(channel.channelId(), messageId, composer.corrected(correction));
                } catch (RuntimeException e) {
                    LOG.warn("could not edit {} message {} for a correction", channel, messageId, e);
                    return;
                }
                if (!(edited instanceof DeliveryResult.Delivered)) {
                    LOG.info("could not edit {} message {} for a correction: {}", channel, messageId, edited);
                }
            });
        }

        private void fail(ChannelRef channel, List<Alert> batch, OutboxStatus status, String reason) {
            LOG.warn("alert(s) {} to {} {}: {}", ids(batch), channel, status, reason);
            store.markFailed(token, ids(batch), status, reason);
            listener.failed(channel, batch, status, reason);
        }
    }

    private record Composed(Alert alert, String line) {}

    private Reply digest(List<Composed> batch) {
        return composer.digest(batch.stream().map(Composed::line).toList());
    }

    private static List<Alert> alerts(List<Composed> composed) {
        return composed.stream().map(Composed::alert).toList();
    }

    private static List<Long> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }
}
