package org.resultsdesk.feeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.ComparisonFinder;
import org.resultsdesk.core.calc.Comparisons;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.seats.SeatLineage;
import org.resultsdesk.core.seats.SeatNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled results (see {@link BundledFormat}) into a {@link ResultsArchive}, links each contest to its
 * comparison, and checks every contest against what the Commons Library published, reporting each disagreement.
 *
 * <p>Comparisons follow DESIGN.md §3: a general election is measured against the notional result on its boundaries
 * where there is one (GE2024 against the 2019 notionals), else the previous general election in the seat, else the
 * changes published with it (GE2019 against 2017); a by-election against the previous general election in the seat.
 */
public final class BundledResults {
    private static final Logger LOG = LoggerFactory.getLogger(BundledResults.class);
    private static final String NOTIONAL_LABEL = " notional";
    private static final Pattern RESULT_TEXT = Pattern.compile("(\\S+) (?:(?i:hold)|gain from (.+))");

    /**
     * What was loaded; what the Commons Library published for each contest (by contest id), for checking; and every
     * disagreement between the data and its own published figures.
     */
    public record Loaded(ResultsArchive archive, Map<String, Published> published, List<String> issues) {}

    /** The figures the source states besides the votes: majority, result text ("Con gain from Lab") and changes. */
    public record Published(
            OptionalInt majority, String resultText, Map<Candidacy, BigDecimal> changes, String changesAgainst) {}

    private BundledResults() {}

    /** Loads the resources bundled in the jar, logging each data issue at WARN. */
    public static ResultsArchive load() {
        return logged(readTimed());
    }

    /** What {@link #read} gives, and how long it took, for a caller that logs it later with {@link #logged}. */
    public record Timed(Loaded loaded, long millis) {}

    public static Timed readTimed() {
        long started = System.nanoTime();
        Loaded loaded = read();
        return new Timed(loaded, (System.nanoTime() - started) / 1_000_000);
    }

    /** Logs each data issue at WARN and the count and time at INFO; returns the archive. */
    public static ResultsArchive logged(Timed timed) {
        Loaded loaded = timed.loaded();
        loaded.issues().forEach(issue -> LOG.warn("bundled data: {}", issue));
        LOG.info(
                "loaded {} contests from bundled data in {} ms ({} data issues)",
                loaded.archive().size(),
                timed.millis(),
                loaded.issues().size());
        return loaded.archive();
    }

