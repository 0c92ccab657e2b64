package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsdesk.MutableClock;

/** What docs/operations.md says of readiness checks: a passing answer is kept a minute, a failing one is asked again. */
class CachedCheckTest {
    final MutableClock clock = new MutableClock(Instant.parse("2024-07-05T01:00:00Z"));
    final Duration interval = Duration.ofMinutes(1);
    final Deque<Boolean> answers = new ArrayDeque<>();
    int asked;

    CachedCheck check() {
        return new CachedCheck(clock, interval, () -> {
            asked++;
            return answers.isEmpty() || answers.poll();
        });
    }

    @Test
    void aPassingAnswerIsKeptForTheIntervalThenAskedAgain() {
        CachedCheck check = check();

        assertThat(check.getAsBoolean()).isTrue();
        clock.advance(interval.minusSeconds(1));
        assertThat(check.getAsBoolean()).isTrue();
        assertThat(asked).isEqualTo(1);

        answers.add(false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(check.getAsBoolean())
                .as("asked again once the interval is over")
                .isFalse();
        assertThat(asked).isEqualTo(2);
    }

    @Test
    void aFailingCheckIsAskedOnEveryProbeSoRecoveryShowsAtOnce() {
        answers.addAll(List.of(false, false, true));
        CachedCheck check = check();

        assertThat(check.getAsBoolean()).isFalse();
        assertThat(check.getAsBoolean()).isFalse();
        assertThat(check.getAsBoolean()).isTrue();
        assertThat(check.getAsBoolean()).isTrue();

        assertThat(asked).isEqualTo(3);
    }
}
