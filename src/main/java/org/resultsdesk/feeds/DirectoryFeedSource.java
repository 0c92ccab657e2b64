package org.resultsdesk.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the directory a newsroom's feed sync writes into; temporary names (dot-files, .tmp, .part, .partial, .swp)
 * are ignored. A file renamed into the directory is complete the moment it appears, so where the file system
 * delivers change events (a {@link WatchService}) such a file is read at once: it appeared (created or moved in) and
 * nothing wrote to it after. A file written in place is read once its size and modification time have held still
 * for the settle interval, so a half-written file is never read. A scan every few hundred milliseconds stays as well,
 * for network mounts, where change events are not delivered, and as a safety net for events lost or overflowed. Each
 * version of a file (name, size and modification time) is delivered once.
 *
 * <p>The directory is a boundary: only regular files in it are read, never through a symbolic link (a link is
 * refused, not followed), FIFOs, devices and directories are skipped, and a file over the size limit is refused
 * unread; each of these is one log line, once per version of the file. A version counts as done only once the sink
 * has taken it without throwing: when ingest fails (the database down, say) the file is read again later. Nothing
 * a file or the sink does stops the watcher.
 *
 * <p>The files one look finds (one set of change events, one scan) are handed over inside one call of
 * {@code together}, so that the sink's owner can tell a batch: forty results synced in at once go out as one digest
 * per channel, not the first alone and the rest a chat slot later.
 */
