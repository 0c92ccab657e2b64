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
    static final List<String> RESULT_FILES = List.of(
            "ge2010.tsv",
            "ge2015.tsv",
            "ge2017.tsv",
            "byelections-2010-2019.tsv",
            "ge2019.tsv",
            "notional2019.tsv",
            "ge2024.tsv",
            "byelections.tsv");
    /** PA's seat numbers (2010 boundaries) against GSS codes: pa-number, gss. */
    static final String PA_SEATS_FILE = "pa-seats.tsv";

    static final List<String> OUTPUT_FILES = java.util.stream.Stream.concat(
                    RESULT_FILES.stream(),
                    java.util.stream.Stream.of(
                            PA_SEATS_FILE, HistoryConverter.HISTORY_FILE, HistoryConverter.PREDECESSORS_FILE))
            .toList();

    /**
     * The leading columns of the headerless 2010-2017 files in {@code history/}: those of the GE2019 files (their
     * party columns, which differ from year to year, are not needed: the candidate rows carry the votes).
     */
    static final List<String> HISTORY_CANDIDATE_COLUMNS = List.of(
            "ONS ID",
            "ONS region ID",
            "Constituency name",
            "County name",
            "Region name",
            "Country name",
            "Constituency type",
            "Party name",
            "Party abbreviation",
            "Electoral Commission party ID",
            "MNIS party ID",
            "Electoral Commission adjunct party ID",
            "Candidate first name",
            "Candidate surname",
            "Candidate gender",
            "Sitting MP",
            "Former MP",
            "Member MNIS ID",
            "Votes",
            "Share",
            "Change");

    static final List<String> HISTORY_CONSTITUENCY_COLUMNS = List.of(
            "ONS ID",
            "ONS region ID",
            "Constituency name",
            "County name",
            "Region name",
            "Country name",
            "Constituency type",
            "Declaration time",
            "Member first name",
            "Member surname",
            "Member gender",
            "Result",
            "First party",
            "Second party",
            "Electorate",
            "Valid votes",
            "Invalid votes",
            "Majority");

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter UK_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Seat names misspelt in the source files, by GSS code (the code is right; only the name is corrected). */
    static final Map<String, String> NAME_CORRECTIONS = Map.of("E14000762", "Isle of Wight");

    /** A candidate's votes mistyped in a by-election candidate file, and the count the constituency file gives. */
    record VoteCorrection(LocalDate date, String gss, String surname, int votes) {}

    /**
     * Sheffield, Brightside and Hillsborough 2016: the candidate file gives Gill Furniss 14,987 votes; the
     * constituency file's Labour column, its valid vote (22,581) and its majority (9,590 = 14,087 - 4,497) all say
     * 14,087, as was declared. Checked against the source rows by HistoryAuditTest.
     */
    static final List<VoteCorrection> VOTE_CORRECTIONS =
            List.of(new VoteCorrection(LocalDate.of(2016, 5, 5), "E14000921", "Furniss", 14_087));

    private static final String HEADER =
            "# Results Desk bundled results, converted from House of Commons Library data by"
                    + " HocResultsConverter. Contains Parliamentary information licensed under the Open Parliament Licence v3.0.";

    /** A general election of the 2010 boundaries in {@code history/}, and what its published changes are against. */
    private record EarlierElection(String year, String date, String changesAgainst) {}

    private static final List<EarlierElection> EARLIER_ELECTIONS = List.of(
            new EarlierElection("2010", "2010-05-06", "2005 notional"),
            new EarlierElection("2015", "2015-05-07", ""),
            new EarlierElection("2017", "2017-06-08", ""));

    private HocResultsConverter() {}

    public static void convert(Path sharedData, Path outputDir) throws IOException {
        Files.createDirectories(outputDir);
        // 2010 is on new boundaries: the Library's changes are against the 2005 notional results, which are not on
        // file, so its comparison rests on those published changes. 2015 and 2017 are measured against the previous
        // general election on file; their published changes are kept to audit ours.
        Path history = sharedData.resolve("history");
        Map<String, String> spelling2019 = new LinkedHashMap<>();
        HocCsv.read(sharedData.resolve("ge2019/HoC-GE2019-results-by-constituency.csv"))
                .forEach(r -> spelling2019.put(r.get("ONS ID"), r.get("Constituency name")));
        for (EarlierElection ge : EARLIER_ELECTIONS) {
            write(
                    outputDir.resolve("ge" + ge.year() + ".tsv"),
                    general(
                            "parl." + ge.date(),
                            ge.date(),
                            ge.changesAgainst(),
                            respelt(
                                    HocCsv.readHeaderless(
                                            history.resolve("ge" + ge.year() + "-constituencies.csv"),
                                            HISTORY_CONSTITUENCY_COLUMNS),
                                    spelling2019),
                            HocCsv.readHeaderless(
                                    history.resolve("ge" + ge.year() + "-candidacies.csv"),
                                    HISTORY_CANDIDATE_COLUMNS)));
        }
        List<String> earlierByElections = new ArrayList<>();
        for (String parliament : List.of("parl55", "parl56", "parl57")) {
            earlierByElections.addAll(byElections(
                    history.resolve(parliament + "-by-elections-constituencies.csv"),
                    history.resolve(parliament + "-by-elections-candidacies.csv")));
        }
        write(outputDir.resolve("byelections-2010-2019.tsv"), earlierByElections);
        write(
                outputDir.resolve(HistoryConverter.HISTORY_FILE),
                HistoryConverter.history(history.resolve("commons-library-1918-2019-election-results.csv")),
                "# Each Westminster seat at each general election 1918-2019, by party group (Con, Lib, Lab,"
                        + " Nat, Oth; ? where the votes cannot name the winner's group), from the Commons Library's CBP-8647 constituency file,"
                        + " converted by HistoryConverter. Contains Parliamentary information licensed under the Open"
                        + " Parliament Licence v3.0.\n# election\tgss (2010 on)\tname\tcountry or region\tseats\twinner"
                        + "\telectorate\tCon votes\tLib votes\tLab votes\tNat votes\tOth votes\ttotal votes\tboundary set"
                        + " (votes -1: unopposed; empty: none given)");
        write(
                outputDir.resolve(HistoryConverter.PREDECESSORS_FILE),
                HistoryConverter.predecessors(history.resolve("constituency-area-overlaps-2010-2024.csv")),
                "# For each 2024 seat, the 2010 seat holding the largest share of its people, from the Commons"
                        + " Library's 2010-to-2024 area overlaps, converted by HistoryConverter. Contains Parliamentary"
                        + " information licensed under the Open Parliament Licence v3.0.\n# new gss\told gss\tshare of"
                        + " the new seat's people from the old\tshare of the old seat's people in the new");
        write(
                outputDir.resolve("ge2019.tsv"),
                general(
                        "parl.2019-12-12",
                        "2019-12-12",
                        "2017",
                        HocCsv.read(sharedData.resolve("ge2019/HoC-GE2019-results-by-constituency.csv")),
                        HocCsv.read(sharedData.resolve("ge2019/HoC-GE2019-results-by-candidate.csv"))));
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
                        HocCsv.read(sharedData.resolve("ge2024/HoC-GE2024-results-by-constituency.csv")),
                        HocCsv.read(sharedData.resolve("ge2024/HoC-GE2024-results-by-candidate.csv"))));
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
            String electionId,
            String date,
            String changesAgainst,
            List<Map<String, String>> constituencies,
            List<Map<String, String>> candidates) {
        Map<String, List<Map<String, String>>> bySeat = groupBy(candidates, "ONS ID");
        List<String> lines = new ArrayList<>();
        lines.add(line("E", electionId, "GENERAL", date, changesAgainst));
        for (Map<String, String> seat : constituencies) {
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
                    .map(c -> corrected(date, c))
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
                count(seat.get("Electorate")),
                count(seat.get("Valid votes")),
                count(seat.get("Invalid votes")),
                declaredAt(declarationTime),
                count(seat.get("Majority")),
                seat.get("Result"));
    }

    /**
     * The 2010-2017 files capitalise "Of", "Upon" and "Under" ("Vale Of Glamorgan"): a seat whose name differs from
     * its GE2019 name only in case takes the 2019 spelling, so one seat has one name.
     */
    private static List<Map<String, String>> respelt(List<Map<String, String>> seats, Map<String, String> spelling) {
        return seats.stream()
                .map(seat -> {
                    String later = spelling.get(seat.get("ONS ID"));
                    if (later == null || !later.equalsIgnoreCase(seat.get("Constituency name"))) {
                        return seat;
                    }
                    Map<String, String> copy = new LinkedHashMap<>(seat);
                    copy.put("Constituency name", later);
                    return copy;
                })
                .toList();
    }

    private static Map<String, String> corrected(LocalDate date, Map<String, String> candidate) {
        return VOTE_CORRECTIONS.stream()
                .filter(v -> v.date().equals(date)
                        && v.gss().equals(candidate.get("ONS ID"))
                        && v.surname().equals(candidate.get("Candidate surname")))
                .findFirst()
                .map(v -> {
                    Map<String, String> copy = new LinkedHashMap<>(candidate);
                    copy.put("Votes", String.valueOf(v.votes()));
                    return copy;
                })
                .orElse(candidate);
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

    /** A count as the source gives it; "[x]" (not available: the rejected ballots of two 2011 by-elections) is empty. */
    private static String count(String value) {
        return "[x]".equals(value) ? "" : value;
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
