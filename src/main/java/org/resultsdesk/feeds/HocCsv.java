package org.resultsdesk.feeds;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a House of Commons Library CSV into rows keyed by header. Copes with the traps in those files: a UTF-8
 * byte-order mark before the first header, and the code column headed {@code ONS ID2} in one file.
 */
final class HocCsv {
    private static final Map<String, String> HEADER_ALIASES = Map.of("ONS ID2", "ONS ID");

    private HocCsv() {}

    static List<Map<String, String>> read(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            MappingIterator<Map<String, String>> rows =
                    mapper.readerForMapOf(String.class).with(schema).readValues(reader);
            List<Map<String, String>> out = new ArrayList<>();
            while (rows.hasNext()) {
                out.add(normaliseHeaders(rows.next()));
            }
            return out;
        }
    }

    /**
     * Reads a file without a header row (the psephology project's copies of the 2010-2017 results), naming its
     * leading columns as given; columns beyond those named are ignored.
     */
    static List<Map<String, String>> readHeaderless(Path file, List<String> columns) throws IOException {
        return readHeaderless(file, StandardCharsets.UTF_8, columns);
    }

    static List<Map<String, String>> readHeaderless(Path file, Charset charset, List<String> columns)
            throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader reader = Files.newBufferedReader(file, charset)) {
            MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(reader);
            List<Map<String, String>> out = new ArrayList<>();
            while (rows.hasNext()) {
                String[] fields = rows.next();
                if (fields.length == 0 || (fields.length == 1 && fields[0].isBlank())) {
                    continue;
                }
                if (fields.length < columns.size()) {
                    throw new IOException(file.getFileName() + ": a row has " + fields.length
                            + " fields, fewer than the " + columns.size() + " named: " + String.join(",", fields));
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), fields[i].replace("\uFEFF", "").strip());
                }
                out.add(row);
            }
            return out;
        }
    }

    private static Map<String, String> normaliseHeaders(Map<String, String> row) {
        Map<String, String> clean = new LinkedHashMap<>();
        row.forEach((header, value) -> {
            String name = header.replace("\uFEFF", "").strip();
            clean.put(HEADER_ALIASES.getOrDefault(name, name), value == null ? "" : value.strip());
        });
        return clean;
    }
}
