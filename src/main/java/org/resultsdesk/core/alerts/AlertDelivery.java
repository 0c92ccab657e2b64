package org.resultsdesk.core.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.resultsdesk.core.command.Reply;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.port.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one platform's outbox within its limits. Each pass claims the due alerts, and for each channel whose limits
 * allow a send posts everything it has waiting: one alert as the full announcement, several as one digest, so a
 * channel that backs up in a burst catches up in one message instead of falling an hour behind. Every outcome the
 * platform can give is acted on: sent alerts are recorded with their message id and never sent again, throttled ones
 * wait as long as told, gone channels are paused and reported.
 */
public final class AlertDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

    /** Tunables; the defaults suit election night. */
    public record Settings(Duration lease, int maxDigestLines, int maxAttempts, int claimBatch) {
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(30), 25, 8, 1000);
    }

    /** What delivery reports, for metrics: override what you need. */
    public interface Listener {
        default void sent(ChannelRef channel, List<Alert> alerts, Instant at) {
        }

        default void throttled(ChannelRef channel, Duration retryAfter) {
        }

        default void failed(ChannelRef channel, List<Alert> alerts, String status, String reason) {
        }
    }

    private final ChatGateway gateway;
    private final AlertStore store;
    private final SubscriptionStore subscriptions;
    private final AlertComposer composer;
    private final RateLimiter limiter;
    private final Clock clock;
    private final Settings settings;
    private final Listener listener;

    public AlertDelivery(ChatGateway gateway, AlertStore store, SubscriptionStore subscriptions,
                         AlertComposer composer, RateLimiter limiter, Clock clock, Settings settings,
                         Listener listener) {
        this.gateway = gateway;
        this.store = store;
        this.subscriptions = subscriptions;
        this.composer = composer;
        this.limiter = limiter;
        this.clock = clock;
        this.settings = settings;
        this.listener = listener;
    }

    /** One pass over the due alerts; returns when the next one it put back is due, if any. */
    public synchronized Optional<Instant> deliverDue() {
        Instant now = clock.instant();
        List<Alert> due = store.claimDue(gateway.platform(), now, now.plus(settings.lease()), settings.claimBatch());
        Map<ChannelRef, List<Alert>> byChannel = new LinkedHashMap<>();
        due.forEach(a -> byChannel.computeIfAbsent(a.channel(), c -> new ArrayList<>()).add(a));

        // Alerts the limits hold back go back to the queue together, one statement per release time.
        Map<Instant, List<Long>> deferred = new TreeMap<>();
        Instant next = null;
        for (Map.Entry<ChannelRef, List<Alert>> entry : byChannel.entrySet()) {
            Duration wait = limiter.globalDelay(clock.instant());
            if (wait.isZero()) {
                wait = limiter.delay(entry.getKey(), clock.instant());
            }
            Instant retryAt;
            if (!wait.isZero()) {
                retryAt = clock.instant().plus(wait);
                deferred.computeIfAbsent(retryAt, t -> new ArrayList<>()).addAll(ids(entry.getValue()));
            } else {
                retryAt = deliver(entry.getKey(), entry.getValue(), deferred);
            }
            if (retryAt != null && (next == null || retryAt.isBefore(next))) {
                next = retryAt;
            }
        }
        deferred.forEach((at, ids) -> store.retryLater(ids, at, "rate limit"));
        return Optional.ofNullable(next);
    }

    /** Sends what the channel has waiting; returns when the rest should be tried, or null if all went. */
    private Instant deliver(ChannelRef channel, List<Alert> all, Map<Instant, List<Long>> deferred) {
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        for (Alert alert : all) {
            if (alert.kind() == Alert.Kind.RETRACTION) {
                retract(channel, alert, now);
            } else {
                alerts.add(alert);
            }
        }
        if (alerts.isEmpty()) {
            return null;
        }
        List<Alert> batch = alerts.size() > settings.maxDigestLines()
                ? alerts.subList(0, settings.maxDigestLines()) : alerts;
        List<Alert> rest = alerts.subList(batch.size(), alerts.size());
        if (batch.size() == 1 && batch.get(0).kind() == Alert.Kind.CORRECTION) {
            editOriginal(channel, batch.get(0));
        }
        Reply reply = batch.size() == 1 ? composer.single(batch.get(0)) : composer.digest(batch);
        DeliveryResult result = gateway.send(channel.channelId(), reply);
        limiter.recordSend(channel, now);
        Instant retry = handle(channel, batch, result, now);
        if (!rest.isEmpty()) {
            Instant restAt = now.plus(limiter.delay(channel, now));
            deferred.computeIfAbsent(restAt, t -> new ArrayList<>()).addAll(ids(rest));
            retry = retry == null || restAt.isBefore(retry) ? restAt : retry;
        }
        return retry;
    }

    private Instant handle(ChannelRef channel, List<Alert> batch, DeliveryResult result, Instant now) {
        if (result instanceof DeliveryResult.Delivered delivered) {
            store.markSent(ids(batch), delivered.messageId(), now);
            listener.sent(channel, batch, now);
            return null;
        }
        if (result instanceof DeliveryResult.RetryAfter retry) {
            Instant at = now.plus(retry.after());
            limiter.blockChannel(channel, at);
            store.retryLater(ids(batch), at, "429: retry after " + retry.after().toSeconds() + "s");
            listener.throttled(channel, retry.after());
            return at;
        }
        if (result instanceof DeliveryResult.Gone gone) {
            return gone(channel, batch, gone, now);
        }
        if (result instanceof DeliveryResult.Rejected rejected) {
            fail(channel, batch, "REJECTED", rejected.reason());
            return null;
        }
        DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
        if (failed.mayHaveLanded()) {
            // The platform may have posted it: a blind repeat could post it twice, so it is reported instead.
            fail(channel, batch, "UNCERTAIN", failed.reason());
            return null;
        }
        int attempts = batch.stream().mapToInt(Alert::attempts).max().orElse(1);
        if (attempts >= settings.maxAttempts()) {
            fail(channel, batch, "FAILED", failed.reason() + " after " + attempts + " attempts");
            return null;
        }
        Instant at = now.plus(backoff(attempts));
        store.retryLater(ids(batch), at, failed.reason());
        return at;
    }

    private Instant gone(ChannelRef channel, List<Alert> batch, DeliveryResult.Gone gone, Instant now) {
        if (gone.movedTo().isPresent()) {
            ChannelRef moved = new ChannelRef(channel.platform(), gone.movedTo().get());
            LOG.info("{} moved to {}: subscriptions and {} alert(s) follow it", channel, moved, batch.size());
            subscriptions.moveChannel(channel, moved);
            store.requeue(ids(batch), moved);
            return now;
        }
        LOG.warn("pausing {}: {}; {} alert(s) not delivered", channel, gone.reason(), batch.size());
        store.pauseChannel(channel, gone.reason(), now);
        fail(channel, batch, "CHANNEL_GONE", gone.reason());
        return null;
    }

    /** A retraction edits the card it withdraws; a card that went out in a digest gets a short note instead. */
    private void retract(ChannelRef channel, Alert retraction, Instant now) {
        Optional<String> original = store.sentInDigest(channel, retraction.contestId())
                ? Optional.empty() : store.sentMessageId(channel, retraction.contestId());
        Reply notice = composer.single(retraction);
        DeliveryResult result = original.isPresent()
                ? gateway.edit(channel.channelId(), original.get(), notice)
                : gateway.send(channel.channelId(), notice);
        limiter.recordSend(channel, now);
        handle(channel, List.of(retraction), result, now);
    }

    private void editOriginal(ChannelRef channel, Alert correction) {
        if (store.sentInDigest(channel, correction.contestId())) {
            return;
        }
        store.sentMessageId(channel, correction.contestId()).ifPresent(messageId -> {
            DeliveryResult edited = gateway.edit(channel.channelId(), messageId, composer.corrected(correction));
            if (!(edited instanceof DeliveryResult.Delivered)) {
                LOG.info("could not edit {} message {} for a correction: {}", channel, messageId, edited);
            }
        });
    }

    private void fail(ChannelRef channel, List<Alert> batch, String status, String reason) {
        LOG.warn("alert(s) {} to {} {}: {}", ids(batch), channel, status, reason);
        store.markFailed(ids(batch), status, reason);
        listener.failed(channel, batch, status, reason);
    }

    private static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(60, 1L << Math.min(attempts, 6)));
    }

    private static List<Long> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }
}
