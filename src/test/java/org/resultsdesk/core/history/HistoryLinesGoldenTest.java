package org.resultsdesk.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;

/**
 * Golden history lines for seats chosen for their traps. Each expected line is built here from the source rows (the
 * Commons Library's 1918-2019 file and area overlaps in shared/data/history, read directly; the 2010-on results as
 * bundled, which HistoryAuditTest checks against their own source rows), never copied from the bot's output.
 */
class HistoryLinesGoldenTest {
    private static final Path HISTORY =
            Path.of(System.getProperty("shared.data.dir", "../shared/data")).resolve("history");
    private static final List<String> ELECTIONS = GeneralElectionHistory.ELECTIONS;
    private static final String[] GROUP_COLUMNS = {"Con", "Lib", "Lab", "Nat", "Oth"};
    private static List<String[]> source;
    private static List<String[]> overlaps;
    private final HistoryLines lines = new HistoryLines(TestData::archive);

    @BeforeAll
    static void readSources() throws IOException {
        assumeTrue(Files.isDirectory(HISTORY), "shared history folder not present: " + HISTORY.toAbsolutePath());
        source =
                csv(HISTORY.resolve("commons-library-1918-2019-election-results.csv"), Charset.forName("windows-1252"));
        overlaps = csv(HISTORY.resolve("constituency-area-overlaps-2010-2024.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void hendon2024IsLaboursFirstGeneralElectionWinThereSince2005OnItsOldBoundaries() {
        Contest hendon = TestData.contest("parl.2024-07-04", "E14001279");
        String[] overlap = largestPredecessor("E14001279");
        assertThat(overlap[2]).isEqualTo("Hendon");
        assertThat(whole(overlap)).isFalse();
        // Hendon was Hendon North and Hendon South until 1997: the record under this name starts there.
        assertThat(named("Hendon")).doesNotContainKey("1992");
        String lastLabour = lastWin("Hendon", "Lab");
        assertThat(winnersSince("Hendon", lastLabour)).containsOnly("Con");

        assertThat(lines.lines(hendon))
                .containsExactly("First general-election win for Labour in Hendon since " + lastLabour
                        + " (on its old boundaries before 2024)");
        assertThat(lastLabour).isEqualTo("2005");
    }

    @Test
    void runcornAndHelsby2025TakesWeaverValesHistoryNotHaltonsAndIsReformsFirstByElectionGainFromLabour() {
        Contest runcorn = TestData.contest("parl.runcorn-and-helsby.by.2025-05-01", "E14001455");
        String[] overlap = largestPredecessor("E14001455");
        String predecessor = overlap[2];
        assertThat(new BigDecimal(overlap[10])).isGreaterThan(new BigDecimal("0.5"));
        String start = chainStart(predecessor);
        assertThat(chain(predecessor).stream().map(r -> winner(r))).doesNotContain("Oth", "?");
        assertThat(onFile(overlap[1]).stream().map(c -> c.winner().party().code()))
                .doesNotContain("RUK", "BRX");
        long earlierGains = byElectionGains("RUK", "Lab", runcorn.election().date());

        assertThat(earlierGains).isZero();
        assertThat(lines.lines(runcorn))
                .containsExactly(
                        "First win for Reform UK in Runcorn and Helsby in the results on file (general elections since "
                                + start + ", every contest since 2010; as " + predecessor + " before 2024)",
                        "The first by-election gain by Reform UK from Labour in the results on file (by-elections since"
                                + " 2010)");
        assertThat(predecessor).isEqualTo("Weaver Vale");
    }

    @Test
    void haltonSplitInTwoGivesItsHistoryOnlyToTheSeatWithMostOfItsPeople() {
        String[] widnes = largestPredecessor("E14001584");
        assertThat(widnes[2]).isEqualTo("Halton");
        String start = chainStart("Halton");
        assertThat(chain("Halton").stream().map(HistoryLinesGoldenTest::winner)).containsOnly("Lab");
        assertThat(onFile(widnes[1]).stream().map(c -> c.winner().party().code()))
                .containsOnly("Lab");

        assertThat(lines.lines(TestData.contest("parl.2024-07-04", "E14001584")))
                .containsExactly(
                        "Held by Labour at every general election since " + start + " (as Halton before 2024)");
        // Halton's other part is a third of Runcorn and Helsby: not enough to lend it Halton's record.
        assertThat(overlaps.stream()
                        .filter(r -> r[1].equals(widnes[1]) && r[3].equals("E14001455"))
                        .map(r -> new BigDecimal(r[10])))
                .allMatch(share -> share.compareTo(new BigDecimal("0.5")) < 0);
    }

    @Test
    void bristolNorthEastFormedFromSeveralSeatsClaimsNothingBeforeItsNotionalResult() {
        String[] largest = largestPredecessor("E14001133");
        assertThat(new BigDecimal(largest[10])).isLessThan(new BigDecimal("0.5"));
        Contest notional = TestData.contest("parl.2019-12-12.notional", "E14001133");
        Contest won = TestData.contest("parl.2024-07-04", "E14001133");
        assertThat(won.winner().party().code())
                .isEqualTo(notional.winner().party().code());

        assertThat(lines.lines(won))
                .containsExactly("Held by Labour at every election on file since 2019 (notional result)");
    }

    @Test
    void theSpeakersSeatAndTheFirstResultAfterTheSpeakerClaimNothing() {
        Contest chorley = TestData.contest("parl.2024-07-04", "E14001170");
        assertThat(chorley.winner().party().code()).isEqualTo("Spk");
        assertThat(lines.lines(chorley)).isEmpty();

        Contest buckingham = TestData.contest("parl.2019-12-12", "E14000608");
        assertThat(TestData.contest("parl.2017-06-08", "E14000608")
                        .winner()
                        .party()
                        .code())
                .isEqualTo("Spk");
        assertThat(buckingham.winner().party().code()).isEqualTo("Con");
        assertThat(lines.lines(buckingham)).isEmpty();
    }

    @Test
    void bristolCentralTakesBristolWestsRecordThroughAnUnopposedWinIn1923() {
        String[] overlap = largestPredecessor("E14001131");
        assertThat(overlap[2]).isEqualTo("Bristol West");
        Map<String, String[]> west = named("Bristol West");
        // Returned unopposed in 1923: the file's -1 marks the winner's column.
        assertThat(west.get("1923")[5]).isEqualTo("-1");
        assertThat(winner(west.get("1923"))).isEqualTo("Con");
        assertThat(chain("Bristol West").stream().map(HistoryLinesGoldenTest::winner))
                .doesNotContain("Oth", "?");
        assertThat(onFile(overlap[1]).stream().map(c -> c.winner().party().code()))
                .doesNotContain("Green");

        assertThat(lines.lines(TestData.contest("parl.2024-07-04", "E14001131")))
                .containsExactly("First win for the Greens in Bristol Central in the results on file (general elections"
                        + " since " + chainStart("Bristol West") + ", every contest since 2010; as Bristol West before"
                        + " 2024)");
    }

    @Test
    void blackburnsRecordStartsAfterItsTwoMemberYears() {
        Map<String, String[]> blackburn = named("Blackburn");
        assertThat(blackburn.get("1945")[1]).isEqualTo("2");
        String start = chainStart("Blackburn");
        assertThat(ELECTIONS.indexOf(start)).isGreaterThan(ELECTIONS.indexOf("1945"));
        assertThat(chain("Blackburn").stream().map(HistoryLinesGoldenTest::winner))
                .containsOnly("Lab");

        assertThat(lines.lines(TestData.contest("parl.2019-12-12", "E14000570")))
                .containsExactly("Held by Labour at every general election since " + start);
    }

    @Test
    void scottishSeatsAcrossThe2005ReviewFollowTheirNames() {
        // Glasgow East was first fought in 2005 (the 2008 by-election is not on file, hence the stated span).
        assertThat(named("Glasgow East")).doesNotContainKey("2001").containsKey("2005");
        assertThat(lines.lines(TestData.contest("parl.2015-05-07", "S14000030")))
                .containsExactly("First win for the SNP in Glasgow East in the results on file (general elections"
                        + " since 2005, every contest since 2010)");

        // Edinburgh South kept its name through the review: its record runs on.
        assertThat(named("Edinburgh South")).containsKeys("2001", "2005");
        String labourSince = streakStart("Edinburgh South", "Lab");
        assertThat(onFile("S14000024").stream()
                        .filter(c -> c.election().date().getYear() < 2015)
                        .map(c -> c.winner().party().code()))
                .containsOnly("Lab");
        assertThat(lines.lines(TestData.contest("parl.2015-05-07", "S14000024")))
                .containsExactly("Held by Labour at every general election since " + labourSince);
    }

    @Test
    void belfastWestClaimsNothingPastAWinTheFileGivesOnlyAsOther() {
        assertThat(winner(named("Belfast West").get("2005"))).isEqualTo("Oth");
        assertThat(lines.lines(TestData.contest("parl.2010-05-06", "N06000004")))
                .isEmpty();
    }

    @Test
    void wakefield2019IsTheConservativesFirstWinThereSince1931() {
        String lastConservative = lastWin("Wakefield", "Con");
        assertThat(onFile("E14001009").stream()
                        .filter(c -> c.election().date().getYear() < 2019)
                        .map(c -> c.winner().party().code()))
                .doesNotContain("Con");

        assertThat(lines.lines(TestData.contest("parl.2019-12-12", "E14001009")))
                .containsExactly(
                        "First general-election win for the Conservatives in Wakefield since " + lastConservative);
        assertThat(lastConservative).isEqualTo("1931");
    }

    /**
     * Kingswood and Wellingborough were both Labour gains from the Conservatives on 15 February 2024. The count is made
     * here from the source rows' own "Lab gain from Con" (the by-elections of the 2010-2019 Parliaments in
     * shared/data/history and of 2019-2024 in shared/data/byelections), not from the bundled data: Corby 2012,
     * Wakefield 2022, Selby and Ainsty, Mid Bedfordshire and Tamworth 2023 came before. The two the same day get no
     * order the data cannot give: each says both numbers and names the other.
     */
    @Test
    void kingswoodAndWellingboroughCountLaboursEarlierByElectionGainsFromTheConservativesFromTheSourceRows()
            throws IOException {
        Path data = HISTORY.getParent();
        List<String[]> gains = new ArrayList<>();
        for (Path file : List.of(
                HISTORY.resolve("parl55-by-elections-constituencies.csv"),
                HISTORY.resolve("parl56-by-elections-constituencies.csv"),
                HISTORY.resolve("parl57-by-elections-constituencies.csv"),
                data.resolve("byelections/parl58_by-elections_constituencies.csv"))) {
            List<String[]> rows = csv(file, StandardCharsets.UTF_8);
            int date = Arrays.asList(rows.get(0)).indexOf("By-election date");
            int name = Arrays.asList(rows.get(0)).indexOf("Constituency name");
            int result = Arrays.asList(rows.get(0)).indexOf("Result");
            rows.subList(1, rows.size()).stream()
                    .filter(r -> r[result].equals("Lab gain from Con"))
                    .forEach(r -> gains.add(new String[] {
                        java.time.LocalDate.parse(r[date], java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                                .toString(),
                        r[name]
                    }));
        }
        long before =
                gains.stream().filter(g -> g[0].compareTo("2024-02-15") < 0).count();
        List<String> thatDay = gains.stream()
                .filter(g -> g[0].equals("2024-02-15"))
                .map(g -> g[1])
                .sorted()
                .toList();
        assertThat(thatDay).containsExactly("Kingswood", "Wellingborough");
        assertThat(before).isEqualTo(5);
        String counted = "Labour's " + HistoryLines.ordinal(before + 1) + " and " + HistoryLines.ordinal(before + 2)
                + " by-election gains from the Conservatives since 2010";

        assertThat(lines.lines(TestData.contest("parl.kingswood.by.2024-02-15", "E14000774")))
                .containsExactly(
                        "First win for Labour in Kingswood since " + lastWin("Kingswood", "Lab")
                                + " (general elections only before 2010)",
                        counted + " (with Wellingborough the same day)");
        assertThat(lines.lines(TestData.contest("parl.wellingborough.by.2024-02-15", "E14001025")))
                .endsWith(counted + " (with Kingswood the same day)");
        // Blackpool South, 2 May 2024, came after both.
        assertThat(lines.lines(TestData.contest("parl.blackpool-south.by.2024-05-02", "E14000573")))
                .endsWith("Labour's " + HistoryLines.ordinal(before + 3)
                        + " by-election gain from the Conservatives since 2010");
    }

    /**
     * The file gives votes by party group, not candidates, so a seat's winner before 2010 is read as the group with the
     * most votes, except where that is the "other" group, whose votes may be several candidates'. Where candidates are
     * on file (2010-2019, 2,600 seats) that reading names the winner's group in every seat it names, and the one seat
     * where the others together outpolled the winner (Hartlepool 2015) is among those it leaves unread.
     */
    @Test
    void theLargestGroupIsTheWinnersGroupInEverySeatWhereCandidatesAreOnFile() {
        Map<String, String> dates = Map.of(
                "2010",
                "parl.2010-05-06",
                "2015",
                "parl.2015-05-07",
                "2017",
                "parl.2017-06-08",
                "2019",
                "parl.2019-12-12");
        List<String> disagreements = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        List<String> outpolled = new ArrayList<>();
        int checked = 0;
        for (String[] row : source) {
            String election = dates.get(row[17]);
            if (election == null) {
                continue;
            }
            Contest contest = TestData.contest(election, row[0]);
            String group = HistoryLines.group(contest.winner().party());
            if (winner(row).equals("Oth")) {
                unread.add(row[2] + " " + row[17]);
                if (!group.equals("Oth")) {
                    outpolled.add(row[2] + " " + row[17]);
                }
            } else if (!group.equals(winner(row))) {
                disagreements.add(row[2] + " " + row[17] + ": " + winner(row) + " vs "
                        + contest.winner().party());
            }
            checked++;
        }
        assertThat(checked).isEqualTo(4 * 650);
        assertThat(disagreements).isEmpty();
        assertThat(outpolled).containsExactly("Hartlepool 2015");
        assertThat(unread).hasSizeGreaterThan(4 * 18); // Northern Ireland's seats at least, and the Speaker's
        // The bundled history leaves every such seat unread.
        assertThat(GeneralElectionHistory.bundled()
                        .seat2010("E14000733")
                        .orElseThrow()
                        .winner())
                .isEqualTo("Lab");
    }

    // --- the source rows, read here ---

    /** The rows of a seat name by election label. */
    private static Map<String, String[]> named(String name) {
        return source.stream().filter(r -> r[2].strip().equals(name)).collect(Collectors.toMap(r -> r[17], r -> r));
    }

    /** The rows of the name from 2005 back without a gap, single-member only, oldest first. */
    private static List<String[]> chain(String name) {
        Map<String, String[]> rows = named(name);
        List<String[]> out = new ArrayList<>();
        for (int i = ELECTIONS.indexOf("2005"); i >= 0; i--) {
            String[] row = rows.get(ELECTIONS.get(i));
            if (row == null || !row[1].equals("1")) {
                break;
            }
            out.add(0, row);
        }
        return out;
    }

    private static String chainStart(String name) {
        return label(chain(name).get(0)[17]);
    }

    /** The latest general election before 2010 at which the group won the name. */
    private static String lastWin(String name, String group) {
        return chain(name).stream()
                .filter(r -> winner(r).equals(group))
                .map(r -> r[17])
                .max(Comparator.comparing(ELECTIONS::indexOf))
                .map(HistoryLinesGoldenTest::label)
                .orElseThrow();
    }

    /** Winners in the name's rows after an election, to 2019. */
    private static List<String> winnersSince(String name, String election) {
        return named(name).values().stream()
                .filter(r -> ELECTIONS.indexOf(r[17]) > ELECTIONS.indexOf(election))
                .map(HistoryLinesGoldenTest::winner)
                .toList();
    }

    /** The first of the unbroken run of the group's wins ending in 2005. */
    private static String streakStart(String name, String group) {
        List<String[]> chain = chain(name);
        int i = chain.size() - 1;
        while (i > 0 && winner(chain.get(i - 1)).equals(group)) {
            i--;
        }
        return label(chain.get(i)[17]);
    }

    /** The group with the most votes, or the one returned unopposed (-1). */
    private static String winner(String[] row) {
        String best = "?";
        long most = 0;
        for (int g = 0; g < GROUP_COLUMNS.length; g++) {
            String votes = row[5 + 2 * g].strip();
            if (votes.isEmpty()) {
                continue;
            }
            long v = Long.parseLong(votes);
            if (v < 0) {
                return GROUP_COLUMNS[g];
            }
            if (v > most) {
                most = v;
                best = GROUP_COLUMNS[g];
            }
        }
        return best;
    }

    private static String label(String election) {
        return election.replace("1974F", "February 1974").replace("1974O", "October 1974");
    }

    /** The overlap row of the 2010 seat holding the largest share of the 2024 seat's people. */
    private static String[] largestPredecessor(String newGss) {
        return overlaps.stream()
                .filter(r -> r[3].equals(newGss))
                .max(Comparator.comparing(r -> new BigDecimal(r[10])))
                .orElseThrow();
    }

    private static boolean whole(String[] overlap) {
        BigDecimal most = new BigDecimal("0.99");
        return new BigDecimal(overlap[9]).compareTo(most) >= 0 && new BigDecimal(overlap[10]).compareTo(most) >= 0;
    }

    /** Contests on file in a seat of the 2010 boundaries, oldest first. */
    private static List<Contest> onFile(String gss) {
        return TestData.archive().contests().stream()
                .filter(c -> c.seat().gss().equals(gss) && c.election().kind() != ElectionKind.NOTIONAL)
                .sorted(Comparator.comparing(c -> c.election().date()))
                .toList();
    }

    private static long byElectionGains(String winner, String from, LocalDate before) {
        return TestData.archive().contests().stream()
                .filter(c -> c.election().kind() == ElectionKind.BY_ELECTION
                        && c.election().date().isBefore(before)
                        && c.winner().party().code().equals(winner))
                .filter(c -> TestData.archive()
                        .comparisonFor(c)
                        .map(k -> k.winner().code().equals(from))
                        .orElse(false))
                .count();
    }

    private static List<String[]> csv(Path file, Charset charset) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader reader = Files.newBufferedReader(file, charset)) {
            MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(reader);
            List<String[]> out = new ArrayList<>();
            while (it.hasNext()) {
                String[] row = it.next();
                if (row.length > 1) {
                    out.add(Arrays.stream(row).map(String::strip).toArray(String[]::new));
                }
            }
            return out;
        }
    }
}
