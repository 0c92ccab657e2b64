package org.resultsdesk.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.resultsdesk.MutableClock;

class DeliveryWakeTest {
    final MutableClock clock = new MutableClock(Instant.parse("2029-07-05T00:00:00Z"));
    final AtomicInteger wakes = new AtomicInteger();
    final DeliveryWake wake = new DeliveryWake(wakes::incrementAndGet, clock, Duration.ofSeconds(1));

    @Test
    void alertsQueuedOutsideABatchWakeTheLoopsAtOnce() {
        wake.alertsQueued();
        wake.alertsQueued();
        assertThat(wakes).hasValue(2);
    }

    @Test
    void aBatchWakesTheLoopsOnceWhenItIsDoneNotOnceAFile() {
        wake.together(() -> {
            for (int file = 0; file < 40; file++) {
                clock.advance(Duration.ofMillis(20));
                wake.alertsQueued();
            }
            assertThat(wakes).as("nothing while the batch is read (800 ms)").hasValue(0);
        });
        assertThat(wakes).hasValue(1);
    }

    @Test
    void aBatchThatQueuedNothingWakesNothing() {
        wake.together(() -> clock.advance(Duration.ofMillis(300)));
        assertThat(wakes).hasValue(0);
    }

    @Test
    void aLongBatchStillWakesTheLoopsOnceItsOldestHeldAlertHasWaitedASecond() {
        wake.together(() -> {
            wake.alertsQueued(); // held from here
            clock.advance(Duration.ofMillis(999));
            wake.alertsQueued();
            assertThat(wakes).hasValue(0);
            clock.advance(Duration.ofMillis(1));
            wake.alertsQueued();
            assertThat(wakes).as("a second after the first held alert").hasValue(1);
            clock.advance(Duration.ofMillis(500));
            wake.alertsQueued(); // held afresh
        });
        assertThat(wakes)
                .as("and once more for what the batch queued after that")
                .hasValue(2);
    }

    @Test
    void aBatchInsideAnotherWakesWhenTheOuterOneEnds() {
        wake.together(() -> {
            wake.together(wake::alertsQueued);
            assertThat(wakes).hasValue(0);
        });
        assertThat(wakes).hasValue(1);
    }

    @Test
    void aBatchThatThrowsStillWakesForWhatItQueued() {
        try {
            wake.together(() -> {
                wake.alertsQueued();
                throw new IllegalStateException("the store went away");
            });
        } catch (IllegalStateException expected) {
            // as a failing file would
        }
        assertThat(wakes).hasValue(1);
        wake.alertsQueued();
        assertThat(wakes).as("no batch left open").hasValue(2);
    }
}
