package org.resultsdesk.feeds;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.core.night.ExpectedTimes;

/**
 * The desk's declaration-times file: a CSV of seat and expected time, such as PA's provisional times. The seat is a
 * GSS code or a name, found as chat commands find it ("Mid Beds", "Western Isles"); the time is an ISO date-time with offset ({@code 2024-07-05T02:30:00+01:00}), a UK local
 * date-time ({@code 2024-07-05 02:30}), or a UK local time ({@code 02:30}: before noon means the morning after polling
 * day). A first line naming the columns is skipped. A seat or time that cannot be read stops the start with a
 * message naming the line.
 */
public final class DeclarationTimesFile {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private DeclarationTimesFile() {}

    public static ExpectedTimes read(Path file, Election election, SeatResolver seats) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.getFileName().toString(), election, seats);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the declaration-times file " + file + ": " + e.getMessage(), e);
        }
    }

    static ExpectedTimes read(Reader reader, String name, Election election, SeatResolver seats) throws IOException {
        CsvMapper mapper = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        Map<String, Instant> times = new LinkedHashMap<>();
        try (MappingIterator<List<String>> rows =
                mapper.readerForListOf(String.class).readValues(reader)) {
            int line = 0;
            while (rows.hasNext()) {
                List<String> row = rows.next();
                line++;
                if (row.size() < 2 || row.get(0).isBlank()) {
                    throw problem(name, line, "needs a seat and an expected time");
                }
                Optional<Instant> at = time(row.get(1), election.date());
                if (line == 1 && at.isEmpty()) {
                    continue;
                }
                String seat = row.get(0);
                int number = line;
                Seat found;
                if (seat.matches("[ENSW]\\d{8}")) {
                    found = seats.byGss(seat).orElseThrow(() -> problem(name, number, "unknown seat " + seat));
                } else {
                    SeatResolver.Either either = seats.byQuery(seat, election.date());
                    found = either.seat().orElseThrow(() -> problem(name, number, either.problem()));
                }
                times.put(
                        found.gss(),
                        at.orElseThrow(() -> problem(
                                name,
                                number,
                                "cannot read the time '" + org.resultsdesk.core.text.LogSafe.escape(row.get(1))
                                        + "'")));
            }
        }
        return new ExpectedTimes(times, name);
    }

    /** A file of these contests' real declaration times: a rehearsal's provisional times. */
    public static String write(List<Contest> contests) {
        StringBuilder csv = new StringBuilder("seat,expected\n");
        contests.stream()
                .filter(c -> c.declaredAt().isPresent())
                .forEach(c -> csv.append(c.seat().gss())
                        .append(',')
                        .append(c.declaredAt().get())
                        .append('\n'));
        return csv.toString();
    }

    static Optional<Instant> time(String text, LocalDate pollingDay) {
        String t = text.strip();
        try {
            if (t.matches("\\d{1,2}:\\d{2}")) {
                LocalTime time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
                LocalDate day = time.isBefore(LocalTime.NOON) ? pollingDay.plusDays(1) : pollingDay;
                return Optional.of(day.atTime(time).atZone(LONDON).toInstant());
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return Optional.of(OffsetDateTime.parse(t.replace(' ', 'T')).toInstant());
            }
            return Optional.of(
                    LocalDateTime.parse(t.replace(' ', 'T')).atZone(LONDON).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static IllegalArgumentException problem(String name, long line, String what) {
        return new IllegalArgumentException("declaration-times file " + name + ", line " + line + ": " + what);
    }
}