    public static Loaded read() {
        Map<Contest, Published> published = new LinkedHashMap<>();
        for (String file : HocResultsConverter.RESULT_FILES) {
            try (InputStream in = BundledResults.class.getResourceAsStream("/data/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("bundled data file missing from the jar: data/" + file);
                }
                parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file, published);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled data/" + file, e);
            }
        }
        List<String> issues = new ArrayList<>();
        published.forEach((contest, s) -> check(contest, s, issues));
        Map<String, Comparison> comparisons = comparisons(published, issues);
        Map<String, Published> byId = new HashMap<>();
        published.forEach((contest, p) -> byId.put(contest.id(), p));
        return new Loaded(
                new ResultsArchive(List.copyOf(published.keySet()), comparisons),
                Map.copyOf(byId),
                List.copyOf(issues));
    }

    static void parse(BufferedReader reader, String file, Map<Contest, Published> out) throws IOException {
        Map<String, Election> elections = new HashMap<>();
        Map<String, String> changesAgainst = new HashMap<>();
        String[] contestFields = null;
        List<Candidacy> candidates = new ArrayList<>();
        Map<Candidacy, BigDecimal> changes = new IdentityHashMap<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = BundledFormat.fields(line);
            try {
                switch (f[0]) {
                    case "E" -> {
                        elections.put(f[1], new Election(f[1], ElectionKind.valueOf(f[2]), LocalDate.parse(f[3])));
                        changesAgainst.put(f[1], f[4]);
                    }
                    case "C" -> {
                        if (contestFields != null) {
                            add(contestFields, elections, changesAgainst, candidates, changes, out);
                        }
                        contestFields = f;
                        candidates = new ArrayList<>();
                        changes = new IdentityHashMap<>();
                    }
                    case "K" -> {
                        Candidacy c = new Candidacy(
                                f[3],
                                f[4],
                                new Party(f[1], f[2]),
                                Integer.parseInt(f[5]),
                                f.length > 7 && f[7].equals("Y"),
                                f.length > 8 && f[8].equals("Y"));
                        candidates.add(c);
                        if (!f[6].isEmpty()) {
                            changes.put(c, new BigDecimal(f[6]));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown record type " + f[0]);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("data/" + file + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        if (contestFields != null) {
            add(contestFields, elections, changesAgainst, candidates, changes, out);
        }
    }

    private static void add(
            String[] f,
            Map<String, Election> elections,
            Map<String, String> changesAgainst,
            List<Candidacy> candidates,
            Map<Candidacy, BigDecimal> changes,
            Map<Contest, Published> out) {
        Election election = elections.get(f[1]);
        if (election == null) {
            throw new IllegalArgumentException("contest of unknown election " + f[1]);
        }
        Contest contest = new Contest(
                election,
                new Seat(f[2], f[3], f[4], f[5]),
                Integer.parseInt(f[6]),
                Integer.parseInt(f[7]),
                f[8].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f[8])),
                f[9].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(f[9])),
                candidates);
        out.put(
                contest,
                new Published(
                        f[10].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f[10])),
                        f[11],
                        changes,
                        changesAgainst.get(f[1])));
    }

    private static void check(Contest contest, Published published, List<String> issues) {
        String where = contest.seat().name() + " (" + contest.election().id() + ")";
        if (contest.totalCandidateVotes() != contest.validVotes()) {
            issues.add(where + ": candidates' votes add up to " + contest.totalCandidateVotes()
                    + " but the published valid vote is " + contest.validVotes());
        }
        int majority = contest.winner().votes()
                - contest.runnerUp().map(Candidacy::votes).orElse(0);
        if (published.majority().isPresent() && published.majority().getAsInt() != majority) {
            issues.add(where + ": published majority " + published.majority().getAsInt() + " but the votes give "
                    + contest.winner().votes() + " - "
                    + contest.runnerUp().map(Candidacy::votes).orElse(0)
                    + " = " + majority + "; the votes are used");
        }
        Matcher m = RESULT_TEXT.matcher(published.resultText());
        if (m.matches() && !m.group(1).equals(contest.winner().party().code())) {
            issues.add(where + ": published result '" + published.resultText() + "' but the votes make "
                    + contest.winner().party().code() + " the winner");
        }
    }

    /**
     * Each contest's comparison. A notional result on file stands first (GE2024); then the changes the Library
     * publishes with a general election where its file names what they are against (GE2019 against 2017, as DESIGN.md
     * §3 has it; GE2010 against the 2005 notionals, which are not on file); then the previous general election in the
     * seat on file (GE2015, GE2017 and every by-election).
     */
    private static Map<String, Comparison> comparisons(Map<Contest, Published> published, List<String> issues) {
        // Only contests in the same seat can be a contest's comparison; a by-election can name who held it when it
        // was in the same seat, a seat of the same name, or the old seat most of whose people it now has.
        Map<String, List<Contest>> bySeat = new HashMap<>();
        Map<String, List<Contest>> byElectionsByName = new HashMap<>();
        Map<String, List<Contest>> byElectionsBySuccessor = new HashMap<>();
        SeatLineage lineage = SeatLineage.bundled();
        for (Contest contest : published.keySet()) {
            bySeat.computeIfAbsent(contest.seat().gss(), k -> new ArrayList<>()).add(contest);
            if (contest.election().kind() == ElectionKind.BY_ELECTION) {
                byElectionsByName
                        .computeIfAbsent(SeatNames.normalise(contest.seat().name()), k -> new ArrayList<>())
                        .add(contest);
                lineage.successorOf(contest.seat().gss())
                        .ifPresent(s -> byElectionsBySuccessor
                                .computeIfAbsent(s.gss(), k -> new ArrayList<>())
                                .add(contest));
            }
        }
        Map<String, Comparison> out = new HashMap<>();
        for (Contest contest : published.keySet()) {
            if (contest.election().kind() == ElectionKind.NOTIONAL) {
                continue;
            }
            String gss = contest.seat().gss();
            List<Contest> earlier = new ArrayList<>(bySeat.get(gss));
            byElectionsByName.getOrDefault(SeatNames.normalise(contest.seat().name()), List.of()).stream()
                    .filter(c -> !c.seat().gss().equals(gss))
                    .forEach(earlier::add);
            byElectionsBySuccessor.getOrDefault(gss, List.of()).stream()
                    .filter(c -> !c.seat().gss().equals(gss))
                    .forEach(earlier::add);
            Optional<Comparison> found = ComparisonFinder.find(contest, earlier, lineage);
            found.filter(c -> c.label().endsWith(NOTIONAL_LABEL))
                    .or(() -> contest.election().kind() == ElectionKind.GENERAL
                            ? fromPublishedChanges(contest, published.get(contest), issues)
                                    .map(c -> withHolderSincePrevious(c, contest, earlier, lineage))
                            : Optional.empty())
                    .or(() -> found)
                    .ifPresent(c -> out.put(contest.id(), c));
        }
        return out;
    }

    private static Comparison withHolderSincePrevious(
            Comparison comparison, Contest contest, Collection<Contest> earlier, SeatLineage lineage) {
        return earlier.stream()
                .filter(c -> c.election().kind() == ElectionKind.GENERAL
                        && c.seat().gss().equals(contest.seat().gss())
                        && c.election().date().isBefore(contest.election().date()))
                .map(c -> c.election().date())
                .max(Comparator.naturalOrder())
                .map(since -> ComparisonFinder.withHolder(comparison, contest, since, earlier, lineage))
                .orElse(comparison);
    }

    private static Optional<Comparison> fromPublishedChanges(
            Contest contest, Published published, List<String> issues) {
        Matcher m = RESULT_TEXT.matcher(published.resultText());
        if (published.changesAgainst().isEmpty()) {
            return Optional.empty();
        }
        if (!m.matches()) {
            issues.add(contest.seat().name() + " (" + contest.election().id() + "): result text '"
                    + published.resultText() + "' not understood; no comparison");
            return Optional.empty();
        }
        String previousCode = m.group(2) == null ? m.group(1) : m.group(2).replace("Lab Coop", "Lab");
        Party previousWinner = contest.candidates().stream()
                .map(Candidacy::party)
                .filter(p -> p.code().equals(previousCode))
                .findFirst()
                .orElse(new Party(previousCode, PartyStyle.of(previousCode).name()));
        return Optional.of(Comparisons.fromPublishedChanges(
                contest, published.changes(), previousWinner, published.changesAgainst()));
    }
}
