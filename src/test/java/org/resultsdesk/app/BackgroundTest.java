package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void deferredWorkWaitsUntilBegunOrAskedForAndRunsOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<String> thread = new AtomicReference<>();
        Background<Integer> value = Background.deferred("deferred-test", () -> {
            thread.set(Thread.currentThread().getName());
            return runs.incrementAndGet();
        });
        assertThat(runs).hasValue(0);

        assertThat(value.get()).isEqualTo(1);
        assertThat(thread.get()).isEqualTo(Thread.currentThread().getName());
        value.begin();
        assertThat(value.get()).isEqualTo(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    void begunWorkRunsOnItsOwnThreadAndCallersWaitForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<String> thread = new AtomicReference<>();
        Background<String> value = Background.start("started-test", () -> {
            thread.set(Thread.currentThread().getName());
            runs.incrementAndGet();
            release.await(10, TimeUnit.SECONDS);
            return "loaded";
        });
        Thread asker = new Thread(() -> value.join());
        asker.start();
        release.countDown();
        assertThat(value.get()).isEqualTo("loaded");
        asker.join(10_000);
        assertThat(thread.get()).isEqualTo("started-test");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailureIsThrownAsItWasThrownToEveryoneWhoAsks() {
        Background<String> value = Background.start("failing-test", () -> {
            throw new IOException("no such resource");
        });
        assertThatThrownBy(value::get).isInstanceOf(IOException.class).hasMessage("no such resource");
        assertThatThrownBy(value::get).isInstanceOf(IOException.class);
        assertThatThrownBy(value::join)
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(IOException.class);
        Background<String> unchecked = Background.deferred("unchecked-test", () -> {
            throw new IllegalArgumentException("bad row");
        });
        assertThatThrownBy(unchecked::join)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad row");
    }
}
