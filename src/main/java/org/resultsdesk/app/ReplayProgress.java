package org.resultsdesk.app;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The replay's progress line: declarations so far, alerts queued and sent, and the time on the replay clock. On a
 * terminal it is redrawn in place every second; otherwise (piped, logged) it is a new line every few seconds.
 */
final class ReplayProgress implements AutoCloseable {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/London"));

    /** Where the replay stands. */
    record Snapshot(int declared, long queued, long sent, Instant replayClock) {}

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final Supplier<Snapshot> snapshot;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replay-progress");
        t.setDaemon(true);
        return t;
    });

    ReplayProgress(PrintStream out, boolean terminal, int total, Supplier<Snapshot> snapshot) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.snapshot = snapshot;
    }

    ReplayProgress start(Duration everyOnATerminal, Duration everyOtherwise) {
        Duration every = terminal ? everyOnATerminal : everyOtherwise;
        timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    String line(Snapshot s) {
        return String.format(
                "declared %d of %d, alerts queued %d and sent %d, replay clock %s",
                s.declared(), total, s.queued(), s.sent(), CLOCK.format(s.replayClock()));
    }

    synchronized void print() {
        String line = line(snapshot.get());
        if (terminal) {
            out.print("\r" + line + "\u001B[K");
            out.flush();
        } else {
            out.println(line);
        }
    }

    /** Stops the updates and prints where the replay ended, with what it says first ("Replay finished", ...). */
    synchronized void summary(String how) {
        timer.shutdownNow();
        out.println((terminal ? "\r\u001B[K" : "") + how + ": " + line(snapshot.get()) + ".");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
