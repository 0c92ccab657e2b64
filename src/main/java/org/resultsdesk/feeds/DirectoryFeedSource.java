package org.resultsdesk.feeds;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.resultsdesk.core.port.FeedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the directory a newsroom's feed sync writes into. A file is read once its size and modification time have
 * held still for the settle interval, so a half-written file is never read; temporary names (dot-files, .tmp,
 * .part, .partial, .swp) are ignored. Each version of a file (name, size and modification time) is delivered once.
 * Scanning every few hundred milliseconds is simpler than a WatchService and works on network mounts, where
 * change events are not delivered.
 */
public final class DirectoryFeedSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryFeedSource.class);

    private record Version(long size, Instant modified) {
    }

    private record Seen(Version version, Instant since) {
    }

    private final Path directory;
    private final Duration settle;
    private final Clock clock;
    private final Consumer<FeedFile> sink;
    private final Map<Path, Seen> pending = new HashMap<>();
    private final Map<Path, Version> delivered = new HashMap<>();
    private ScheduledExecutorService scanner;

    public DirectoryFeedSource(Path directory, Duration settle, Clock clock, Consumer<FeedFile> sink) {
        this.directory = directory;
        this.settle = settle;
        this.clock = clock;
        this.sink = sink;
    }

    public DirectoryFeedSource start(Duration every) throws IOException {
        Files.createDirectories(directory);
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-directory");
            t.setDaemon(true);
            return t;
        });
        scanner.scheduleWithFixedDelay(this::scanQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("watching {} for feed files", directory.toAbsolutePath());
        return this;
    }

    /** One look at the directory: delivers every file that has settled since it last changed. Returns how many. */
    public synchronized int scanOnce() throws IOException {
        Instant now = clock.instant();
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (ignored(file)) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    continue;
                }
                Version version = new Version(attributes.size(), attributes.lastModifiedTime().toInstant());
                if (version.equals(delivered.get(file))) {
                    continue;
                }
                Seen seen = pending.get(file);
                if (seen == null || !seen.version().equals(version)) {
                    pending.put(file, new Seen(version, now));
                    continue;
                }
                if (Duration.between(seen.since(), now).compareTo(settle) < 0) {
                    continue;
                }
                pending.remove(file);
                delivered.put(file, version);
                sink.accept(new FeedFile(file.getFileName().toString(), Files.readAllBytes(file), now));
                count++;
            }
        }
        return count;
    }

    private void scanQuietly() {
        try {
            scanOnce();
        } catch (IOException | RuntimeException e) {
            LOG.warn("scanning {} failed: {}", directory, e.toString());
        }
    }

    static boolean ignored(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part") || name.endsWith(".partial")
                || name.endsWith(".swp") || name.endsWith("~");
    }

    @Override
    public void close() {
        if (scanner != null) {
            scanner.shutdownNow();
        }
    }
}
