package org.resultsdesk.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.SendLimits;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiSendBudget;

/** A platform's limits applied through the real shared budget: which waits hold every channel, and which one. */
class PacerTest {
    static final Instant T0 = Instant.parse("2024-07-05T01:00:00Z");
    // One send per window each, so that the test holds however a window's allowance is spread.
    static final SendLimits.Limit ONE_IN_TEN_SECONDS = new SendLimits.Limit(1, Duration.ofSeconds(10));
    static final SendLimits.Limit ONE_A_SECOND = new SendLimits.Limit(1, Duration.ofSeconds(1));
    static final SendLimits LIMITS = new SendLimits(
            chat -> List.of(new SendLimits.Bucket("chat:" + chat, ONE_IN_TEN_SECONDS)),
            List.of(new SendLimits.Bucket("bot", ONE_A_SECOND)));

    @TempDir
    Path dir;

    Database database;
    Pacer pacer;

    @BeforeEach
    void setUp() {
        database = Database.sqlite(dir);
        pacer = new Pacer(Platform.TELEGRAM, LIMITS, new JdbiSendBudget(database));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aChannelsOwnLimitHoldsOnlyItAndThePlatformsHoldsEveryone() {
        Instant second = T0.plus(Duration.ofSeconds(1));
        assertThat(pacer.tryTake("A", T0)).isEmpty();

        assertThat(pacer.tryTake("A", second)).hasValueSatisfying(w -> {
            assertThat(w.platformWide()).as("the chat's own limit").isFalse();
            assertThat(w.until()).isEqualTo(T0.plus(Duration.ofSeconds(10)));
        });
        assertThat(pacer.tryTake("B", second))
                .as("another chat, the platform's next slot")
                .isEmpty();
        assertThat(pacer.tryTake("C", second)).hasValueSatisfying(w -> {
            assertThat(w.platformWide())
                    .as("the bot's limit, shared by every chat")
                    .isTrue();
            assertThat(w.until()).isEqualTo(second.plus(Duration.ofSeconds(1)));
        });
        assertThat(pacer.tryTake("C", second.plus(Duration.ofSeconds(1)))).isEmpty();
    }

    @Test
    void aThrottledChannelWaitsAsToldAndNoOtherDoes() {
        Instant until = T0.plus(Duration.ofSeconds(30));
        pacer.throttled("A", until);

        Instant soon = T0.plus(Duration.ofSeconds(5));
        assertThat(pacer.tryTake("A", soon)).hasValueSatisfying(w -> {
            assertThat(w.until()).isEqualTo(until);
            assertThat(w.platformWide()).isFalse();
        });
        assertThat(pacer.tryTake("B", soon)).isEmpty();
        assertThat(pacer.tryTake("A", until)).isEmpty();
    }
}
