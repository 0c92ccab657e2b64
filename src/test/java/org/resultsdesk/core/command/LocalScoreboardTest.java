package org.resultsdesk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.CouncilComposition;
import org.resultsdesk.core.model.LiveLocalArchive;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.feeds.LocalBundledData;

/**
 * {@code /scoreboard local}: the 2025 night as a golden file, its every figure checked against a tally made here
 * straight from the bundled files (the handbook's elected marks, Open Council Data's make-up and control columns), and
 * a night still to come counted as its councils declare.
 */
class LocalScoreboardTest {
    static final LocalDate DAY_2025 = LocalDate.of(2025, 5, 1);
    /** The parties Open Council Data names; it counts the rest as others. */
    static final Set<String> NAMED = Set.of("Con", "Lab", "LD", "Green", "UKIP", "RUK", "PC", "SNP");

    static LocalArchive bundled;
    static CommandService commands;

    @BeforeAll
    static void load() {
        bundled = LocalBundledData.read().archive();
        commands = service(bundled);
    }

    static CommandService service(LocalArchive archive) {
        ResultsArchive westminster = new ResultsArchive(List.of(), Map.of());
        return new CommandService(
                westminster,
                new SeatDirectory(westminster.seats()),
                java.time.Clock.systemUTC(),
                ResultAddenda.NONE,
                new LocalResults(archive, new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE)));
    }

    @Test
    void the2025NightMatchesItsGoldenFile() throws IOException {
        String actual =
                new PlainReplyRenderer().render(commands.handle("/scoreboard local 2025", ChatContext.console()));
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/golden/local/scoreboard-local-2025.txt")) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path out = Path.of("target/golden-local");
            Files.createDirectories(out);
            Files.writeString(out.resolve("scoreboard-local-2025.txt"), actual);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(new PlainReplyRenderer().render(commands.handle("/scoreboard local", ChatContext.console())))
                .as("the newest night on file")
                .isEqualTo(actual);
    }

    @Test
    void the2025FiguresAgreeWithATallyMadeFromTheBundledFiles() throws IOException {
        Independent night = Independent.of(DAY_2025);
        Reply reply = commands.handle("/scoreboard local 2025", ChatContext.console());

        assertThat(((Reply.Text) reply.parts().get(0)).text())
                .isEqualTo("Local elections, 1 May 2025: 23 of 23 councils declared, " + night.elected()
                        + " councillors" + " elected");
        Map<String, List<String>> control = rows(reply, "Control of councils declared");
        assertThat(control.keySet()).isEqualTo(night.controlAfter.keySet());
        night.controlAfter.forEach((party, councils) -> assertThat(control.get(party))
                .as(party)
                .containsExactly(
                        String.valueOf(councils),
                        String.valueOf(night.gains.getOrDefault(party, 0)),
                        String.valueOf(night.losses.getOrDefault(party, 0)),
                        signed(night.gains.getOrDefault(party, 0) - night.losses.getOrDefault(party, 0))));
        Map<String, List<String>> councillors = rows(reply, "Councillors");
        assertThat(councillors.keySet()).isEqualTo(night.won.keySet());
        night.won.forEach((party, won) -> assertThat(councillors.get(party))
                .as(party)
                .containsExactly(String.valueOf(won), signed(night.change.getOrDefault(party, 0))));
        // What the night was: Reform UK took ten councils, every one of them a gain.
        assertThat(control.get("RUK")).containsExactly("10", "10", "0", "+10");
    }

    @Test
    void aYearWithNoLocalNightOnFileOffersTheOnesThereAre() {
        Reply reply = commands.handle("/scoreboard local 2023", ChatContext.console());
        assertThat(((Reply.Text) reply.parts().get(0)).text())
                .isEqualTo("No local elections on file for 2023. Try one of these:");
        assertThat(reply.suggestions())
                .extracting(Reply.Suggestion::command)
                .containsExactly(
                        "/scoreboard local 2025",
                        "/scoreboard local 2024",
                        "/scoreboard local 2022",
                        "/scoreboard local 2021");
        assertThat(commands.handle("/scoreboard 2019", ChatContext.console()).toString())
                .as("a general election's scoreboard is untouched")
                .doesNotContain("councils");
    }

    @Test
    void onTheNightItCountsWhatHasDeclared() {
        Council testshire = new Council("E06000901", "Testshire");
        Ward high = new Ward("E05009901", "High Street", testshire);
        Ward mill = new Ward("E05009902", "Mill", testshire);
        LocalDate night = LocalDate.of(2027, 5, 6);
        Party lab = new Party("Lab", "Labour");
        Party con = new Party("Con", "Conservative");
        LiveLocalArchive live = new LiveLocalArchive(() -> new LocalArchive(
                List.of(testshire),
                List.of(),
                Map.of(
                        testshire.onsCode(),
                        Map.of(2026, new CouncilComposition(testshire, 3, Map.of("Con", 2, "Lab", 1), "OCD 2026"))),
                List.of()));
        CommandService desk = service(live.get());

        live.put(contest(high, night, 1, new LocalCandidacy("A", "Red", lab, 700, true, false)));
        String first = new PlainReplyRenderer().render(desk.handle("/scoreboard local", ChatContext.console()));
        assertThat(first)
                .startsWith("Local elections, 6 May 2027: 0 of 1 councils declared, 1 councillor elected")
                .contains("LAB      1       0");

        live.put(contest(
                mill,
                night,
                2,
                new LocalCandidacy("B", "Red", lab, 900, true, false),
                new LocalCandidacy("C", "Blue", con, 800, true, false)));
        String second = new PlainReplyRenderer().render(desk.handle("/scoreboard local 2027", ChatContext.console()));
        assertThat(second)
                .startsWith("Local elections, 6 May 2027: 1 of 1 councils declared, 3 councillors elected")
                .contains("LAB           1     1     0   +1")
                .contains("LAB      2      +1")
                .contains("CON      1      -1");
    }

    static LocalContest contest(Ward ward, LocalDate day, int seats, LocalCandidacy... candidates) {
        return new LocalContest(
                BallotId.scheduled(ward.council().name(), ward.name(), day),
                ward,
                seats,
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.<BigDecimal>empty(),
                Optional.empty(),
                List.of(candidates));
    }

    /** A table's rows by their first cell (the party's label, with the header row left out). */
    static Map<String, List<String>> rows(Reply reply, String title) {
        Reply.Table table = reply.parts().stream()
                .filter(p -> p instanceof Reply.Table t && t.title().equals(title))
                .map(Reply.Table.class::cast)
                .findFirst()
                .orElseThrow();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        table.rows().stream().skip(1).forEach(r -> rows.put(r.get(0), r.subList(1, r.size())));
        return rows;
    }

    static String signed(int n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }

    /** The table label a party code gets: Open Council Data's parties, others folded. */
    static String label(String code) {
        return switch (code) {
            case "Con" -> "CON";
            case "Lab" -> "LAB";
            case "Green" -> "GRN";
            case "Oth" -> "OTH";
            case "Plaid" -> "PC";
            default -> code;
        };
    }

    /**
     * The night tallied from the bundled text files alone: councillors elected from the handbook's elected marks,
     * control before from Open Council Data's control column, control after from the results when every seat was up.
     */
    record Independent(
            Map<String, Integer> won,
            Map<String, Integer> change,
            Map<String, Integer> controlAfter,
            Map<String, Integer> gains,
            Map<String, Integer> losses) {
        int elected() {
            return won.values().stream().mapToInt(Integer::intValue).sum();
        }

        static Independent of(LocalDate day) throws IOException {
            Map<String, Map<String, Integer>> wonByCouncil = new TreeMap<>();
            Map<String, Integer> seatsUp = new HashMap<>();
            String council = null;
            for (String line : lines("/data/local" + day.getYear() + ".tsv")) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("W")) {
                    council = f[1].endsWith("." + day) && !f[1].contains(".by.") ? f[4] : null;
                    if (council != null) {
                        seatsUp.merge(council, Integer.parseInt(f[5]), Integer::sum);
                    }
                } else if (f[0].equals("K") && council != null && f[6].equals("Y")) {
                    String party = NAMED.contains(f[1]) ? f[1] : "Oth";
                    wonByCouncil.computeIfAbsent(council, c -> new TreeMap<>()).merge(party, 1, Integer::sum);
                }
            }
            // E10000016	2024	81	Con=59,Lab=7,...	Con
            Map<String, String[]> before = new HashMap<>();
            Map<String, Integer> sizeAfter = new HashMap<>();
            for (String line : lines("/data/local-compositions.tsv")) {
                String[] f = line.split("\t", -1);
                if (f[1].equals(String.valueOf(day.getYear() - 1))) {
                    before.put(f[0], f);
                } else if (f[1].equals(String.valueOf(day.getYear()))) {
                    // A council redrawn to a new size (Durham: 126 seats, then 98) has it that year.
                    sizeAfter.put(f[0], Integer.parseInt(f[2]));
                }
            }
            Map<String, Integer> won = new TreeMap<>();
            Map<String, Integer> change = new TreeMap<>();
            Map<String, Integer> controlAfter = new TreeMap<>();
            Map<String, Integer> gains = new TreeMap<>();
            Map<String, Integer> losses = new TreeMap<>();
            for (Map.Entry<String, Map<String, Integer>> e : wonByCouncil.entrySet()) {
                e.getValue().forEach((party, n) -> won.merge(label(party), n, Integer::sum));
                String[] was = before.get(e.getKey());
                int total = sizeAfter.getOrDefault(e.getKey(), Integer.parseInt(was[2]));
                assertThat(seatsUp.get(e.getKey())).as("%s all out", e.getKey()).isEqualTo(total);
                String after = e.getValue().entrySet().stream()
                        .filter(p -> p.getValue() * 2 > total && !p.getKey().equals("Oth"))
                        .map(p -> label(p.getKey()))
                        .findFirst()
                        .orElse("NOC");
                controlAfter.merge(after, 1, Integer::sum);
                // Open Council Data's own control column: "Con", "Lab plurality" (no overall control), "Other".
                String wasControl = was[4].contains("plurality") || was[4].equals("Other") ? "NOC" : label(was[4]);
                if (!after.equals(wasControl)) {
                    gains.merge(after, 1, Integer::sum);
                    losses.merge(wasControl, 1, Integer::sum);
                    controlAfter.putIfAbsent(wasControl, 0);
                }
                Map<String, Integer> beforeSeats = new HashMap<>();
                for (String pair : was[3].split(",")) {
                    String[] kv = pair.split("=");
                    beforeSeats.merge(
                            label(NAMED.contains(kv[0]) ? kv[0] : "Oth"), Integer.parseInt(kv[1]), Integer::sum);
                }
                Map<String, Integer> afterSeats = new HashMap<>();
                e.getValue().forEach((party, n) -> afterSeats.merge(label(party), n, Integer::sum));
                beforeSeats.forEach((party, n) -> change.merge(party, -n, Integer::sum));
                afterSeats.forEach((party, n) -> change.merge(party, n, Integer::sum));
                beforeSeats.keySet().forEach(party -> won.putIfAbsent(party, 0));
            }
            return new Independent(won, change, controlAfter, gains, losses);
        }

        private static List<String> lines(String resource) throws IOException {
            List<String> lines = new ArrayList<>();
            try (InputStream in = LocalScoreboardTest.class.getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        lines.add(line.replace("\r", ""));
                    }
                }
            }
            return lines;
        }
    }
}
