package org.resultsdesk.core.alerts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.CouncilComposition;
import org.resultsdesk.core.model.LiveLocalArchive;
import org.resultsdesk.core.model.LocalContest;

/**
 * One council's declaration on a polling day: the alert that follows its last ward ("Reform UK GAIN from
 * Conservative", seats by party with change). Its outbox key is {@code council/<ONS code>/<date>}; its revision is how
 * many wards were in when it was queued, so an instance that has not followed them all yet waits rather than
 * posting a short count.
 *
 * <p>When the last ward is in: every ward the data on file has up that night (a rehearsal of a night on file), or,
 * for a night still to come, when the wards declared fill every seat the council has (an all-out election, by Open
 * Council Data's size of the council), or, for a council electing by thirds or halves, the seats whose councillors'
 * terms end that day by Open Council Data's roster.
 */
public record CouncilNight(String councilCode, LocalDate day) {
    private static final String PREFIX = "council/";

    public CouncilNight {
        Objects.requireNonNull(councilCode, "councilCode");
        Objects.requireNonNull(day, "day");
    }

    public static CouncilNight of(Council council, LocalDate day) {
        return new CouncilNight(council.onsCode(), day);
    }

    /** The outbox key. */
    public String id() {
        return PREFIX + councilCode + "/" + day;
    }

    /** The council night an outbox key names, or empty when it names something else. */
    public static Optional<CouncilNight> parse(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = id.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 2 || !parts[0].matches("[ENSW]\\d{8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CouncilNight(parts[0], LocalDate.parse(parts[1])));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * How many wards are in, if this declaration (not yet followed) completes its council's night; empty when it
     * does not, or it is a by-election.
     */
    static Optional<Integer> completedBy(LiveLocalArchive local, LocalContest declared) {
        if (declared.ballot().byElection()) {
            return Optional.empty();
        }
        Council council = declared.council();
        LocalDate day = declared.ballot().date();
        List<LocalContest> before = local.declaredOn(council, day);
        Set<String> in = new HashSet<>();
        before.forEach(c -> in.add(c.ward().onsCode()));
        boolean already = complete(
                local,
                council,
                day,
                in,
                before.stream().mapToInt(LocalContest::seats).sum());
        if (already || !in.add(declared.ward().onsCode())) {
            return Optional.empty();
        }
        int seats = before.stream().mapToInt(LocalContest::seats).sum() + declared.seats();
        return complete(local, council, day, in, seats) ? Optional.of(in.size()) : Optional.empty();
    }

    /**
     * Whether the council's night was already complete before this declaration: a ward's correction after its
     * council declared changes the declaration, which is corrected too.
     */
    static boolean declaredBefore(LiveLocalArchive local, LocalContest declared) {
        if (declared.ballot().byElection()) {
            return false;
        }
        List<LocalContest> before =
                local.declaredOn(declared.council(), declared.ballot().date());
        Set<String> in = new HashSet<>();
        before.forEach(c -> in.add(c.ward().onsCode()));
        return complete(
                local,
                declared.council(),
                declared.ballot().date(),
                in,
                before.stream().mapToInt(LocalContest::seats).sum());
    }

    private static boolean complete(LiveLocalArchive local, Council council, LocalDate day, Set<String> in, int seats) {
        if (in.isEmpty()) {
            return false;
        }
        Set<String> onFile = local.wardsUpOnFile(council, day);
        if (!onFile.isEmpty()) {
            return in.containsAll(onFile);
        }
        // A council electing by thirds or halves: the roster's councillors whose terms end that day are the seats up.
        List<org.resultsdesk.core.model.Councillor> roster = local.get().councillors(council);
        long up = roster.stream()
                .filter(c -> c.nextElection().filter(day::equals).isPresent())
                .count();
        if (up > 0 && up < roster.size()) {
            return seats >= up;
        }
        return local.get()
                .compositionBefore(council, day)
                .map(CouncilComposition::totalSeats)
                .map(total -> seats >= total)
                .orElse(false);
    }
}
