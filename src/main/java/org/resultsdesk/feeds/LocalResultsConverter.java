package org.resultsdesk.feeds;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.text.WordUtils;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Party;

/**
 * The reproducible step that turns the Commons Library's Local Election Handbooks (2021, 2022, 2024, 2025) and Open
 * Council Data UK's compositions and roster in {@code shared/data/local} into the bundled local resources (format in
 * {@link LocalBundledFormat}). Run with {@code convert-data}, beside the Westminster conversion.
 *
 * <p>What it evens out (the traps the data README lists): four column layouts; "Inumbent" (2021); elected as 1/0 or
 * True/False; vacancies "NA" in 2021 (the number elected stands in); turnout as a percentage (2021, 2022) or a fraction
 * (2024, 2025); candidate names as "Wye T." (2021, 2022), "Loader, J." (2024) or first and last names (2025); party
 * abbreviations in four spellings, made canonical (CON is Con, REF is RUK, ...); a 2022 totals row; 2025 naming
 * councils without codes (matched by name to the codes the other years give). A county council's divisions belong to
 * the county (2021's type SC), every other ward to its local authority.
 */
public final class LocalResultsConverter {
    static final String COUNCILS_FILE = "local-councils.tsv";
    static final String COMPOSITIONS_FILE = "local-compositions.tsv";
    static final String COUNCILLORS_FILE = "local-councillors.tsv";
    static final Map<Integer, LocalDate> POLLING_DAYS = new TreeMap<>(Map.of(
            2021, LocalDate.of(2021, 5, 6),
            2022, LocalDate.of(2022, 5, 5),
            2024, LocalDate.of(2024, 5, 2),
            2025, LocalDate.of(2025, 5, 1)));

    static String resultsFile(int year) {
        return "local" + year + ".tsv";
    }

    static List<String> outputFiles() {
        List<String> files = new ArrayList<>(List.of(COUNCILS_FILE, COMPOSITIONS_FILE, COUNCILLORS_FILE));
        POLLING_DAYS.keySet().forEach(y -> files.add(resultsFile(y)));
        return files;
    }

    /** The Library's abbreviations (upper-cased) for the parties the house style knows, as canonical codes. */
    private static final Map<String, String> CANONICAL = Map.of(
            "CON", "Con", "LAB", "Lab", "LD", "LD", "GREEN", "Green", "REF", "RUK", "IND", "Ind", "UKIP", "UKIP", "PC",
            "PC", "WPB", "WPB");

    /** Open Council Data's party columns as canonical codes. */
    private static final Map<String, String> COMPOSITION_COLUMNS = new LinkedHashMap<>();

    static {
        COMPOSITION_COLUMNS.put("con", "Con");
        COMPOSITION_COLUMNS.put("lab", "Lab");
        COMPOSITION_COLUMNS.put("ld", "LD");
        COMPOSITION_COLUMNS.put("green", "Green");
        COMPOSITION_COLUMNS.put("ukip", "UKIP");
        COMPOSITION_COLUMNS.put("ref", "RUK");
        COMPOSITION_COLUMNS.put("pc", "PC");
        COMPOSITION_COLUMNS.put("snp", "SNP");
        COMPOSITION_COLUMNS.put("other", "Oth");
    }

    /** Council names the sources spell differently from the Library's coded years, by normalised name. */
    private static final Map<String, String> COUNCIL_NAME_ALIASES = Map.of(
            "durham", "county durham",
            "bristol city", "bristol",
            "herefordshire county of", "herefordshire",
            "kingston upon hull city of", "kingston upon hull");

    private static final Pattern INITIALS = Pattern.compile("(?:[A-Z]\\.?-?)+|[A-Z][a-z]?\\.");

    private static final String HEADER = "# Results Desk bundled local results, converted by LocalResultsConverter from"
            + " the House of Commons Library's Local Election Handbooks. Contains Parliamentary information licensed"
            + " under the Open Parliament Licence v3.0.";
    private static final String OCD_HEADER = "# Converted by LocalResultsConverter from Open Council Data UK"
            + " (CC BY-SA 4.0, attribute \"Open Council Data UK\"); shared under the same licence.";

    private LocalResultsConverter() {}

    /** One ward's rows in the common shape, whatever the year's layout. */
    private record WardRow(
            String code,
            String name,
            String councilCode,
            String councilName,
            String vacancies,
            String electorate,
            String ballotPapers,
            String turnoutPercent) {}

