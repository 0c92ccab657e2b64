package org.resultsdesk.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The local results an instance answers from: the bundled archive, loaded on first use (start-up does not wait for
 * it), with every local declaration followed from the store applied on top. A declaration followed before the
 * bundled data has loaded is kept and applied, in order, when it does; so {@code /result abbey, buckinghamshire}
 * shows the live result on every instance, whichever of them read the feed.
 */
public final class LiveLocalArchive implements Supplier<LocalArchive> {
    private final Supplier<LocalArchive> bundled;
    private final Optional<Supplier<LocalArchive>> plan;
    private final List<LocalContest> early = new ArrayList<>();
    /** Ballot ids followed from the store, and those among them that replaced a bundled contest of the same id. */
    private final Set<String> followed = ConcurrentHashMap.newKeySet();

    private final Set<String> replacedBundled = ConcurrentHashMap.newKeySet();
    private volatile LocalArchive loaded;

    public LiveLocalArchive(Supplier<LocalArchive> bundled) {
        this(bundled, Optional.empty());
    }

    /**
     * @param plan for a rehearsal whose archive has the night taken out ({@link LocalArchive#without}): the full
     *     archive, which says which wards each council has up that night
     */
    public LiveLocalArchive(Supplier<LocalArchive> bundled, Optional<Supplier<LocalArchive>> plan) {
        this.bundled = Objects.requireNonNull(bundled, "bundled");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** Over an archive already in hand (tests, tools). */
    public static LiveLocalArchive of(LocalArchive archive) {
        return new LiveLocalArchive(() -> archive);
    }

    public static LiveLocalArchive empty() {
        return of(LocalArchive.empty());
    }

    /** The archive with every declaration followed so far; loads the bundled data the first time. */
    @Override
    public LocalArchive get() {
        LocalArchive now = loaded;
        if (now != null) {
            return now;
        }
        synchronized (this) {
            if (loaded == null) {
                LocalArchive archive = bundled.get();
                early.forEach(c -> apply(archive, c));
                early.clear();
                loaded = archive;
            }
            return loaded;
        }
    }

    /** Everything on file: the plan of a rehearsal (the night included), else the archive itself. */
    public LocalArchive onFile() {
        return plan.map(Supplier::get).orElseGet(this::get);
    }

    /** Whether the bundled data has loaded yet. */
    public boolean isLoaded() {
        return loaded != null;
    }

    /** A declaration (or its correction) followed from the store: applied now, or as soon as the data has loaded. */
    public void put(LocalContest contest) {
        Objects.requireNonNull(contest, "contest");
        synchronized (this) {
            if (loaded == null) {
                early.add(contest);
                return;
            }
            apply(loaded, contest);
        }
    }

    private void apply(LocalArchive archive, LocalContest contest) {
        if (!followed.contains(contest.id()) && archive.contest(contest.id()).isPresent()) {
            replacedBundled.add(contest.id());
        }
        followed.add(contest.id());
        archive.put(contest);
    }

    /** A council's scheduled contests on a day that came from the store (declared tonight), by ward name. */
    public List<LocalContest> declaredOn(Council council, LocalDate day) {
        return get().contestsOf(council, day).stream()
                .filter(c -> !c.ballot().byElection() && followed.contains(c.id()))
                .toList();
    }

    /**
     * The ward codes a council has up on a day by the data on file (the bundled results of a night being
     * rehearsed, or the plan's), empty when nothing on file says (a night still to come).
     */
    public Set<String> wardsUpOnFile(Council council, LocalDate day) {
        List<LocalContest> onFile = plan.map(p -> p.get().contestsOf(council, day))
                .orElseGet(() -> get().contestsOf(council, day).stream()
                        .filter(c -> !followed.contains(c.id()) || replacedBundled.contains(c.id()))
                        .toList());
        Set<String> codes = new TreeSet<>();
        onFile.stream()
                .filter(c -> !c.ballot().byElection())
                .forEach(c -> codes.add(c.ward().onsCode()));
        return codes;
    }
}
