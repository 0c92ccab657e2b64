package org.resultsdesk.core.seats;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Regenerates {@code src/test/resources/seats/seats.tsv} from the Commons Library results files: every seat of
 * GE2024 then GE2019 (newest first, as the results archive hands them over), names exactly as published, typos
 * included ("Isleof Wight"), so the lookup tests face the real data. Not a test; run it by hand:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.resultsdesk.core.seats.SeatFixtureGenerator \
 *   -Dexec.args="../shared/data src/test/resources/seats/seats.tsv"
 * </pre>
 */
public final class SeatFixtureGenerator {
    static final String HEADER = "# gss\tname\tregion\tcountry. GE2024 then GE2019 seats from the House of Commons"
            + " Library results files, by SeatFixtureGenerator. Contains Parliamentary information licensed under the"
            + " Open Parliament Licence v3.0.";
    private static final List<String> SOURCES =
            List.of("ge2024/HoC-GE2024-results-by-constituency.csv", "ge2019/HoC-GE2019-results-by-constituency.csv");

    private SeatFixtureGenerator() {}

    public static void main(String[] args) throws IOException {
        Path sharedData = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Set<String> lines = new LinkedHashSet<>();
        for (String source : SOURCES) {
            for (Map<String, String> row : rows(sharedData.resolve(source))) {
                lines.add(String.join(
                        "\t",
                        row.get("ONS ID"),
                        row.get("Constituency name"),
                        row.get("Region name"),
                        row.get("Country name")));
            }
        }
        List<String> out = new ArrayList<>();
        out.add(HEADER);
        out.addAll(lines);
        Files.write(output, out, StandardCharsets.UTF_8);
        System.out.println(lines.size() + " seats written to " + output);
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            // The Commons Library files start with a byte-order mark, which would otherwise stick to "ONS ID".
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(reader);
            return it.readAll();
        }
    }
}
