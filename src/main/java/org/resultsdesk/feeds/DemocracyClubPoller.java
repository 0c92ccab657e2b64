package org.resultsdesk.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.resultsdesk.core.model.DueBallot;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.port.DueBallots;
import org.resultsdesk.core.port.SourceMarks;
import org.resultsdesk.core.retry.BackOff;
import org.resultsdesk.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls Democracy Club for council by-elections: the ballots due (kept in the store for the week's list) and the
 * results entered for each recent polling day, asked for with {@code last_updated} from a high-water mark kept in the
 * store per polling day, so a restart or a new leader resumes where the last complete read ended. Results go to the
 * ingest as unnumbered local results, which numbers them, alerts once and turns changed figures into a correction.
 *
 * <p>The mark moves only after a polling day's results were all read and taken by the ingest; it is set to when that
 * read began, less {@link #OVERLAP} for clock skew between Democracy Club and here (results re-read inside the overlap
 * are the same figures: not handed on again by this poller, and held by the ingest without alerting after a restart). A read that fails (HTTP error, time-out, malformed
 * or absurd page) or an ingest that throws moves nothing and backs off. A result whose winners are marked before its
 * votes are entered is a rush: the local model has no winner-only declaration, so it is logged once and waited for.
 */
public final class DemocracyClubPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemocracyClubPoller.class);
    public static final String SOURCE = "democracy-club";
    static final Duration OVERLAP = Duration.ofMinutes(2);
    public static final BackOff BACK_OFF = new BackOff(Duration.ofSeconds(10), Duration.ofMinutes(15), 0.5);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int MAX_REMEMBERED = 10_000;

    /** Where results go: the ingest (which throws when the store cannot take them, so nothing moves). */
    @FunctionalInterface
    public interface Sink {
        void accept(String source, Instant receivedAt, List<FeedMessage> messages);
    }

    /**
     * How often: {@code busy} while a polling day is today or yesterday (results come in overnight), {@code quiet}
     * otherwise; ballots are listed again every {@code ballotsEvery}; results are read for polling days up to
     * {@code lookBackDays} ago (late corrections), ballots for {@code lookAheadDays} ahead.
     */
    public record Schedule(Duration busy, Duration quiet, Duration ballotsEvery, int lookBackDays, int lookAheadDays) {
        public static final Schedule DEFAULTS =
                new Schedule(Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofMinutes(15), 7, 21);

        public Schedule {
            Objects.requireNonNull(busy);
            Objects.requireNonNull(quiet);
            Objects.requireNonNull(ballotsEvery);
            if (busy.compareTo(Duration.ofSeconds(1)) < 0 || quiet.compareTo(busy) < 0) {
                throw new IllegalArgumentException("poll at least every second, and no faster when quiet");
            }
            if (lookBackDays < 0 || lookAheadDays < 0) {
                throw new IllegalArgumentException("days must not be negative");
            }
        }
    }

    /** What one round did. */
    public sealed interface Round {
        /** Not yet time (waiting for the interval or backing off). */
        record Waited(Instant until) implements Round {}

        /** Read through; how many results went to the ingest. */
        record Read(int results) implements Round {}

        /** Something failed; nothing moved; the next round is not before {@code until}. */
        record Failed(String why, Instant until) implements Round {}
    }

    private final DemocracyClubApi api;
    private final SourceMarks marks;
    private final DueBallots due;
    private final Sink sink;
    private final Clock clock;
    private final Schedule schedule;
    private final BackOff backOff;
    private final Set<String> logged = new LinkedHashSet<>();
    /** What was last handed to the sink for each ballot, so a result re-read unchanged is not handed on again. */
    private final java.util.Map<String, FeedMessage> handed = new java.util.LinkedHashMap<>();

    private int failures;
    private Instant notBefore = Instant.MIN;
    private Instant ballotsListed = Instant.MIN;
    private ScheduledExecutorService scheduler;

    public DemocracyClubPoller(
            DemocracyClubApi api,
            SourceMarks marks,
            DueBallots due,
            Sink sink,
            Clock clock,
            Schedule schedule,
            BackOff backOff) {
        this.api = api;
        this.marks = marks;
        this.due = due;
        this.sink = sink;
        this.clock = clock;
        this.schedule = schedule;
        this.backOff = backOff;
    }

    /** Polls on a daemon thread, checking every {@code tick} whether a round is due. */
    public DemocracyClubPoller start(Duration tick) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "democracy-club-poller");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::roundQuietly, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** A round if one is due: the ballots when their listing is stale, then each recent polling day's results. */
    public synchronized Round pollOnce() {
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            return new Round.Waited(notBefore);
        }
        LocalDate today = now.atZone(UK).toLocalDate();
        try {
            if (!now.isBefore(ballotsListed.plus(schedule.ballotsEvery()))) {
                listBallots(today);
                ballotsListed = now;
            }
            int results = 0;
            for (LocalDate day : pollingDays(today)) {
                results += readResults(day);
            }
            failures = 0;
            notBefore = now.plus(busy(today) ? schedule.busy() : schedule.quiet());
            return new Round.Read(results);
        } catch (DemocracyClubApi.Unavailable e) {
            return failed(now, e.getMessage(), null);
        } catch (RuntimeException e) {
            // The store could not take what was read (the database away, or this instance no longer leads).
            return failed(now, "the store did not take what was read: " + e, e);
        }
    }

    private void listBallots(LocalDate today) throws DemocracyClubApi.Unavailable {
        LocalDate from = today.minusDays(schedule.lookBackDays());
        LocalDate to = today.plusDays(schedule.lookAheadDays());
        List<String> refused = new ArrayList<>();
        List<DueBallot> listed = api.ballots(from, to, refused).stream()
                .filter(b ->
                        !b.ballot().date().isBefore(from) && !b.ballot().date().isAfter(to))
                .toList();
        refused.forEach(r -> once("refused ballot from Democracy Club: " + r));
        due.replace(from, to, listed);
    }

    /** The polling days with ballots due, from {@code lookBackDays} ago to today. */
    private Set<LocalDate> pollingDays(LocalDate today) {
        Set<LocalDate> days = new TreeSet<>();
        due.dueBetween(today.minusDays(schedule.lookBackDays()), today)
                .forEach(b -> days.add(b.ballot().date()));
        return days;
    }

    private boolean busy(LocalDate today) {
        return !due.dueBetween(today.minusDays(1), today).isEmpty();
    }

    private int readResults(LocalDate day) throws DemocracyClubApi.Unavailable {
        String key = SOURCE + "/results/" + day;
        Instant began = clock.instant();
        Optional<Instant> since = marks.highWater(key);
        DemocracyClubApi.Results read = api.results(day, since, due.dueBetween(day, day));
        read.refused()
                .forEach(r -> once("refused result from Democracy Club (last good data kept, not alerted): " + r));
        read.rushes()
                .forEach(id -> once("winners marked for " + id
                        + " before its votes are entered: waiting for the votes (a council rush is not alerted)"));
        read.notes().forEach(n -> once("Democracy Club result " + n));
        List<FeedMessage> changed = read.messages().stream()
                .filter(m -> !m.equals(handed.get(ballotOf(m))))
                .toList();
        if (!changed.isEmpty()) {
            sink.accept(SOURCE + " results " + day, clock.instant(), changed);
            changed.forEach(m -> handed.put(ballotOf(m), m));
            while (handed.size() > MAX_REMEMBERED) {
                handed.remove(handed.keySet().iterator().next());
            }
        }
        marks.keepHighWater(key, began.minus(OVERLAP));
        return changed.size();
    }

    private static String ballotOf(FeedMessage m) {
        return m instanceof FeedMessage.LocalResult r ? r.contest().id() : m.toString();
    }

    private Round failed(Instant now, String why, RuntimeException e) {
        failures++;
        Duration wait = backOff.delay(failures);
        notBefore = now.plus(wait);
        if (failures == 1 && e != null) {
            LOG.error("Democracy Club poll failed; trying again in {} s", wait.toSeconds(), e);
        } else {
            LOG.warn(
                    "Democracy Club poll failed ({}); keeping its place, trying again in {} s",
                    LogSafe.escape(why),
                    wait.toSeconds());
        }
        return new Round.Failed(why, notBefore);
    }

    /** Logs a line about bad data once, not every round it is read again. */
    private void once(String line) {
        if (logged.add(line)) {
            LOG.warn("{}", LogSafe.escape(line));
            if (logged.size() > MAX_REMEMBERED) {
                logged.remove(logged.iterator().next());
            }
        }
    }

    private void roundQuietly() {
        try {
            pollOnce();
        } catch (Throwable e) {
            LOG.error("Democracy Club polling round failed", e);
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