    /** {@code partyName} is the name the source gives beside the abbreviation (2025), else blank (in 2022 while reading, the ward name). */
    private record CandidateRow(
            String party,
            String partyName,
            String given,
            String family,
            String votes,
            boolean elected,
            boolean incumbent) {}

    /**
     * Converts, returning each correction made to the source: in 17 wards of the 2025 file more candidates are
     * marked elected than there were seats (Broadway, Worcestershire: both the Conservative with 1,137 votes and
     * Reform UK's runner-up with 1,098). Under first past the post the elected are the candidates with the most
     * votes, so where the flags and the seats disagree the top candidates by votes are marked elected instead.
     */
    public static List<String> convert(Path sharedData, Path outputDir) throws IOException {
        Path local = sharedData.resolve("local");
        List<String> corrections = new ArrayList<>();
        Map<String, String> councils = new TreeMap<>();
        Map<Integer, List<String>> years = new LinkedHashMap<>();
        years.put(2021, year2021(local, councils, corrections));
        years.put(2022, year2022(local, councils, corrections));
        years.put(2024, year2024(local, councils, corrections));
        years.put(2025, year2025(local, councils, corrections));
        for (Map.Entry<Integer, List<String>> year : years.entrySet()) {
            HocResultsConverter.write(outputDir.resolve(resultsFile(year.getKey())), year.getValue(), HEADER);
        }
        List<String> councilLines = new ArrayList<>();
        councils.forEach((code, name) -> councilLines.add(HocResultsConverter.line(code, name)));
        HocResultsConverter.write(outputDir.resolve(COUNCILS_FILE), councilLines, HEADER);
        Map<String, String> codeByName = codesByName(councils);
        HocResultsConverter.write(outputDir.resolve(COMPOSITIONS_FILE), compositions(local, codeByName), OCD_HEADER);
        HocResultsConverter.write(outputDir.resolve(COUNCILLORS_FILE), councillors(local, codeByName), OCD_HEADER);
        return corrections;
    }

    private static List<String> year2021(Path local, Map<String, String> councils, List<String> corrections)
            throws IOException {
        Map<String, String> parties = partyNames(local.resolve("leh-2021-party-names.csv"));
        List<WardRow> wards = new ArrayList<>();
        for (Map<String, String> r : HocCsv.read(local.resolve("leh-2021-wards-results.csv"))) {
            boolean county = r.get("Type").equals("SC");
            wards.add(new WardRow(
                    r.get("Ward/ED code"),
                    r.get("Ward/ED name"),
                    county ? r.get("County code") : r.get("Local authority code"),
                    county ? r.get("County name") : r.get("Local authority name"),
                    r.get("Vacancies"),
                    r.get("Electorate"),
                    "",
                    r.get("Turnout (%)")));
        }
        Map<String, List<CandidateRow>> candidates = new LinkedHashMap<>();
        for (Map<String, String> r : HocCsv.read(local.resolve("leh-2021-candidates-results.csv"))) {
            String[] name = surnameInitials(r.get("Candidate name"));
            candidates
                    .computeIfAbsent(r.get("Ward/ED code"), k -> new ArrayList<>())
                    .add(new CandidateRow(
                            r.get("Party name"),
                            "",
                            name[0],
                            name[1],
                            r.get("Votes"),
                            truthy(r.get("Elected")),
                            truthy(r.get("Inumbent"))));
        }
        return lines(2021, wards, w -> candidates.getOrDefault(w.code(), List.of()), parties, councils, corrections);
    }

    private static List<String> year2022(Path local, Map<String, String> councils, List<String> corrections)
            throws IOException {
        Map<String, String> parties = partyNames(local.resolve("leh-2022-party-names.csv"));
        List<WardRow> wards = new ArrayList<>();
        for (Map<String, String> r : HocCsv.read(local.resolve("leh-2022-wards-results.csv"))) {
            if (r.get("Ward code").equals("NA")) {
                continue; // the sheet's totals row
            }
            wards.add(new WardRow(
                    r.get("Ward code"),
                    r.get("Ward name"),
                    r.get("Local authority code"),
                    r.get("Local authority name"),
                    r.get("Vacancies"),
                    r.get("Electorate"),
                    "",
                    r.get("Turnout (%)")));
        }
        // Two pairs of wards share a code in this file (Hampton and Hampton Wick; Bethnal Green East and West), so
        // candidates are matched by code and ward name.
        Map<String, List<CandidateRow>> candidates = new LinkedHashMap<>();
        for (Map<String, String> r : HocCsv.read(local.resolve("leh-2022-candidates-results.csv"))) {
            String[] name = surnameInitials(r.get("Candidate name"));
            candidates
                    .computeIfAbsent(r.get("Ward code"), k -> new ArrayList<>())
                    .add(new CandidateRow(
                            r.get("Party name"),
                            r.get("Ward name"),
                            name[0],
                            name[1],
                            r.get("Votes"),
                            truthy(r.get("Elected")),
                            truthy(r.get("Incumbent"))));
        }
        return lines(
                2022,
                wards,
                w -> candidates.getOrDefault(w.code(), List.of()).stream()
                        .filter(c -> sameCodeDifferentWard(candidates.get(w.code()))
                                ? c.partyName().equalsIgnoreCase(w.name())
                                : true)
                        .map(c -> new CandidateRow(
                                c.party(), "", c.given(), c.family(), c.votes(), c.elected(), c.incumbent()))
                        .toList(),
                parties,
                councils,
                corrections);
    }

