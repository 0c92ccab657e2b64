package org.resultsdesk.core.seats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.resultsdesk.core.model.Seat;

/**
 * Every GE2019 and GE2024 seat from the test fixture {@code seats/seats.tsv}: 1,295 GSS codes, five of them kept
 * across the boundary review.
 */
public final class SeatFixture {
    private static final String RESOURCE = "/seats/seats.tsv";

    private SeatFixture() {}

    public static List<Seat> allSeats() {
        try (InputStream in = SeatFixture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .map(f -> new Seat(f[0], f[1], f[2], f[3]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
