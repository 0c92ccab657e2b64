package org.resultsdesk.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.alerts.Alert;
import org.resultsdesk.core.alerts.ChannelRef;
import org.resultsdesk.core.command.ChatContext;
import org.resultsdesk.core.model.Declaration;

/**
 * Accepted declarations and the alert outbox. {@link #record} writes a declaration and its alerts in one
 * transaction, so a crash leaves either both or neither. Delivery claims due alerts, and marks each sent with the
 * platform's message id, so that after a restart nothing recorded as sent is sent again.
 */
public interface AlertStore {

    /** Stores the declaration and enqueues its alerts atomically; returns the alerts with their ids. */
    List<Alert> record(Declaration declaration, List<Alert> alerts);

    /** Enqueues alerts that no declaration carries (quote cards, retractions); returns them with their ids. */
    List<Alert> enqueue(List<Alert> alerts);

    /** The highest revision stored for a contest at a stage. */
    OptionalInt latestRevision(String contestId, Declaration.Stage stage);

    /** The latest revision of every declared contest at each stage, oldest first: what a restart reloads. */
    List<Declaration> latestDeclarations();

    /**
     * Takes due alerts for a platform (pending, not before {@code now}) off the queue for this worker until
     * {@code leaseUntil}; alerts of paused channels are not returned. Alerts left in flight by a crashed worker come
     * back once their lease has expired.
     */
    List<Alert> claimDue(ChatContext.Platform platform, Instant now, Instant leaseUntil, int limit);

    /** Recorded as sent: never sent again. */
    void markSent(List<Long> alertIds, String messageId, Instant at);

    /** Back to the queue, not before {@code notBefore}. */
    void retryLater(List<Long> alertIds, Instant notBefore, String reason);

    /** The channel moved (a Telegram group became a supergroup): these alerts now go to {@code to}, due now. */
    void requeue(List<Long> alertIds, ChannelRef to);

    /** Given up on (rejected, or may have landed and must not be repeated blindly). */
    void markFailed(List<Long> alertIds, String status, String reason);

    /** The message that carried this contest's alert to the channel, for editing on correction. */
    Optional<String> sentMessageId(ChannelRef channel, String contestId);

    /** Whether the message that carried this contest also carried others (a digest). */
    boolean sentInDigest(ChannelRef channel, String contestId);

    void pauseChannel(ChannelRef channel, String reason, Instant at);

    void resumeChannel(ChannelRef channel);

    /** Paused channels with their reasons, for editors' reports. */
    List<PausedChannel> pausedChannels();

    /** Alerts still waiting or in flight, for the status report and metrics. */
    int pendingCount();

    record PausedChannel(ChannelRef channel, String reason, Instant since) {
    }
}
