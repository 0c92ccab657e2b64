package org.resultsdesk.feeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.CouncilComposition;
import org.resultsdesk.core.model.Councillor;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Ward;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled local results ({@link LocalBundledFormat}) into a {@link LocalArchive}. A line that breaks a
 * model rule is reported as an issue and left out, never guessed at.
 */
public final class LocalBundledData {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBundledData.class);

    /** What was loaded and each line that could not be. */
    public record Loaded(LocalArchive archive, List<String> issues) {}

    private LocalBundledData() {}

    /** Loads the resources bundled in the jar, logging each data issue at WARN. */
    public static LocalArchive load() {
        long started = System.nanoTime();
        Loaded loaded = read();
        loaded.issues().forEach(issue -> LOG.warn("bundled local data: {}", issue));
        LOG.info(
                "loaded {} local contests from bundled data in {} ms ({} data issues)",
                loaded.archive().size(),
                (System.nanoTime() - started) / 1_000_000,
                loaded.issues().size());
        return loaded.archive();
    }

    public static Loaded read() {
        List<String> issues = new ArrayList<>();
        Map<String, Council> councils = new LinkedHashMap<>();
        for (String[] f : rows(LocalResultsConverter.COUNCILS_FILE)) {
            councils.put(f[0], new Council(f[0], f[1]));
        }
        List<LocalContest> contests = new ArrayList<>();
        for (int year : LocalResultsConverter.POLLING_DAYS.keySet()) {
            contests.addAll(contests(LocalResultsConverter.resultsFile(year), councils, issues));
        }
        Map<String, Map<Integer, CouncilComposition>> compositions = new LinkedHashMap<>();
        for (String[] f : rows(LocalResultsConverter.COMPOSITIONS_FILE)) {
            Council council = councils.get(f[0]);
            try {
                int year = Integer.parseInt(f[1]);
                CouncilComposition composition = new CouncilComposition(
                        council, Integer.parseInt(f[2]), seats(field(f, 3)), "Open Council Data UK, " + year);
                compositions
                        .computeIfAbsent(council.onsCode(), k -> new LinkedHashMap<>())
                        .put(year, composition);
            } catch (RuntimeException e) {
                issues.add(LocalResultsConverter.COMPOSITIONS_FILE + " " + String.join(" ", f) + ": " + e.getMessage());
            }
        }
        List<Councillor> councillors = new ArrayList<>();
        for (String[] f : rows(LocalResultsConverter.COUNCILLORS_FILE)) {
            String next = field(f, 5);
            councillors.add(new Councillor(
                    councils.get(f[0]),
                    f[1],
                    f[2],
                    new Party(f[3], field(f, 4)),
                    next.matches("\\d{4}-\\d{2}-\\d{2}") ? Optional.of(LocalDate.parse(next)) : Optional.empty()));
        }
        return new Loaded(new LocalArchive(councils.values(), contests, compositions, councillors), issues);
    }

    private static List<LocalContest> contests(String file, Map<String, Council> councils, List<String> issues) {
        List<LocalContest> contests = new ArrayList<>();
        String[] ward = null;
        List<LocalCandidacy> candidates = new ArrayList<>();
        for (String[] f : rows(file)) {
            if (f[0].equals("W")) {
                add(file, ward, candidates, councils, contests, issues);
                ward = f;
                candidates = new ArrayList<>();
            } else if (f[0].equals("K")) {
                candidates.add(new LocalCandidacy(
                        field(f, 3),
                        field(f, 4),
                        new Party(f[1], field(f, 2)),
                        Integer.parseInt(field(f, 5).isEmpty() ? "0" : f[5]),
                        field(f, 6).equals("Y"),
                        field(f, 7).equals("Y")));
            }
        }
        add(file, ward, candidates, councils, contests, issues);
        return contests;
    }

    private static void add(
            String file,
            String[] w,
            List<LocalCandidacy> candidates,
            Map<String, Council> councils,
            List<LocalContest> contests,
            List<String> issues) {
        if (w == null) {
            return;
        }
        try {
            BallotId ballot = BallotId.parse(w[1]).orElseThrow(() -> new IllegalArgumentException("bad ballot id"));
            Council council = councils.get(w[4]);
            if (council == null) {
                throw new IllegalArgumentException("unknown council " + w[4]);
            }
            String turnout = field(w, 8);
            contests.add(new LocalContest(
                    ballot,
                    new Ward(w[2], w[3], council),
                    Integer.parseInt(w[5]),
                    optionalInt(field(w, 6)),
                    optionalInt(field(w, 7)),
                    turnout.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(turnout)),
                    Optional.empty(),
                    candidates));
        } catch (RuntimeException e) {
            issues.add(file + " " + w[1] + ": " + e.getMessage());
        }
    }

    private static Map<String, Integer> seats(String list) {
        Map<String, Integer> seats = new LinkedHashMap<>();
        if (!list.isEmpty()) {
            for (String pair : list.split(",")) {
                String[] kv = pair.split("=");
                seats.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        return seats;
    }

    private static OptionalInt optionalInt(String value) {
        return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index] : "";
    }

    private static List<String[]> rows(String file) {
        try (InputStream in = LocalBundledData.class.getResourceAsStream("/data/" + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled data file missing from the jar: data/" + file);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
