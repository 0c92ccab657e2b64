package org.resultsdesk.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.OutboxStatus;

/**
 * Accepted declarations, every revision, and the alert outbox: the source of truth every instance answers and
 * alerts from. {@link #record} writes a declaration and its alerts in one transaction, so a crash leaves either both
 * or neither. Delivery claims due alerts under a token; every later update to a claimed alert names that token and
 * applies only while the claim is still the holder's, so a worker whose lease ran out cannot overwrite another's.
 */
public interface AlertStore {

    /** A declaration with its place in the order every instance follows. */
    record Logged(long seq, Declaration declaration) {}

    /**
     * The alerts one delivery pass took, and the token its updates carry; {@code takenOver} of them were in flight
     * under a claim that ran out (an instance that crashed or stalled mid-send), which a healthy night never has.
     */
    record Claim(String token, List<Alert> alerts, int takenOver) {}

    /** An alert given up on, for editors' reports. */
    record FailedAlert(Alert alert, OutboxStatus status, String reason) {}

    record PausedChannel(ChannelRef channel, String reason, Instant since) {}

    /**
     * Stores the declaration and enqueues its alerts atomically, if {@code fence} is still the latest token of its
     * lease (checked inside the transaction); returns the alerts with their ids.
     *
     * @throws FencedOut if another instance holds the lease now: nothing is written
     */
    List<Alert> record(Declaration declaration, List<Alert> alerts, Fence fence);

    default List<Alert> record(Declaration declaration, List<Alert> alerts) {
        return record(declaration, alerts, Fence.NONE);
    }

    /** Enqueues alerts that no declaration carries (quote cards, retractions); returns them with their ids. */
    List<Alert> enqueue(List<Alert> alerts);

    /** The highest revision stored for a contest at a stage. */
    OptionalInt latestRevision(String contestId, Declaration.Stage stage);

    /** The newest revision of a contest at a stage. */
    Optional<Declaration> latestDeclaration(String contestId, Declaration.Stage stage);

    /** Declarations stored after {@code seq}, in the order they were stored: how each instance follows the store. */
    List<Logged> declarationsAfter(long seq, int limit);

    /**
     * Takes due alerts for a platform (pending, not before {@code now}, or left in flight by a worker whose claim
     * expired) for {@code owner} until {@code leaseUntil}, channel by channel: up to {@code channels} channels, the
     * one waiting longest first, and up to {@code perChannel} of each one's oldest due alerts, so that one pass can
     * post a channel everything it has waiting. Alerts of paused channels are not taken.
     */
    Claim claimDue(
            ChatContext.Platform platform, Instant now, Instant leaseUntil, int channels, int perChannel, String owner);

    /** When the platform's next pending alert falls due, if any is waiting (paused channels' alerts are not). */
    Optional<Instant> nextDue(ChatContext.Platform platform);

    /** Keeps the claim for longer while its pass is still working. */
    void extendClaim(String token, Instant leaseUntil);

    /** Recorded as sent: never sent again. A message id recorded for an earlier part is kept. */
    void markSent(String token, List<Long> alertIds, String messageId, Instant at);

    /** The first {@code parts} parts of a long message are posted; the first of them became {@code firstMessageId}. */
    void partlySent(String token, long alertId, int parts, String firstMessageId);

    /** Back to the queue, not before {@code notBefore}; {@code attempted} counts it as a failed try. */
    void retryLater(String token, List<Long> alertIds, Instant notBefore, String reason, boolean attempted);

    /** Back to the queue at once, untried: a pass that ran out of time before reaching them. */
    void release(String token, List<Long> alertIds);

    /** The channel moved (a Telegram group became a supergroup): these alerts now go to {@code to}, due now. */
    void requeue(String token, List<Long> alertIds, ChannelRef to);

    /** Given up on (rejected, failed too often, or may have landed and must not be repeated blindly). */
    void markFailed(String token, List<Long> alertIds, OutboxStatus status, String reason);

    /** The first message that carried this contest's result to the channel: what every correction edits. */
    Optional<String> firstMessageId(ChannelRef channel, String contestId);

    /** Whether that first message also carried other declarations (a digest), so it cannot be edited into one. */
    boolean firstSentInDigest(ChannelRef channel, String contestId);

    void pauseChannel(ChannelRef channel, String reason, Instant at);

    void resumeChannel(ChannelRef channel);

    /** Paused channels with their reasons, for editors' reports. */
    List<PausedChannel> pausedChannels();

    /** Alerts still waiting or in flight, for the status report and metrics. */
    int pendingCount();

    /** The latest alerts given up on, newest first. */
    List<FailedAlert> failed(int limit);

    /** How many alerts have been given up on. */
    int failedCount();
}
