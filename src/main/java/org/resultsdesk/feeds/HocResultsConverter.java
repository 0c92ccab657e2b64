package org.resultsdesk.feeds;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reproducible step that turns the Commons Library CSVs in {@code shared/data} into the bundled resources under
 * {@code src/main/resources/data}. Run it with {@code java -jar target/results-desk.jar convert-data ../shared/data
 * src/main/resources/data}. The bot never reads the CSVs at run time.
 */
public final class HocResultsConverter {
    static final List<String> RESULT_FILES = List.of("ge2019.tsv", "notional2019.tsv", "ge2024.tsv", "byelections.tsv");
    /** PA's seat numbers (2010 boundaries) against GSS codes: pa-number, gss. */
    static final String PA_SEATS_FILE = "pa-seats.tsv";

    static final List<String> OUTPUT_FILES =
            List.of("ge2019.tsv", "notional2019.tsv", "ge2024.tsv", "byelections.tsv", PA_SEATS_FILE);

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter UK_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Seat names misspelt in the source files, by GSS code (the code is right; only the name is corrected). */
    static final Map<String, String> NAME_CORRECTIONS = Map.of("E14000762", "Isle of Wight");

    private static final String HEADER =
            "# Results Desk bundled results, converted from House of Commons Library data by"
                    + " HocResultsConverter. Contains Parliamentary information licensed under the Open Parliament Licence v3.0.";

    private HocResultsConverter() {}

    public static void convert(Path sharedData, Path outputDir) throws IOException {
        Files.createDirectories(outputDir);
        write(
                outputDir.resolve("ge2019.tsv"),
                general(
                        "parl.2019-12-12",
                        "2019-12-12",
                        "2017",
                        sharedData.resolve("ge2019/HoC-GE2019-results-by-constituency.csv"),
                        sharedData.resolve("ge2019/HoC-GE2019-results-by-candidate.csv")));
        write(
                outputDir.resolve("notional2019.tsv"),
                notional(
                        sharedData.resolve("ge2024/candidate-level-results-notional-general-election-12-12-2019.csv")));
        write(
                outputDir.resolve("ge2024.tsv"),
                general(
                        "parl.2024-07-04",
                        "2024-07-04",
                        "2019 notional",
                        sharedData.resolve("ge2024/HoC-GE2024-results-by-constituency.csv"),
                        sharedData.resolve("ge2024/HoC-GE2024-results-by-candidate.csv")));
        List<String> byElections = new ArrayList<>();
        for (String parliament : List.of("parl58", "parl59")) {
            byElections.addAll(byElections(
                    sharedData.resolve("byelections/" + parliament + "_by-elections_constituencies.csv"),
                    sharedData.resolve("byelections/" + parliament + "_by-elections_candidacies.csv")));
        }
        write(outputDir.resolve("byelections.tsv"), byElections);
        List<String> paSeats = new ArrayList<>();
        for (Map<String, String> row : HocCsv.read(sharedData.resolve("feeds/pa-xml/ONS-PA-xref.csv"))) {
            paSeats.add(line(row.get("pa_id"), row.get("ons_id")));
        }
        write(
                outputDir.resolve(PA_SEATS_FILE),
                paSeats,
                "# PA seat numbers and GSS codes (2010 boundaries), from"
                        + " ONS-PA-xref.csv of the ft-interactive/ge15 repository (MIT licence).");
    }

    private static List<String> general(
            String electionId, String date, String changesAgainst, Path constituencies, Path candidates)
            throws IOException {
        Map<String, List<Map<String, String>>> bySeat = groupBy(HocCsv.read(candidates), "ONS ID");
        List<String> lines = new ArrayList<>();
        lines.add(line("E", electionId, "GENERAL", date, changesAgainst));
        for (Map<String, String> seat : HocCsv.read(constituencies)) {
            lines.add(contestLine(electionId, seat, seat.get("Declaration time")));
            bySeat.getOrDefault(seat.get("ONS ID"), List.of()).forEach(c -> lines.add(candidateLine(c)));
        }
        return lines;
    }

    private static List<String> byElections(Path constituencies, Path candidates) throws IOException {
        List<Map<String, String>> candidateRows = HocCsv.read(candidates);
        List<String> lines = new ArrayList<>();
        for (Map<String, String> seat : HocCsv.read(constituencies)) {
            LocalDate date = LocalDate.parse(seat.get("By-election date"), UK_DATE);
            String electionId = "parl." + slug(seat.get("Constituency name")) + ".by." + date;
            lines.add(line("E", electionId, "BY_ELECTION", date.toString(), ""));
            lines.add(contestLine(electionId, seat, seat.get("Declaration time")));
            candidateRows.stream()
                    .filter(c -> c.get("ONS ID").equals(seat.get("ONS ID"))
                            && LocalDate.parse(c.get("Election date"), UK_DATE).equals(date))
                    .forEach(c -> lines.add(candidateLine(c)));
        }
        return lines;
    }

