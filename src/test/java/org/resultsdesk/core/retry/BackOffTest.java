package org.resultsdesk.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackOffTest {
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofSeconds(5);

    @Test
    void theCeilingDoublesFromTheFirstWaitAndStopsAtTheLongest() {
        BackOff backOff = new BackOff(FIRST, LONGEST, 0.5);

        assertThat(backOff.ceiling(1)).isEqualTo(FIRST);
        assertThat(backOff.ceiling(2)).isEqualTo(FIRST.multipliedBy(2));
        assertThat(backOff.ceiling(3)).isEqualTo(FIRST.multipliedBy(4));
        assertThat(backOff.ceiling(4)).isEqualTo(LONGEST);
        assertThat(backOff.ceiling(1_000)).isEqualTo(LONGEST);
    }

    @Test
    void jitterTakesUpToItsShareOffTheCeilingAndNeverMore() {
        double jitter = 0.5;
        for (int failures = 1; failures <= 6; failures++) {
            Duration ceiling = new BackOff(FIRST, LONGEST, jitter).ceiling(failures);
            assertThat(new BackOff(FIRST, LONGEST, jitter, () -> 0).delay(failures))
                    .isEqualTo(ceiling);
            assertThat(new BackOff(FIRST, LONGEST, jitter, () -> 0.5).delay(failures))
                    .isEqualTo(ceiling.minus(Duration.ofMillis((long) (ceiling.toMillis() * jitter * 0.5))));
            // Just below 1, the most the random source gives: the wait stays above (1 - jitter) of the ceiling.
            assertThat(new BackOff(FIRST, LONGEST, jitter, () -> 0.999_999).delay(failures))
                    .isGreaterThanOrEqualTo(Duration.ofMillis((long) (ceiling.toMillis() * (1 - jitter))));
        }
    }

    @Test
    void twoLoopsThatFailedTogetherWaitDifferentTimes() {
        BackOff backOff = new BackOff(FIRST, LONGEST, 0.5);
        // With real randomness, many draws of the same failure count are not all the same wait.
        assertThat(java.util.stream.IntStream.range(0, 50)
                        .mapToObj(i -> backOff.delay(3))
                        .distinct()
                        .count())
                .isGreaterThan(1);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new BackOff(Duration.ZERO, LONGEST, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackOff(LONGEST, FIRST, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackOff(FIRST, LONGEST, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackOff(FIRST, LONGEST, 0.5).delay(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