public final class DirectoryFeedSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryFeedSource.class);
    /** Larger than any real result file (a general election's Election-manager candidacies are under 1 MB). */
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    private record Version(long size, Instant modified) {}

    private record Seen(Version version, Instant since) {}

    private final Path directory;
    private final Duration settle;
    private final Clock clock;
    private final Consumer<FeedFile> sink;
    private final Consumer<Runnable> together;
    private final long maxFileBytes;
    private final Map<Path, Seen> pending = new HashMap<>();
    private final Map<Path, Version> delivered = new HashMap<>();
    /** Versions refused or skipped, remembered so each is logged once. */
    private final Map<Path, Version> refused = new HashMap<>();

    private final Map<Path, Integer> failures = new HashMap<>();
    private ScheduledExecutorService scanner;
    private WatchService events;
    private Thread eventReader;
    private Duration every = Duration.ofMillis(250);
    private volatile Instant lastScan;
    private volatile Instant lastRead;

    public DirectoryFeedSource(Path directory, Duration settle, Clock clock, Consumer<FeedFile> sink) {
        this(directory, settle, clock, sink, DEFAULT_MAX_FILE_BYTES);
    }

    public DirectoryFeedSource(
            Path directory, Duration settle, Clock clock, Consumer<FeedFile> sink, long maxFileBytes) {
        this(directory, settle, clock, sink, maxFileBytes, Runnable::run);
    }

    /** @param together runs each look at the directory, with the files it hands to the sink */
    public DirectoryFeedSource(
            Path directory,
            Duration settle,
            Clock clock,
            Consumer<FeedFile> sink,
            long maxFileBytes,
            Consumer<Runnable> together) {
        if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("feeds.max-file-bytes must be between 1 and " + (Integer.MAX_VALUE - 8));
        }
        this.directory = directory;
        this.settle = settle;
        this.clock = clock;
        this.sink = sink;
        this.maxFileBytes = maxFileBytes;
        this.together = together;
    }

    public DirectoryFeedSource start(Duration every) throws IOException {
        Files.createDirectories(directory);
        this.every = every;
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-directory");
            t.setDaemon(true);
            return t;
        });
        lastScan = clock.instant();
        scanner.scheduleWithFixedDelay(this::scanQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        startEvents();
        LOG.info("watching {} for feed files", LogSafe.escape(directory.toAbsolutePath()));
        return this;
    }

    private void startEvents() {
        try {
            events = directory.getFileSystem().newWatchService();
            directory.register(events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info(
                    "no change events for {} ({}); scanning only",
                    LogSafe.escape(directory.toAbsolutePath()),
                    LogSafe.escape(e.toString()));
            events = null;
            return;
        }
        eventReader = new Thread(this::readEvents, "feed-directory-events");
        eventReader.setDaemon(true);
        eventReader.start();
    }

    /** How long after an event the reader waits for more, so a write that follows a creation is seen with it. */
    private static final long QUIET_MILLIS = 10;

    private void readEvents() {
        try {
            while (true) {
                WatchKey key = events.take();
                Set<Path> appeared = new HashSet<>();
                Set<Path> written = new HashSet<>();
                boolean overflow = false;
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5 * QUIET_MILLIS);
                while (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            overflow = true;
                        } else if (event.context() instanceof Path name) {
                            (event.kind() == StandardWatchEventKinds.ENTRY_CREATE ? appeared : written)
                                    .add(directory.resolve(name));
                        }
                    }
                    if (!key.reset()) {
                        LOG.warn(
                                "{} can no longer be watched for events; scanning only",
                                LogSafe.escape(directory.toAbsolutePath()));
                        return;
                    }
                    key = System.nanoTime() < deadline ? events.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS) : null;
                }
                appeared.removeAll(written);
                arrivedWhole(appeared);
                if (overflow || !written.isEmpty()) {
                    scanQuietly();
                }
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.warn(
                    "reading change events for {} failed; scanning only: {}",
                    LogSafe.escape(directory.toAbsolutePath()),
                    LogSafe.escape(e.toString()));
        }
    }

    /**
     * Reads, without waiting for them to settle, files that appeared whole (renamed in, not written in place): what the
     * directory's change events deliver.
     */
    public synchronized void arrivedWhole(Set<Path> files) {
        together.accept(() -> readWhole(files));
    }

    private void readWhole(Set<Path> files) {
        Instant now = clock.instant();
        for (Path file : files) {
            try {
                look(file, now, true);
            } catch (java.nio.file.NoSuchFileException e) {
                // renamed away again before it could be read: nothing to do
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not read feed file {}: {}", name(file), LogSafe.escape(e.toString()));
            }
        }
    }

    /** One look at the directory: delivers every file that has settled since it last changed. Returns how many. */
    public synchronized int scanOnce() throws IOException {
        Instant now = clock.instant();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
            listing.forEach(files::add);
        }
        int[] count = {0};
        together.accept(() -> {
            for (Path file : files) {
                try {
                    count[0] += look(file, now, false) ? 1 : 0;
                } catch (IOException | RuntimeException e) {
                    // One file's trouble (gone mid-scan, unreadable) is that file's; the others are still read.
                    LOG.warn("could not read feed file {}: {}", name(file), LogSafe.escape(e.toString()));
                }
            }
        });
        lastScan = clock.instant();
        return count[0];
    }

    /**
     * Whether this file was delivered now. A file known to have appeared {@code whole} is read at once unless it is
     * empty (a file created empty is being written in place); any other waits out the settle interval.
     */
    private boolean look(Path file, Instant now, boolean whole) throws IOException {
        if (ignored(file)) {
            return false;
        }
        BasicFileAttributes attributes =
                Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Version version =
                new Version(attributes.size(), attributes.lastModifiedTime().toInstant());
        if (version.equals(delivered.get(file)) || version.equals(refused.get(file))) {
            return false;
        }
        Optional<String> refusal = refusal(attributes);
        if (refusal.isPresent()) {
            refused.put(file, version);
            pending.remove(file);
            LOG.warn("refused feed file {}: {}", name(file), refusal.get());
            return false;
        }
        Seen seen = pending.get(file);
        boolean settling = !(whole && version.size() > 0);
        if (settling && (seen == null || !seen.version().equals(version))) {
            pending.put(file, new Seen(version, now));
            return false;
        }
        if (settling && Duration.between(seen.since(), now).compareTo(settle) < 0) {
            return false;
        }
        Optional<byte[]> content = read(file);
        if (content.isEmpty()) {
            refused.put(file, version);
            pending.remove(file);
            LOG.warn("refused feed file {}: it grew past {} bytes while being read", name(file), maxFileBytes);
            return false;
        }
        try {
            sink.accept(new FeedFile(file.getFileName().toString(), content.get(), now));
        } catch (RuntimeException | Error e) {
            // Not done: the settle clock starts again and the file is read once more after it.
            pending.put(file, new Seen(version, now));
            int failed = failures.merge(file, 1, Integer::sum);
            if (failed == 1) {
                LOG.error("ingest of feed file {} failed; it will be read again", name(file), e);
            } else if (failed % 20 == 0) {
                LOG.error(
                        "ingest of feed file {} failed {} times: {}", name(file), failed, LogSafe.escape(e.toString()));
            }
            return false;
        }
        pending.remove(file);
        failures.remove(file);
        delivered.put(file, version);
        lastRead = clock.instant();
        return true;
    }

    private Optional<String> refusal(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return Optional.of("a symbolic link (links are not followed)");
        }
        if (!attributes.isRegularFile()) {
            return Optional.of(attributes.isDirectory() ? "a directory" : "not a regular file (a FIFO or device)");
        }
        if (attributes.size() > maxFileBytes) {
            return Optional.of(attributes.size() + " bytes, more than feeds.max-file-bytes (" + maxFileBytes + ")");
        }
        return Optional.empty();
    }

    /** The content, read without following a link and never more than the limit; empty if it is over it. */
    private Optional<byte[]> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) maxFileBytes + 1);
            return bytes.length > maxFileBytes ? Optional.empty() : Optional.of(bytes);
        }
    }

    private void scanQuietly() {
        try {
            scanOnce();
        } catch (Throwable e) {
            LOG.warn("scanning {} failed: {}", LogSafe.escape(directory), LogSafe.escape(e.toString()));
        }
    }

    /**
     * Whether the watcher is started, not stopped, and has finished a scan recently (a scan stuck on a file counts
     * as not running).
     */
    public boolean isRunning() {
        Instant scanned = lastScan;
        return scanner != null
                && !scanner.isShutdown()
                && scanned != null
                && Duration.between(scanned, clock.instant())
                                .compareTo(every.multipliedBy(20).plusSeconds(30))
                        <= 0;
    }

    /** When a file was last read and taken by the sink without failing. */
    public Optional<Instant> lastRead() {
        return Optional.ofNullable(lastRead);
    }

    private static String name(Path file) {
        return LogSafe.escape(file.getFileName());
    }

    static boolean ignored(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.startsWith(".")
                || name.endsWith(".tmp")
                || name.endsWith(".part")
                || name.endsWith(".partial")
                || name.endsWith(".swp")
                || name.endsWith("~");
    }

    @Override
    public void close() {
        if (scanner != null) {
            scanner.shutdownNow();
        }
        if (events != null) {
            try {
                events.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service", e);
            }
        }
    }
}
