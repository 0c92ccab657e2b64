package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.announce.LocalAnnouncementFactory;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.CouncilCommand;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.command.ResultAddenda;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.seats.SeatDirectory;

/**
 * Every ward and division of 1 May 2025 as /result shows it, against the Commons Library's own file (read here, in
 * the test; the app never reads it): every candidate with votes and elected mark, and the seats. Then every council
 * voting that day: /council's seats won by party against the sum of its wards in the file. Where the file marks more
 * candidates elected than seats (17 wards), the most votes are elected, as the converter documents.
 */
class Local2025AuditTest {
    private static final Path SHARED = Path.of(System.getProperty("shared.data.dir", "../shared/data"));
    private static CommandService commands;
    private static List<Map<String, String>> wards;
    private static Map<String, List<Map<String, String>>> candidatesByWard;

    @BeforeAll
    static void load() throws IOException {
        assumeTrue(Files.isDirectory(SHARED.resolve("local")), "shared data folder not present");
        LocalResults local = new LocalResults(
                LocalBundledData.read().archive(), new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE));
        ResultsArchive westminster = new ResultsArchive(List.of(), Map.of());
        commands = new CommandService(
                westminster,
                new SeatDirectory(List.of()),
                java.time.Clock.systemUTC(),
                ResultAddenda.NONE,
                local,
                new CouncilCommand(local));
        wards = HocCsv.read(SHARED.resolve("local/leh-2025-ward-results.csv"));
        candidatesByWard = HocCsv.read(SHARED.resolve("local/leh-2025-candidates-result.csv")).stream()
                .collect(Collectors.groupingBy(r -> r.get("ONS ward code"), LinkedHashMap::new, Collectors.toList()));
    }

    @Test
    void everyWardShowsEveryCandidateWithVotesElectedMarksAndSeats() {
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, String> ward : wards) {
            String code = ward.get("ONS ward code");
            int seats = Integer.parseInt(ward.get("Seats"));
            List<Map<String, String>> candidates = candidatesByWard.get(code);
            Set<Map<String, String>> elected = elected(candidates, seats);
            Reply reply = commands.handle("/result " + code + " 2025", ChatContext.console());
            Announcement announcement = announcement(reply);
            softly.assertThat(announcement.headline())
                    .as(code)
                    .contains(ward.get("Ward/ County Electoral District name"));
            softly.assertThat(announcement.headline().contains("(" + seats + " seats)"))
                    .as(code + " seats in the headline")
                    .isEqualTo(seats > 1);
            List<String> shown = announcement.rows().stream()
                    .map(r -> r.candidate() + " | " + r.votes())
                    .sorted()
                    .toList();
            List<String> expected = candidates.stream()
                    .map(c -> (c.get("First names") + " " + c.get("Last names")).strip()
                            + (elected.contains(c) ? " " + LocalAnnouncementFactory.ELECTED : "")
                            + " | " + String.format(java.util.Locale.UK, "%,d", Integer.parseInt(c.get("Votes cast"))))
                    .sorted()
                    .toList();
            softly.assertThat(shown)
                    .as(code + " " + ward.get("Ward/ County Electoral District name"))
                    .isEqualTo(expected);
        }
        softly.assertAll();
    }

    @Test
    void everyCouncilsSeatsWonAreTheSumOfItsWards() {
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        for (Map<String, String> ward : wards) {
            String council = ward.get("Local authority type").equals("CC")
                    ? ward.get("Upper tier authority")
                    : ward.get("Lower tier authority");
            Map<String, Integer> tally = expected.computeIfAbsent(council, k -> new LinkedHashMap<>());
            for (Map<String, String> c :
                    elected(candidatesByWard.get(ward.get("ONS ward code")), Integer.parseInt(ward.get("Seats")))) {
                tally.merge(label(c.get("Party name")), 1, Integer::sum);
            }
        }
        assertThat(expected).hasSize(23);
        SoftAssertions softly = new SoftAssertions();
        expected.forEach((council, tally) -> {
            Reply reply = commands.handle("/council " + council + " 2025", ChatContext.console());
            Reply.Table table = reply.parts().stream()
                    .filter(Reply.Table.class::isInstance)
                    .map(Reply.Table.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(council + ": no table in " + reply));
            Map<String, Integer> won = new LinkedHashMap<>();
            table.rows().stream().skip(1).forEach(row -> {
                if (!row.get(1).equals("0")) {
                    won.put(row.get(0), Integer.parseInt(row.get(1)));
                }
            });
            softly.assertThat(won).as(council).isEqualTo(tally);
        });
        softly.assertAll();
    }

    /** The elected as the file marks them; where it marks more than the seats, the candidates with most votes. */
    private static Set<Map<String, String>> elected(List<Map<String, String>> candidates, int seats) {
        List<Map<String, String>> marked =
                candidates.stream().filter(c -> c.get("Elected").equals("True")).toList();
        if (marked.size() == seats) {
            return Set.copyOf(marked);
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt((Map<String, String> c) -> Integer.parseInt(c.get("Votes cast")))
                        .reversed())
                .limit(seats)
                .collect(Collectors.toSet());
    }

    /** The five parties Open Council Data names that stood in 2025, by the file's names; all others are others. */
    private static String label(String partyName) {
        return switch (partyName) {
            case "Reform UK" -> "RUK";
            case "Conservative and Unionist Party" -> "CON";
            case "Labour Party", "Labour and Co-operative Party" -> "LAB";
            case "Liberal Democrats" -> "LD";
            case "Green Party" -> "GRN";
            case "UK Independence Party (UKIP)" -> "UKIP";
            default -> "OTH";
        };
    }

    private static Announcement announcement(Reply reply) {
        List<Announcement> found = new ArrayList<>();
        reply.parts().forEach(p -> {
            if (p instanceof Reply.AnnouncementPart a) {
                found.add(a.announcement());
            }
        });
        assertThat(found).as("an announcement in " + reply.parts()).hasSize(1);
        return found.get(0);
    }
}
