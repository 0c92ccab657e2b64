package org.resultsdesk.core.night;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.seats.SeatNames;

/**
 * /records across the century. The expectations are worked out here from the Commons Library's 1918-2019 source file
 * in shared/data/history, read directly (not from the bundled conversion), with the rules docs/night-desk.md states:
 * single-member contested seats whose groups add up to the total; the majority where winner and runner-up are named
 * groups; turnout as valid votes over the electorate; Butler swing against the previous election of the same name on
 * the same boundary set. From 2010 the candidates' results as bundled (audited against their source rows by
 * HistoryAuditTest). Anchors known from the published record: Winchester 1997 (majority 2), Carmarthen February 1974
 * (3), Crawley 2005 (37).
 */
class CenturyRecordsTest {
    private static final Path SOURCE = Path.of(System.getProperty("shared.data.dir", "../shared/data"))
            .resolve("history/commons-library-1918-2019-election-results.csv");
    private static final List<String> GROUPS =
            List.of("con_votes", "lib_votes", "lab_votes", "natSW_votes", "oth_votes");
    private static final List<String> ORDER = List.of(
            "1918", "1922", "1923", "1924", "1929", "1931", "1935", "1945", "1950", "1951", "1955", "1959", "1964",
            "1966", "1970", "1974F", "1974O", "1979", "1983", "1987", "1992", "1997", "2001", "2005");

    /** A counted source row: name, election, boundary set, votes by group column (positive only), total, electorate. */
    record Seat(
            String name, String election, String boundarySet, Map<String, Integer> votes, int total, int electorate) {
        List<String> byVotes() {
            return GROUPS.stream()
                    .filter(votes::containsKey)
                    .sorted(Comparator.comparing((String g) -> votes.get(g)).reversed())
                    .toList();
        }

        Optional<Integer> majority() {
            List<String> order = byVotes();
            if (order.size() < 2
                    || order.get(0).equals("oth_votes")
                    || order.get(1).equals("oth_votes")) {
                return Optional.empty();
            }
            int m = votes.get(order.get(0)) - votes.get(order.get(1));
            return m > 0 ? Optional.of(m) : Optional.empty();
        }

        double turnout() {
            return 100.0 * total / electorate;
        }

        double share(String group) {
            return 100.0 * votes.get(group) / total;
        }
    }

    private static final List<Seat> seats = new ArrayList<>();

