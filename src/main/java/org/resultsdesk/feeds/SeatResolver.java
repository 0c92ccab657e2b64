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

/**
 * Turns a feed's idea of a seat into ours: a GSS code, PA's seat number (2010 boundaries), or a name, which is
 * matched to the boundary set in use on the election's date (the seat's most recent contest before it).
 */
public final class SeatResolver {
    private final ResultsArchive archive;
    private final Map<String, String> gssByPaNumber;

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