    private static List<String> notional(Path file) throws IOException {
        String electionId = "parl.2019-12-12.notional";
        List<String> lines = new ArrayList<>();
        lines.add(line("E", electionId, "NOTIONAL", "2019-12-12", ""));
        for (List<Map<String, String>> rows :
                groupBy(HocCsv.read(file), "Constituency geographic code").values()) {
            Map<String, String> first = rows.get(0);
            String region = first.get("English region name").isEmpty()
                    ? first.get("Country name")
                    : first.get("English region name");
            String majority = rows.stream()
                    .map(r -> r.get("Majority"))
                    .filter(m -> !m.isEmpty())
                    .findFirst()
                    .orElse("");
            lines.add(line(
                    "C",
                    electionId,
                    first.get("Constituency geographic code"),
                    first.get("Constituency name"),
                    region,
                    first.get("Country name"),
                    first.get("Electorate"),
                    first.get("Election valid vote count"),
                    first.get("Election invalid vote count"),
                    "",
                    majority,
                    ""));
            for (Map<String, String> row : rows) {
                String code;
                String name;
                if (row.get("Candidate is standing as Commons Speaker").equals("true")) {
                    code = "Spk";
                    name = "Speaker";
                } else if (row.get("Candidate is standing as independent").equals("true")) {
                    code = "Ind";
                    name = "Independent";
                } else if (row.get("Main party abbreviation").isEmpty()) {
                    code = "Oth";
                    name = "Others";
                } else {
                    code = row.get("Main party abbreviation");
                    name = row.get("Main party name");
                }
                lines.add(line(
                        "K",
                        code,
                        name,
                        row.get("Candidate given name"),
                        row.get("Candidate family name"),
                        row.get("Candidate vote count"),
                        row.get("Candidate vote change"),
                        flag(row.get("Candidate is sitting MP")),
                        flag(row.get("Candidate is former MP"))));
            }
        }
        return lines;
    }

    private static String contestLine(String electionId, Map<String, String> seat, String declarationTime) {
        String gss = seat.get("ONS ID");
        return line(
                "C",
                electionId,
                gss,
                NAME_CORRECTIONS.getOrDefault(gss, seat.get("Constituency name")),
                seat.get("Region name"),
                seat.get("Country name"),
                seat.get("Electorate"),
                seat.get("Valid votes"),
                seat.get("Invalid votes"),
                declaredAt(declarationTime),
                seat.get("Majority"),
                seat.get("Result"));
    }

    private static String candidateLine(Map<String, String> candidate) {
        return line(
                "K",
                candidate.get("Party abbreviation"),
                candidate.get("Party name"),
                candidate.get("Candidate first name"),
                candidate.get("Candidate surname"),
                candidate.get("Votes"),
                candidate.get("Change"),
                flag(candidate.get("Sitting MP")),
                flag(candidate.get("Former MP")));
    }

    /** The Library's "Yes"/"No" (results files) and "true"/"false" (notionals) as the bundled "Y" or "". */
    private static String flag(String value) {
        return value != null && (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true")) ? "Y" : "";
    }

    private static String declaredAt(String ukLocal) {
        if (ukLocal == null || ukLocal.isBlank()) {
            return "";
        }
        return LocalDateTime.parse(ukLocal.strip(), UK_DATE_TIME)
                .atZone(LONDON)
                .toInstant()
                .toString();
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Map<String, List<Map<String, String>>> groupBy(List<Map<String, String>> rows, String column) {
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        rows.forEach(r ->
                groups.computeIfAbsent(r.get(column), k -> new ArrayList<>()).add(r));
        return groups;
    }

    static String line(String... fields) {
        List<String> cleaned = new ArrayList<>();
        for (String f : fields) {
            cleaned.add(BundledFormat.clean(NameRepair.repair(f)));
        }
        return String.join(BundledFormat.SEPARATOR, cleaned);
    }

    private static void write(Path file, List<String> lines) throws IOException {
        write(file, lines, HEADER);
    }

    static void write(Path file, List<String> lines, String header) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header + "\n");
            for (String l : lines) {
                out.write(l + "\n");
            }
        }
    }
}
