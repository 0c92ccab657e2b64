package org.resultsdesk.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.model.OutboxStatus;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.retry.BackOff;

/** Every way a send can end, and what the outbox does with the alerts it carried. */
class OutboxActionsTest {
    private static final Instant NOW = Instant.parse("2024-07-05T01:00:00Z");
    private static final int MAX_ATTEMPTS = 8;
    // No jitter here: the longest wait the policy allows, so the retry time can be derived from the policy itself.
    private static final BackOff BACK_OFF = AlertDelivery.RETRY_BACK_OFF.withRandom(() -> 0);

    private static OutboxAction after(DeliveryResult result, int fromPart, int attemptsBefore) {
        return OutboxActions.after(
                result, new OutboxActions.Batch(fromPart, attemptsBefore, NOW, MAX_ATTEMPTS, BACK_OFF));
    }

    @Test
    void aDeliveredMessageIsRecordedAsSentWithItsId() {
        assertThat(after(new DeliveryResult.Delivered("m1"), 0, 0)).isEqualTo(new OutboxAction.Sent("m1"));
    }

    @Test
    void aPartSentCountsThePartAndKeepsTheFirstMessageId() {
        assertThat(after(new DeliveryResult.PartSent("m7"), 2, 0)).isEqualTo(new OutboxAction.NextPart(3, "m7"));
    }

    @Test
    void aThrottleWaitsAsLongAsToldAndIsNotAnAttempt() {
        Duration after = Duration.ofSeconds(17);
        assertThat(after(new DeliveryResult.RetryAfter(after), 0, 3))
                .isEqualTo(new OutboxAction.Throttled(after, NOW.plus(after), "429: retry after 17s"));
    }

    @Test
    void aMovedChannelIsFollowedAndAGoneOneIsPaused() {
        assertThat(after(new DeliveryResult.Gone("upgraded", Optional.of("-100123")), 0, 0))
                .isEqualTo(new OutboxAction.Moved("-100123"));
        assertThat(after(new DeliveryResult.Gone("bot was kicked", Optional.empty()), 0, 0))
                .isEqualTo(new OutboxAction.Paused("bot was kicked"));
    }

    @Test
    void aRejectedMessageIsGivenUpAtOnce() {
        assertThat(after(new DeliveryResult.Rejected("can't parse entities"), 0, 0))
                .isEqualTo(new OutboxAction.GivenUp(OutboxStatus.REJECTED, "can't parse entities"));
    }

    @Test
    void aFailureThatMayHaveLandedIsReportedNotRepeated() {
        assertThat(after(new DeliveryResult.Failed("read timed out", true), 0, 0))
                .isEqualTo(new OutboxAction.GivenUp(OutboxStatus.UNCERTAIN, "read timed out"));
    }

    @Test
    void aFailureIsRetriedWithTheBackOffUntilTheLastAttempt() {
        for (int before = 0; before < MAX_ATTEMPTS - 1; before++) {
            assertThat(after(new DeliveryResult.Failed("HTTP 502", false), 0, before))
                    .isEqualTo(new OutboxAction.Retry(NOW.plus(BACK_OFF.ceiling(before + 1)), "HTTP 502"));
        }
        assertThat(after(new DeliveryResult.Failed("HTTP 502", false), 0, MAX_ATTEMPTS - 1))
                .isEqualTo(
                        new OutboxAction.GivenUp(OutboxStatus.FAILED, "HTTP 502 after " + MAX_ATTEMPTS + " attempts"));
    }

    @Test
    void onlyTheWaysOfGivingUpCanBeRecordedAsGivenUp() {
        for (OutboxStatus status : OutboxStatus.values()) {
            boolean accepted;
            try {
                new OutboxAction.GivenUp(status, "reason");
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertThat(accepted).as(status.name()).isEqualTo(status.givenUp());
        }
    }
}
