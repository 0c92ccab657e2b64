package org.resultsdesk.core.night;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.resultsdesk.core.calc.Comparisons;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Seat;

/**
 * The election in progress, read from the archive as it stands: its seats, what each is measured against, when each
 * is expected, and what has declared. "Declared tonight" is every contest of this election the archive holds, which
 * is what the feed has delivered (a rehearsal starts from an archive without the replayed election).
 */
public final class Tonight {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern ELECTION_ID = Pattern.compile("parl\\.(?:(.+)\\.by\\.)?(\\d{4}-\\d{2}-\\d{2})");

    private final ResultsArchive archive;
    private final Election election;
    private final ExpectedTimes times;

    public Tonight(ResultsArchive archive, Election election, ExpectedTimes times) {
        this.archive = archive;
        this.election = election;
        this.times = times;
    }

    /** The election with this id as the archive knows it, else as its id reads ("parl.2029-08-15": general). */
    public static Election election(ResultsArchive archive, String id) {
        return archive.contestsOf(id).stream()
                .map(Contest::election)
                .findFirst()
                .orElseGet(() -> {
                    Matcher m = ELECTION_ID.matcher(id);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("not an election id: " + id + " (e.g. parl.2029-08-15)");
                    }
                    return new Election(
                            id,
                            m.group(1) == null ? ElectionKind.GENERAL : ElectionKind.BY_ELECTION,
                            LocalDate.parse(m.group(2)));
                });
    }

    public Election election() {
        return election;
    }

    /** The expected declaration times read from the desk's file ({@link ExpectedTimes#NONE} without one). */
    public ExpectedTimes times() {
        return times;
    }

    public ResultsArchive archive() {
        return archive;
    }

    public List<Contest> declared() {
        return archive.contestsOf(election.id());
    }

    public Optional<Contest> declared(String gss) {
        return archive.contest(election.id() + "/" + gss);
    }

    public boolean isTonight(Contest contest) {
        return contest.election().id().equals(election.id());
    }

    /**
     * Tonight's seats with the result each is measured against: the comparisons the data holds ahead of the
     * declarations (a rehearsal: 2017 for GE2019, the 2019 notionals for GE2024), else the previous general
     * election's results (GE2024 for the next one).
     */
    public List<BaselineSeat> baseline() {
        Map<String, Seat> seats = new LinkedHashMap<>();
        archive.seats().forEach(s -> seats.putIfAbsent(s.gss(), s));
        List<BaselineSeat> fromComparisons = seats.values().stream()
                .flatMap(s ->
                        archive.comparisonFor(election.id() + "/" + s.gss()).map(c -> new BaselineSeat(s, c)).stream())
                .toList();
        if (fromComparisons.size() > declared().size()) {
            return fromComparisons;
        }
        return previousGeneral()
                .map(before -> archive.contestsOf(before.id()).stream()
                        .map(c -> new BaselineSeat(
                                c.seat(),
                                Comparisons.fromContest(
                                        c, String.valueOf(before.date().getYear()))))
                        .toList())
                .orElse(fromComparisons);
    }

    /**
     * The results of the general election of a given year as a baseline (for /targets and /swingometer), on the
     * boundaries it was fought on; empty when no general election of that year is on file.
     */
    public Optional<List<BaselineSeat>> baselineOf(int year) {
        return archive.elections().stream()
                .filter(Election::isGeneral)
                .filter(e -> e.date().getYear() == year)
                .findFirst()
                .map(e -> archive.contestsOf(e.id()).stream()
                        .map(c -> new BaselineSeat(c.seat(), Comparisons.fromContest(c, String.valueOf(year))))
                        .toList());
    }

    /** The years of the general elections on file, newest first. */
    public List<Integer> generalElectionYears() {
        return archive.elections().stream()
                .filter(Election::isGeneral)
                .map(e -> e.date().getYear())
                .toList();
    }

    /** Every seat of tonight, with its expected time, holder and result so far. */
    public List<NightSeat> seats() {
        Map<String, List<Contest>> before = archive.contests().stream()
                .filter(c -> c.election().kind() != ElectionKind.NOTIONAL)
                .filter(c -> c.election().date().isBefore(election.date()))
                .sorted(Comparator.comparing((Contest c) -> c.election().date()).reversed())
                .collect(Collectors.groupingBy(c -> c.seat().gss(), LinkedHashMap::new, Collectors.toList()));
        List<NightSeat> seats = new ArrayList<>();
        for (BaselineSeat b : baseline()) {
            List<Contest> history = before.getOrDefault(b.seat().gss(), List.of());
            seats.add(new NightSeat(
                    b.seat(),
                    expected(b.seat(), history),
                    holder(b, history),
                    declared(b.seat().gss())));
        }
        return seats;
    }

    private Optional<NightSeat.Expected> expected(Seat seat, List<Contest> history) {
        Optional<Instant> fromFile = times.at(seat.gss());
        if (fromFile.isPresent()) {
            return Optional.of(new NightSeat.Expected(fromFile.get(), Optional.empty()));
        }
        // Only the previous general election's own time: GE2024 gives none, and 2019's may not hold after it.
        return history.stream()
                .filter(c -> c.election().isGeneral())
                .findFirst()
                .filter(c -> c.declaredAt().isPresent())
                .map(c -> new NightSeat.Expected(
                        sameTimeOfNight(c.declaredAt().get(), c.election().date()),
                        Optional.of(String.valueOf(c.election().date().getYear()))));
    }

    /** The same time into the night counted from polling day, moved to tonight's polling day (London time). */
    Instant sameTimeOfNight(Instant then, LocalDate pollingDayThen) {
        Duration intoNight = Duration.between(pollingDayThen.atStartOfDay(LONDON), then.atZone(LONDON));
        return election.date().atStartOfDay(LONDON).plus(intoNight).toInstant();
    }

    private static NightSeat.Holder holder(BaselineSeat baseline, List<Contest> history) {
        if (history.isEmpty()) {
            return new NightSeat.Holder(
                    baseline.winner(),
                    baseline.comparison().majority(),
                    baseline.comparison().label());
        }
        Contest latest = history.get(0);
        int majority = latest.winner().votes()
                - latest.runnerUp().map(Candidacy::votes).orElse(0);
        String asAt = latest.election().date().getYear()
                + (latest.election().kind() == ElectionKind.BY_ELECTION ? " by-election" : "");
        return new NightSeat.Holder(latest.winner().party(), OptionalInt.of(majority), asAt);
    }

    private Optional<Election> previousGeneral() {
        return archive.elections().stream()
                .filter(Election::isGeneral)
                .filter(e -> e.date().isBefore(election.date()))
                .findFirst();
    }
}
