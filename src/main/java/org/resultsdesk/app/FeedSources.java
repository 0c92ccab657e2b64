package org.resultsdesk.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.feeds.DirectoryFeedSource;
import org.resultsdesk.feeds.HttpFeedPoller;

/** The configured feed sources, a watched directory and polled URLs (each optional), started as leader-only work. */
final class FeedSources {
    private final Settings.Feeds settings;
    private final java.util.function.Supplier<OkHttpClient> http;
    private final Clock clock;
    private final Consumer<FeedFile> sink;
    private final Consumer<Runnable> together;
    /** The directory's watcher while this instance runs it. */
    private final AtomicReference<DirectoryFeedSource> watcher = new AtomicReference<>();

    FeedSources(
            Settings.Feeds settings,
            java.util.function.Supplier<OkHttpClient> http,
            Clock clock,
            Consumer<FeedFile> sink,
            Consumer<Runnable> together) {
        this.together = together;
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.sink = sink;
    }

    /** Starts each configured source; the answer closes them all. */
    List<AutoCloseable> start() throws IOException {
        List<AutoCloseable> running = new ArrayList<>();
        if (settings.directory().isPresent()) {
            DirectoryFeedSource source = new DirectoryFeedSource(
                            settings.directory().get(),
                            settings.settle(),
                            clock,
                            sink,
                            settings.maxFileBytes(),
                            together)
                    .start(Duration.ofMillis(250));
            watcher.set(source);
            running.add(() -> {
                watcher.compareAndSet(source, null);
                source.close();
            });
        }
        if (!settings.urls().isEmpty()) {
            running.add(new HttpFeedPoller(
                            http.get(), settings.urls(), settings.poll(), clock, sink, settings.maxFileBytes())
                    .start());
        }
        return running;
    }

    /** False when this instance should be watching the feed directory and its watcher has stopped or is stuck. */
    boolean healthy() {
        DirectoryFeedSource source = watcher.get();
        return source == null || source.isRunning();
    }
}
