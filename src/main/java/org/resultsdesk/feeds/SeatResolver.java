package org.resultsdesk.feeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatMatch;
import org.resultsdesk.core.text.LogSafe;

/**
 * Turns a feed's idea of a seat into ours: a GSS code, PA's seat number (2010 boundaries), or a name, which is
 * matched to the boundary set in use on the election's date (the seat's most recent contest before it).
 */
public final class SeatResolver {
    private final ResultsArchive archive;
    private final Map<String, String> gssByPaNumber;
    /** Built on first use: only a declaration-times file with names as typed needs it. */
    private volatile SeatDirectory directory;

    public SeatResolver(ResultsArchive archive) {
        this.archive = archive;
        this.gssByPaNumber = readPaNumbers();
    }

    public Optional<Seat> byGss(String gss) {
        return archive.seats().stream().filter(s -> s.gss().equals(gss)).findFirst();
    }

    public Optional<Seat> byPaNumber(String number) {
        return Optional.ofNullable(gssByPaNumber.get(number.strip())).flatMap(this::byGss);
    }

    /**
     * A seat as a desk types it, found as chat commands find it: the exact name first, then {@link SeatDirectory}'s
     * rules (word order, "Mid Beds", the aliases newsrooms use). Of the seats that go by the name found, the one
     * fought most recently on or before the election's date. Left is the reason when none is found: the close names,
     * or the several names that fit.
     */
    public Either byQuery(String query, LocalDate electionDate) {
        Optional<Seat> exact = byName(query, electionDate);
        if (exact.isPresent()) {
            return new Either(exact, "");
        }
        SeatMatch match = directory().find(query);
        // The query is the file's text: said back escaped and cut short, as every log line says outside text.
        String said = LogSafe.escape(query);
        if (match instanceof SeatMatch.Found found) {
            Optional<Seat> seat = byName(found.name(), electionDate)
                    .filter(s -> found.seats().stream().anyMatch(f -> f.gss().equals(s.gss())))
                    .or(() -> Optional.of(found.seats().get(0)));
            return new Either(seat, "");
        }
        if (match instanceof SeatMatch.Ambiguous ambiguous) {
            return new Either(
                    Optional.empty(),
                    "'" + said + "' fits " + ambiguous.total() + " seats (" + String.join(", ", ambiguous.names())
                            + "); give the full name or the GSS code");
        }
        if (match instanceof SeatMatch.Suggestions suggestions) {
            return new Either(
                    Optional.empty(),
                    "unknown seat " + said + "; did you mean " + String.join(" or ", suggestions.names()) + "?");
        }
        return new Either(Optional.empty(), "unknown seat " + said);
    }

    /** A seat, or why there is none. */
    public record Either(Optional<Seat> seat, String problem) {}

    private SeatDirectory directory() {
        SeatDirectory d = directory;
        if (d == null) {
            d = new SeatDirectory(archive.seats());
            directory = d;
        }
        return d;
    }

    public Optional<Seat> byName(String name, LocalDate electionDate) {
        String key = key(name);
        return archive.contests().stream()
                .filter(c -> key(c.seat().name()).equals(key))
                .filter(c -> !c.election().date().isAfter(electionDate))
                .max(Comparator.comparing((Contest c) -> c.election().date()))
                .map(Contest::seat);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "");
    }

    private static Map<String, String> readPaNumbers() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = SeatResolver.class.getResourceAsStream("/data/" + HocResultsConverter.PA_SEATS_FILE)) {
            if (in == null) {
                throw new IllegalStateException("bundled data/" + HocResultsConverter.PA_SEATS_FILE + " missing");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split(BundledFormat.SEPARATOR))
                    .forEach(f -> map.put(f[0], f[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