    /** The candidates with the {@code seats} most votes marked elected; a tie at the last seat is refused. */
    private static List<CandidateRow> topByVotes(List<CandidateRow> candidates, int seats) {
        List<Integer> votes = candidates.stream()
                .map(c -> Integer.parseInt(number(c.votes()).isEmpty() ? "0" : number(c.votes())))
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
        int last = votes.get(seats - 1);
        if (votes.size() > seats && votes.get(seats) == last) {
            throw new IllegalStateException("tie for the last seat; cannot correct the elected flags");
        }
        return candidates.stream()
                .map(c -> new CandidateRow(
                        c.party(),
                        c.partyName(),
                        c.given(),
                        c.family(),
                        c.votes(),
                        Integer.parseInt(number(c.votes()).isEmpty() ? "0" : number(c.votes())) >= last,
                        c.incumbent()))
                .toList();
    }

    /** Whether rows under one ward code name more than one ward (two 2022 pairs do), compared ignoring case. */
    private static boolean sameCodeDifferentWard(List<CandidateRow> rows) {
        return rows.stream()
                        .map(c -> c.partyName().toLowerCase(Locale.ROOT))
                        .distinct()
                        .count()
                > 1;
    }

    private static List<String> year2024(Path local, Map<String, String> councils, List<String> corrections)
            throws IOException {
        Map<String, String> parties = partyNames(local.resolve("leh-2024-party-names.csv"));
        List<WardRow> wards = new ArrayList<>();
        for (Map<String, String> r : HocCsv.read(local.resolve("leh-2024-wards-results.csv"))) {
            wards.add(new WardRow(
                    r.get("Ward code"),
                    r.get("Ward name"),
                    r.get("Local authority code"),
                    r.get("Local authority name"),
                    r.get("Vacancies"),
                    r.get("Electorate"),
                    "",
                    percent(r.get("Turnout (%)"))));
        }
        Map<String, List<CandidateRow>> candidates = new LinkedHashMap<>();
        for (Map<String, String> r : HocCsv.read(local.resolve("leh-2024-candidates-results.csv"))) {
            String full = r.get("Name");
            int comma = full.indexOf(',');
            String family = comma < 0 ? full : full.substring(0, comma);
            String given = comma < 0 ? "" : full.substring(comma + 1);
            candidates
                    .computeIfAbsent(r.get("Ward code"), k -> new ArrayList<>())
                    .add(new CandidateRow(
                            r.get("Party name"),
                            "",
                            given.strip(),
                            family.strip(),
                            r.get("Votes"),
                            truthy(r.get("Elected")),
                            truthy(r.get("Incumbent"))));
        }
        return lines(2024, wards, w -> candidates.getOrDefault(w.code(), List.of()), parties, councils, corrections);
    }

    private static List<String> year2025(Path local, Map<String, String> councils, List<String> corrections)
            throws IOException {
        Map<String, String> parties = partyNames(local.resolve("leh-2025-party-names.csv"));
        Map<String, String> codeByName = codesByName(councils);
        List<WardRow> wards = new ArrayList<>();
        for (Map<String, String> r : HocCsv.read(local.resolve("leh-2025-ward-results.csv"))) {
            String councilName = r.get("Local authority type").equals("CC")
                    ? r.get("Upper tier authority")
                    : r.get("Lower tier authority");
            String code = codeByName.get(normalise(councilName));
            if (code == null) {
                throw new IllegalStateException("2025: no ONS code known for council " + councilName);
            }
            wards.add(new WardRow(
                    r.get("ONS ward code"),
                    r.get("Ward/ County Electoral District name"),
                    code,
                    councilName,
                    r.get("Seats"),
                    r.get("Electorate"),
                    r.get("Ballots"),
                    percent(r.get("Turnout (EC method)"))));
        }
        Map<String, List<CandidateRow>> candidates = new LinkedHashMap<>();
        for (Map<String, String> r : HocCsv.read(local.resolve("leh-2025-candidates-result.csv"))) {
            candidates
                    .computeIfAbsent(r.get("ONS ward code"), k -> new ArrayList<>())
                    .add(new CandidateRow(
                            parties.getOrDefault(r.get("Party name").toUpperCase(Locale.ROOT), r.get("Party name")),
                            r.get("Party name"),
                            r.get("First names"),
                            r.get("Last names"),
                            r.get("Votes cast"),
                            truthy(r.get("Elected")),
                            truthy(r.get("Incumbent"))));
        }
        return lines(2025, wards, w -> candidates.getOrDefault(w.code(), List.of()), Map.of(), councils, corrections);
    }

