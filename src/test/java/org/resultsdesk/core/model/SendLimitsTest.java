package org.resultsdesk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The window rule every budget keeps: at most count sends in any window, a whole window's allowance at once. */
class SendLimitsTest {

    /** Sends taken greedily at each arrival, or at the first instant the limit allows, as a delivery pass does. */
    private static List<Long> sendAsSoonAsAllowed(SendLimits.Limit limit, List<Long> arrivals) {
        List<Long> remembered = List.of();
        List<Long> sent = new ArrayList<>();
        for (long arrival : arrivals) {
            long at = limit.earliest(arrival, remembered);
            remembered = limit.after(remembered, at);
            sent.add(at);
        }
        return sent;
    }

    private static int mostInAnyWindow(List<Long> sends, long windowMillis) {
        int most = 0;
        int start = 0;
        for (int end = 0; end < sends.size(); end++) {
            while (sends.get(end) - sends.get(start) >= windowMillis) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    @Test
    void underRandomArrivalsNoWindowEverHoldsMoreThanTheCountAndNoSendWaitsLongerThanItMust() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            SendLimits.Limit limit =
                    new SendLimits.Limit(1 + random.nextInt(30), Duration.ofMillis(1 + random.nextInt(5000)));
            long window = limit.window().toMillis();
            List<Long> arrivals = new ArrayList<>();
            long t = random.nextInt(1000);
            for (int i = 0; i < 200; i++) {
                t += random.nextInt(3) == 0 ? 0 : random.nextInt((int) (2 * window / limit.count()) + 1);
                arrivals.add(t);
            }

            List<Long> sent = sendAsSoonAsAllowed(limit, arrivals);

            assertThat(mostInAnyWindow(sent, window))
                    .as("seed %d, %s", seed, limit)
                    .isLessThanOrEqualTo(limit.count());
            for (int i = 0; i < sent.size(); i++) {
                assertThat(sent.get(i)).isGreaterThanOrEqualTo(arrivals.get(i));
                long inTurn = i == 0 ? arrivals.get(i) : Math.max(arrivals.get(i), sent.get(i - 1));
                assertThat(sent.get(i)).as("in arrival order").isGreaterThanOrEqualTo(inTurn);
                if (sent.get(i) > inTurn) {
                    // Held back past its turn only because sooner would have put one too many into some window.
                    List<Long> sooner = new ArrayList<>(sent.subList(0, i));
                    sooner.add(sent.get(i) - 1);
                    assertThat(mostInAnyWindow(sooner, window))
                            .as("seed %d, send %d held longer than needed", seed, i)
                            .isGreaterThan(limit.count());
                }
            }
        }
    }

    @Test
    void aBurstUsesTheWholeWindowAtOnceAndTheNextWaitsForTheWindowThatBeganWithIt() {
        SendLimits.Limit thirtyASecond = new SendLimits.Limit(30, Duration.ofSeconds(1));
        List<Long> arrivals = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            arrivals.add(5_000L);
        }

        List<Long> sent = sendAsSoonAsAllowed(thirtyASecond, arrivals);

        assertThat(sent.subList(0, 30)).containsOnly(5_000L);
        assertThat(sent.subList(30, 60)).containsOnly(6_000L);
        assertThat(sent.get(60)).isEqualTo(7_000L);
    }

    @Test
    void aLimitRemembersOnlyItsCountOfSends() {
        SendLimits.Limit three = new SendLimits.Limit(3, Duration.ofSeconds(10));
        List<Long> remembered = List.of();
        for (long t = 0; t < 5; t++) {
            remembered = three.after(remembered, t);
        }

        assertThat(remembered).containsExactly(2L, 3L, 4L);
        assertThat(three.earliest(4, remembered)).isEqualTo(10_002L);
    }
}
