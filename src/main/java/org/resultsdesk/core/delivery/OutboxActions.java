package org.resultsdesk.core.delivery;

import java.time.Instant;
import org.resultsdesk.core.model.OutboxStatus;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.retry.BackOff;

/**
 * The one place a send's outcome becomes what the outbox does: a pure function of the outcome and what the pass knows
 * of the batch. It is a {@link DeliveryResult.Visitor}, so an outcome added to the platform contract does not compile
 * until it is given an action here.
 */
final class OutboxActions {
    private OutboxActions() {}

    /**
     * What the pass knows when the answer comes: the part the send started from, the most attempts any alert in the
     * batch has already failed, the time, and the retry policy.
     */
    record Batch(int fromPart, int attemptsBefore, Instant now, int maxAttempts, BackOff backOff) {}

    static OutboxAction after(DeliveryResult result, Batch batch) {
        return result.accept(new DeliveryResult.Visitor<OutboxAction>() {
            @Override
            public OutboxAction delivered(DeliveryResult.Delivered delivered) {
                return new OutboxAction.Sent(delivered.messageId());
            }

            @Override
            public OutboxAction partSent(DeliveryResult.PartSent partSent) {
                return new OutboxAction.NextPart(batch.fromPart() + 1, partSent.messageId());
            }

            @Override
            public OutboxAction retryAfter(DeliveryResult.RetryAfter retry) {
                return new OutboxAction.Throttled(
                        retry.after(),
                        batch.now().plus(retry.after()),
                        "429: retry after " + retry.after().toSeconds() + "s");
            }

            @Override
            public OutboxAction gone(DeliveryResult.Gone gone) {
                return gone.movedTo()
                        .<OutboxAction>map(OutboxAction.Moved::new)
                        .orElseGet(() -> new OutboxAction.Paused(gone.reason()));
            }

            @Override
            public OutboxAction rejected(DeliveryResult.Rejected rejected) {
                return new OutboxAction.GivenUp(OutboxStatus.REJECTED, rejected.reason());
            }

            @Override
            public OutboxAction failed(DeliveryResult.Failed failed) {
                if (failed.mayHaveLanded()) {
                    // The platform may have posted it: a blind repeat could post it twice, so it is reported instead.
                    return new OutboxAction.GivenUp(OutboxStatus.UNCERTAIN, failed.reason());
                }
                int attempts = batch.attemptsBefore() + 1;
                if (attempts >= batch.maxAttempts()) {
                    return new OutboxAction.GivenUp(
                            OutboxStatus.FAILED, failed.reason() + " after " + attempts + " attempts");
                }
                return new OutboxAction.Retry(batch.now().plus(batch.backOff().delay(attempts)), failed.reason());
            }
        });
    }
}