    @BeforeAll
    static void readSource() throws IOException {
        assumeTrue(Files.isRegularFile(SOURCE), "shared history file not present: " + SOURCE.toAbsolutePath());
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader reader = Files.newBufferedReader(SOURCE, Charset.forName("windows-1252"))) {
            MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(reader);
            List<String> header = Arrays.stream(it.next()).map(String::strip).toList();
            while (it.hasNext()) {
                String[] raw = it.next();
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size() && i < raw.length; i++) {
                    row.put(header.get(i), raw[i].strip());
                }
                if (!row.get("seats").equals("1") || !ORDER.contains(row.get("election"))) {
                    continue;
                }
                Map<String, Integer> votes = new LinkedHashMap<>();
                boolean unopposed = false;
                for (String g : GROUPS) {
                    String v = row.get(g);
                    if (!v.isEmpty()) {
                        int n = Integer.parseInt(v);
                        unopposed |= n < 0;
                        votes.put(g, n);
                    }
                }
                if (unopposed
                        || votes.size() < 2
                        || row.get("total_votes").isEmpty()
                        || row.get("electorate").isEmpty()) {
                    continue;
                }
                int total = Integer.parseInt(row.get("total_votes"));
                int electorate = Integer.parseInt(row.get("electorate"));
                if (votes.values().stream().mapToInt(Integer::intValue).sum() != total || total > electorate) {
                    continue;
                }
                votes.values().removeIf(n -> n == 0);
                seats.add(new Seat(
                        row.get("constituency_name"),
                        row.get("election"),
                        row.get("boundary_set"),
                        votes,
                        total,
                        electorate));
            }
        }
    }

    final CommandService commands = NightCommandsFixture.desk("parl.2029-08-15").commands();

    static String label(String election) {
        return election.equals("1974F") ? "Feb 1974" : election.equals("1974O") ? "Oct 1974" : election;
    }

    static List<Seat> from(int year) {
        return seats.stream()
                .filter(s -> Integer.parseInt(s.election().substring(0, 4)) >= year)
                .toList();
    }

    static int majority(Contest c) {
        int[] votes = c.candidates().stream().mapToInt(x -> x.votes()).sorted().toArray();
        return votes[votes.length - 1] - votes[votes.length - 2];
    }

    static List<String> firstRow(Reply reply, String title) {
        return NightReplayTest.tables(reply).stream()
                .filter(t -> t.title().equals(title))
                .findFirst()
                .orElseThrow()
                .rows()
                .get(1);
    }

    @Test
    void since1945TheLargestAndSmallestMajoritiesAndTheTurnoutsSpanBothFiles() {
        List<Seat> groups = from(1945);
        List<Contest> candidates = TestData.archive().elections().stream()
                .filter(e -> e.isGeneral())
                .flatMap(e -> TestData.archive().contestsOf(e.id()).stream())
                .toList();
        Seat groupsLargest = groups.stream()
                .filter(s -> s.majority().isPresent())
                .max(Comparator.comparing(s -> s.majority().get()))
                .orElseThrow();
        Contest candidatesLargest = candidates.stream()
                .max(Comparator.comparingInt(CenturyRecordsTest::majority))
                .orElseThrow();
        Seat groupsHighest =
                groups.stream().max(Comparator.comparingDouble(Seat::turnout)).orElseThrow();
        Seat groupsLowest =
                groups.stream().min(Comparator.comparingDouble(Seat::turnout)).orElseThrow();

        Reply reply = commands.handle("/records since 1945", ChatContext.console());

        assertThat(NightReplayTest.text(reply))
                .startsWith("Records, general elections 1945-2024: " + (groups.size() + candidates.size())
                        + " seat results")
                .contains("Before 2010 the figures are party groups' totals");
        List<String> largest = firstRow(reply, "Largest majorities");
        if (majority(candidatesLargest) >= groupsLargest.majority().get()) {
            assertThat(largest.get(0))
                    .isEqualTo(candidatesLargest.seat().name() + " "
                            + candidatesLargest.election().date().getYear());
            assertThat(largest.get(2)).startsWith(String.format(Locale.UK, "%,d ", majority(candidatesLargest)));
        } else {
            assertThat(largest.get(0)).isEqualTo(groupsLargest.name() + " " + label(groupsLargest.election()));
            assertThat(largest.get(2))
                    .startsWith(String.format(
                            Locale.UK, "%,d ", groupsLargest.majority().get()));
        }
        // The smallest majorities since 1945: two votes (Winchester 1997, North East Fife 2017), then Carmarthen's
        // three.
        List<List<String>> smallest = NightReplayTest.tables(reply).get(1).rows();
        assertThat(smallest.subList(1, 4))
                .extracting(r -> r.get(0) + ": " + r.get(2))
                .containsExactly(
                        "North East Fife 2017: 2 (<0.1%)",
                        "Winchester 1997: 2 (<0.1%)", "Carmarthen Feb 1974: 3 (<0.1%)");
        assertThat(groups.stream()
                        .filter(s ->
                                s.name().equals("Winchester") && s.election().equals("1997")))
                .singleElement()
                .satisfies(s -> assertThat(s.majority()).contains(2));
        // Turnouts: the groups' file holds both extremes since 1945 (valid votes over the electorate).
        assertThat(firstRow(reply, "Highest turnouts"))
                .containsExactly(
                        groupsHighest.name() + " " + label(groupsHighest.election()),
                        "Other",
                        String.format(Locale.UK, "%.1f%%", groupsHighest.turnout()));
        assertThat(firstRow(reply, "Lowest turnouts").get(0))
                .isEqualTo(groupsLowest.name() + " " + label(groupsLowest.election()));
        assertThat(firstRow(reply, "Lowest turnouts").get(2))
                .isEqualTo(String.format(Locale.UK, "%.1f%%", groupsLowest.turnout()));
    }

    @Test
    void oneElectionBefore2010IsAnsweredFromThePartyGroupsWithItsSwingAgainstThePreviousOne() {
        // October 1974 against February 1974, on the same boundaries: the largest Butler swing between the two named
        // groups that matter (gain: old and new winner; hold: winner and runner-up), from the one that fell back.
        Map<String, Seat> february = new HashMap<>();
        Map<String, Long> namesFeb = new HashMap<>();
        Map<String, Long> namesOct = new HashMap<>();
        seats.stream().filter(s -> s.election().equals("1974F")).forEach(s -> {
            february.put(SeatNames.normalise(s.name()), s);
        });
        // Names used twice in one election are not followed (counted over every row of the election, as here only
        // the counted ones are at hand, the check is on those).
        seats.stream()
                .filter(s -> s.election().equals("1974F"))
                .forEach(s -> namesFeb.merge(SeatNames.normalise(s.name()), 1L, Long::sum));
        seats.stream()
                .filter(s -> s.election().equals("1974O"))
                .forEach(s -> namesOct.merge(SeatNames.normalise(s.name()), 1L, Long::sum));
        double best = -1;
        Seat bestSeat = null;
        String bestLabel = "";
        for (Seat now : seats.stream().filter(s -> s.election().equals("1974O")).toList()) {
            String key = SeatNames.normalise(now.name());
            Seat then = february.get(key);
            if (then == null
                    || namesFeb.get(key) != 1
                    || namesOct.get(key) != 1
                    || !then.boundarySet().equals(now.boundarySet())) {
                continue;
            }
            String winnerNow = now.byVotes().get(0);
            String winnerThen = then.byVotes().get(0);
            if (winnerNow.equals("oth_votes") || winnerThen.equals("oth_votes")) {
                continue;
            }
            String a = winnerNow.equals(winnerThen) ? winnerNow : winnerThen;
            String b = winnerNow.equals(winnerThen) ? now.byVotes().get(1) : winnerNow;
            if (b.equals("oth_votes")
                    || !now.votes().containsKey(a)
                    || !now.votes().containsKey(b)
                    || !then.votes().containsKey(a)
                    || !then.votes().containsKey(b)) {
                continue;
            }
            double swing = ((now.share(b) - then.share(b)) - (now.share(a) - then.share(a))) / 2;
            if (Math.abs(swing) > best) {
                best = Math.abs(swing);
                bestSeat = now;
                bestLabel = swing >= 0 ? name(a, now) + " to " + name(b, now) : name(b, now) + " to " + name(a, now);
            }
        }
        assertThat(bestSeat).isNotNull();

        Reply reply = commands.handle("/records 1974", ChatContext.console());

        assertThat(NightReplayTest.text(reply)).startsWith("Records, general election Feb 1974 and Oct 1974: ");
        assertThat(firstRow(reply, "Largest swings"))
                .containsExactly(
                        bestSeat.name() + " Oct 1974",
                        name(bestSeat.byVotes().get(0), bestSeat),
                        String.format(Locale.UK, "%.1f", best) + " " + bestLabel);
        // Crawley 2005: Labour by 37 votes.
        assertThat(NightReplayTest.tables(commands.handle("/records 2005", ChatContext.console()))
                        .get(1)
                        .rows()
                        .get(1))
                .containsExactly("Crawley", "Lab", "37 (0.1%)");
    }

    /** The group as the tables name it in Scotland and England. */
    private static String name(String column, Seat seat) {
        return switch (column) {
            case "con_votes" -> "Con";
            case "lab_votes" -> "Lab";
            case "lib_votes" -> Integer.parseInt(seat.election().substring(0, 4)) >= 1992 ? "LD" : "Lib";
            case "natSW_votes" -> "SNP";
            default -> "Other";
        };
    }
}
