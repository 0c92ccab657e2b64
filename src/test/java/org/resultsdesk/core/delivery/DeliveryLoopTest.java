package org.resultsdesk.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The loop's timing, with the pass itself mocked: how many passes a stream of wake-ups starts, and with what. */
class DeliveryLoopTest {
    final AlertDelivery delivery = mock(AlertDelivery.class);

    DeliveryLoopTest() {
        when(delivery.deliverDue(anyBoolean())).thenReturn(Optional.empty());
    }

    List<Boolean> passes() {
        return mockingDetails(delivery).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals("deliverDue"))
                .map(i -> (Boolean) i.getArgument(0))
                .toList();
    }

    @Test
    void wakeUpsThatFollowEachOtherClosely_startOnePassThatKnowsAlertsWereQueued() throws Exception {
        // A quiet interval no scheduling hiccup reaches, so that only a real gap could split the wake-ups.
        DeliveryLoop.Gather gather = new DeliveryLoop.Gather(Duration.ofSeconds(1), Duration.ofSeconds(30));
        try (DeliveryLoop loop = new DeliveryLoop("test", delivery, Clock.systemUTC(), Duration.ofHours(1), gather)) {
            loop.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> passes().size() == 1);
            for (int i = 0; i < 5; i++) {
                loop.wake();
                Thread.sleep(20);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> passes().size() == 2);
            Awaitility.await()
                    .during(Duration.ofMillis(1_500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> passes().size() == 2);
            assertThat(passes())
                    .as("the pass at start, then one for the five wake-ups, which knows alerts were queued")
                    .containsExactly(false, true);
        }
    }

    @Test
    void wakeUpsThatNeverStop_stillStartAPassOnceTheGatherIsAtItsBound() throws Exception {
        DeliveryLoop.Gather gather = new DeliveryLoop.Gather(Duration.ofSeconds(10), Duration.ofMillis(200));
        try (DeliveryLoop loop = new DeliveryLoop("test", delivery, Clock.systemUTC(), Duration.ofHours(1), gather)) {
            loop.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> passes().size() == 1);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (passes().size() < 2 && System.nanoTime() < until) {
                loop.wake();
                Thread.sleep(20);
            }
            assertThat(passes())
                    .as("a pass while the wake-ups still came, 200 ms after the first, not 10 s of quiet later")
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }
}