    private static List<String> lines(
            int year,
            List<WardRow> wards,
            java.util.function.Function<WardRow, List<CandidateRow>> candidatesOf,
            Map<String, String> partyNames,
            Map<String, String> councils,
            List<String> corrections) {
        LocalDate day = POLLING_DAYS.get(year);
        List<String> out = new ArrayList<>();
        Set<String> ballots = new LinkedHashSet<>();
        for (WardRow w : wards) {
            List<CandidateRow> candidates = candidatesOf.apply(w);
            if (candidates.isEmpty()) {
                throw new IllegalStateException(year + ": no candidates for ward " + w.code() + " " + w.name());
            }
            String councilName = councilName(w.councilName());
            councils.putIfAbsent(w.councilCode(), councilName);
            long elected = candidates.stream().filter(CandidateRow::elected).count();
            String seats = w.vacancies().matches("\\d+") ? w.vacancies() : Long.toString(elected);
            if (elected != Integer.parseInt(seats)) {
                candidates = topByVotes(candidates, Integer.parseInt(seats));
                corrections.add(year + " " + w.name() + ", " + councilName(w.councilName()) + ": " + elected
                        + " marked elected for " + seats + (seats.equals("1") ? " seat" : " seats")
                        + "; the most votes elected instead");
            }
            String ballot = BallotId.scheduled(councils.get(w.councilCode()), wardName(w.name()), day)
                    .toString();
            if (!ballots.add(ballot)) {
                throw new IllegalStateException(year + ": two wards make ballot id " + ballot);
            }
            out.add(HocResultsConverter.line(
                    "W",
                    ballot,
                    w.code(),
                    wardName(w.name()),
                    w.councilCode(),
                    seats,
                    number(w.electorate()),
                    number(w.ballotPapers()),
                    w.turnoutPercent().equals("NA") ? "" : w.turnoutPercent()));
            for (CandidateRow c : candidates) {
                String key = partyKey(c.party());
                String code = CANONICAL.getOrDefault(key, c.party().strip());
                out.add(HocResultsConverter.line(
                        "K",
                        code,
                        c.partyName().isEmpty() ? partyNames.getOrDefault(key, c.party()) : c.partyName(),
                        c.given(),
                        c.family(),
                        number(c.votes()),
                        c.elected() ? "Y" : "",
                        c.incumbent() ? "Y" : ""));
            }
        }
        return out;
    }

    private static List<String> compositions(Path local, Map<String, String> codeByName) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : HocCsv.read(local.resolve("opencouncildata-council-composition-2016-2025.csv"))) {
            String code = codeByName.get(normalise(r.get("authority")));
            if (code == null) {
                continue; // a council with no handbook result on file (Scotland, Northern Ireland, elections not held)
            }
            List<String> seats = new ArrayList<>();
            COMPOSITION_COLUMNS.forEach((column, party) -> {
                String n = r.get(column);
                if (n != null && n.matches("\\d+") && !n.equals("0")) {
                    seats.add(party + "=" + n);
                }
            });
            out.add(HocResultsConverter.line(
                    code, r.get("year"), r.get("total"), String.join(",", seats), r.get("majority")));
        }
        return out;
    }

    /** Electoral Commission register numbers of the parties the house style knows, as canonical codes. */
    private static final Map<String, String> EC_PARTY_CODES = Map.ofEntries(
            Map.entry("PP52", "Con"),
            Map.entry("PP53", "Lab"),
            Map.entry("PP90", "LD"),
            Map.entry("PP63", "Green"),
            Map.entry("PP130", "Green"),
            Map.entry("PP7931", "RUK"),
            Map.entry("PP102", "SNP"),
            Map.entry("PP77", "PC"),
            Map.entry("PP39", "SF"),
            Map.entry("PP70", "DUP"),
            Map.entry("PP103", "APNI"),
            Map.entry("PP83", "UUP"),
            Map.entry("PP55", "SDLP"),
            Map.entry("PP85", "UKIP"));

    private static List<String> councillors(Path local, Map<String, String> codeByName) throws IOException {
        Map<String, String> partyCodes = new LinkedHashMap<>();
        for (int year : POLLING_DAYS.keySet()) {
            for (Map<String, String> r : HocCsv.read(local.resolve("leh-" + year + "-party-names.csv"))) {
                partyCodes.putIfAbsent(
                        r.get("Party name").toLowerCase(Locale.ROOT),
                        CANONICAL.getOrDefault(partyKey(r.get("Party abbreviation")), r.get("Party abbreviation")));
            }
        }
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : HocCsv.read(local.resolve("opencouncildata-councillors-2025.csv"))) {
            String code = codeByName.get(normalise(r.get("Council")));
            String party = r.get("Party Name");
            if (code == null || party.equals("Vacant")) {
                continue; // a council with no handbook result on file, or an empty seat (no councillor to list)
            }
            String partyCode = EC_PARTY_CODES.getOrDefault(
                    r.get("Electoral Commission Party Code"),
                    partyCodes.getOrDefault(party.toLowerCase(Locale.ROOT), Party.OTHERS_CODE));
            out.add(HocResultsConverter.line(
                    code, r.get("Ward Name"), r.get("Councillor Name"), partyCode, party, r.get("Next Election")));
        }
        return out;
    }

    /** Party name by the upper-cased abbreviation key ({@link #partyKey}), or, for 2025, abbreviation by full name. */
    private static Map<String, String> partyNames(Path file) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, String> r : HocCsv.read(file)) {
            String abbreviation = r.get("Party abbreviation");
            String name = r.get("Party name");
            if (file.getFileName().toString().contains("2025")) {
                names.putIfAbsent(name.toUpperCase(Locale.ROOT), abbreviation);
            } else {
                names.putIfAbsent(partyKey(abbreviation), name);
            }
        }
        return names;
    }

    /** An abbreviation's spelling-proof key: "B & D Ind", "B and D IND" and "B&D IND" are all "B&DIND". */
    static String partyKey(String abbreviation) {
        return abbreviation
                .toUpperCase(Locale.ROOT)
                .replaceAll("(?<=\\b|[^A-Z])AND(?=\\b|[^A-Z])", "&")
                .replaceAll("\\s+", "");
    }

    /** "Wye T." is given "T.", family "Wye"; "Hodgson-Jones P." is "P.", "Hodgson-Jones"; no initials, all family. */
    static String[] surnameInitials(String name) {
        String s = name.strip();
        int space = s.lastIndexOf(' ');
        if (space > 0 && INITIALS.matcher(s.substring(space + 1)).matches()) {
            return new String[] {s.substring(space + 1), s.substring(0, space).strip()};
        }
        return new String[] {"", s};
    }

    static boolean truthy(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    private static String number(String value) {
        return value == null || !value.strip().matches("\\d+") ? "" : value.strip();
    }

    /** A fraction ("0.3888") as a percentage ("38.88"), exactly; "NA" or blank as blank. */
    private static String percent(String fraction) {
        if (fraction == null || !fraction.strip().matches("\\d*\\.?\\d+")) {
            return "";
        }
        return new BigDecimal(fraction.strip())
                .movePointRight(2)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A name the source gives in capitals ("QUEENS PARK") in title case; any other as it is. */
    static String wardName(String source) {
        String s = source.strip();
        return s.chars().anyMatch(Character::isLowerCase) ? s : WordUtils.capitalizeFully(s, ' ', '-', '(');
    }

    /** "Bristol, City Of" is "Bristol"; "Herefordshire, County of" is "Herefordshire". */
    static String councilName(String source) {
        return source.replaceAll("(?i),\\s*(city|county) of$", "").strip();
    }

    private static Map<String, String> codesByName(Map<String, String> councils) {
        Map<String, String> byName = new LinkedHashMap<>();
        councils.forEach((code, name) -> byName.putIfAbsent(normalise(name), code));
        COUNCIL_NAME_ALIASES.forEach((alias, name) -> {
            if (byName.containsKey(name)) {
                byName.putIfAbsent(alias, byName.get(name));
            }
        });
        return byName;
    }

    static String normalise(String name) {
        return councilName(name)
                .toLowerCase(Locale.ROOT)
                .replace("&", "and")
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
    }
}
