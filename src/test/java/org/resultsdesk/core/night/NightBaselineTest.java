package org.resultsdesk.core.night;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.night.NightCommandsFixture.Desk;

/** The next general election's night, before it starts: the GE2024 results are the baseline. */
class NightBaselineTest {
    static final String NEXT = "parl.2029-08-15";
    static final List<Contest> GE2024 = TestData.archive().contestsOf("parl.2024-07-04");

    /** Seats by winner after moving {@code points} of share from one party to another, from the votes, in doubles. */
    static Map<String, Integer> tallyAfter(double points, String from, String to) {
        Map<String, Integer> tally = new TreeMap<>();
        for (Contest c : GE2024) {
            Map<String, Double> share = new HashMap<>();
            for (Candidacy x : c.candidates()) {
                String who = x.party().code().equals("Ind")
                        ? "Ind:" + x.displayName().toLowerCase()
                        : x.party().code();
                share.merge(who, 100.0 * x.votes() / c.validVotes(), Double::sum);
            }
            String held = share.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            share.computeIfPresent(from, (k, v) -> Math.max(0, v - points));
            share.computeIfPresent(to, (k, v) -> v + points);
            String winner = held;
            for (Map.Entry<String, Double> e : share.entrySet()) {
                if (e.getValue() > share.get(winner)) {
                    winner = e.getKey();
                }
            }
            tally.merge(winner, 1, Integer::sum);
        }
        return tally;
    }

    @Test
    void theSwingometerTallyMatchesOneWorkedFromTheVotes() {
        Desk desk = NightCommandsFixture.desk(NEXT);
        List<BaselineSeat> baseline = desk.tonight().baseline();
        assertThat(baseline).hasSize(650);

        for (double points : new double[] {0, 2.5, 5, 10}) {
            Swingometer.Outcome outcome = Swingometer.swing(baseline, BigDecimal.valueOf(points), "Lab", "RUK");
            assertThat(new TreeMap<>(outcome.after()))
                    .as("%s points Lab to Ref", points)
                    .isEqualTo(tallyAfter(points, "Lab", "RUK"));
        }
        Map<String, Integer> real = tallyAfter(0, "Lab", "RUK");
        assertThat(real).containsEntry("Lab", 411).containsEntry("Con", 121).containsEntry("LD", 72);
        Map<String, Integer> fiveToRef = tallyAfter(5, "Lab", "RUK");

        Reply reply = desk.commands().handle("/swingometer 5 Lab to Ref", ChatContext.console());
        Swingometer.Outcome five = Swingometer.swing(baseline, BigDecimal.valueOf(5), "Lab", "RUK");
        assertThat(NightReplayTest.text(reply))
                .startsWith("A uniform swing of 5 points from Labour to Reform UK on" + " the 2024 results: "
                        + five.falls().size() + " seats change hands.");
        assertThat(five.falls()).isNotEmpty();
        Reply.Table tally = NightReplayTest.tables(reply).get(0);
        assertThat(tally.rows())
                .contains(List.of(
                        "LAB",
                        "411",
                        String.valueOf(fiveToRef.get("Lab")),
                        String.valueOf(fiveToRef.get("Lab") - 411)));
        assertThat(tally.rows())
                .contains(List.of(
                        "RUK",
                        String.valueOf(real.get("RUK")),
                        String.valueOf(fiveToRef.get("RUK")),
                        "+" + (fiveToRef.get("RUK") - real.get("RUK"))));
        int independents = fiveToRef.entrySet().stream()
                .filter(e -> e.getKey().startsWith("Ind:"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        assertThat(tally.rows())
                .filteredOn(r -> r.get(0).equals("IND"))
                .singleElement()
                .satisfies(r -> assertThat(r.get(2)).isEqualTo(String.valueOf(independents)));
        assertThat(NightReplayTest.text(desk.commands().handle("/swingometer Lab to Ref", ChatContext.console())))
                .startsWith("Give a swing");
        assertThat(NightReplayTest.text(desk.commands().handle("/swingometer 5 Lab to Lab", ChatContext.console())))
                .startsWith("I need two different parties");
    }

    @Test
    void targetsAndTheSwingometerTakeABaselineYear() {
        Desk desk = NightCommandsFixture.desk(NEXT);
        List<Contest> ge2019 = TestData.archive().contestsOf("parl.2019-12-12");
        List<String> expected = ge2019.stream()
                .filter(c -> !c.winner().party().code().equals("Con"))
                .filter(c ->
                        c.candidates().stream().anyMatch(x -> x.party().code().equals("Con")))
                .sorted(Comparator.comparingDouble((Contest c) -> (c.winner().votes()
                                        - c.candidates().stream()
                                                .filter(x -> x.party().code().equals("Con"))
                                                .mapToInt(Candidacy::votes)
                                                .sum())
                                / (2.0 * c.validVotes()))
                        .thenComparing(c -> c.seat().name()))
                .limit(10)
                .map(c -> c.seat().name())
                .toList();

        Reply.Table table = NightReplayTest.tables(
                        desk.commands().handle("/targets con 10 2019", ChatContext.console()))
                .get(0);

        assertThat(table.title())
                .startsWith("Conservative targets on the 2019 results, smallest swing needed first (10 of");
        assertThat(table.rows().subList(1, table.rows().size()))
                .extracting(r -> r.get(0))
                .containsExactlyElementsOf(expected);
        assertThat(NightReplayTest.text(
                        desk.commands().handle("/swingometer 5 Lab to Con 2015", ChatContext.console())))
                .startsWith("A uniform swing of 5 points from Labour to the Conservatives on the 2015 results:");
        assertThat(NightReplayTest.text(desk.commands().handle("/targets con 1997", ChatContext.console())))
                .startsWith("No general election of 1997 is on file")
                .contains("2024, 2019, 2017, 2015 or 2010");
    }

    @Test
    void targetsAreTheSeatsNeedingTheSmallestSwingWorkedFromTheVotes() {
        Desk desk = NightCommandsFixture.desk(NEXT);
        List<String> expected = GE2024.stream()
                .filter(c -> !c.winner().party().code().equals("RUK"))
                .filter(c ->
                        c.candidates().stream().anyMatch(x -> x.party().code().equals("RUK")))
                .sorted(Comparator.comparingDouble((Contest c) -> (c.winner().votes()
                                        - c.candidates().stream()
                                                .filter(x -> x.party().code().equals("RUK"))
                                                .mapToInt(Candidacy::votes)
                                                .sum())
                                / (2.0 * c.validVotes()))
                        .thenComparing(c -> c.seat().name()))
                .limit(15)
                .map(c -> c.seat().name())
                .toList();

        Reply reply = desk.commands().handle("/targets reform uk 15", ChatContext.console());

        Reply.Table table = NightReplayTest.tables(reply).get(0);
        assertThat(table.title())
                .startsWith("Reform UK targets on the 2024 results, smallest swing needed first (15 of");
        assertThat(table.rows().subList(1, table.rows().size()))
                .extracting(r -> r.get(0))
                .containsExactlyElementsOf(expected);
        Contest top = GE2024.stream()
                .filter(c -> c.seat().name().equals(expected.get(0)))
                .findFirst()
                .orElseThrow();
        assertThat(table.rows().get(1))
                .containsExactly(
                        top.seat().name(),
                        NightCommandsFixture.abbreviation(top),
                        String.format(
                                "%.1f",
                                (top.winner().votes()
                                                - top.candidates().stream()
                                                        .filter(x ->
                                                                x.party().code().equals("RUK"))
                                                        .mapToInt(Candidacy::votes)
                                                        .sum())
                                        * 50.0
                                        / top.validVotes()),
                        String.format(
                                java.util.Locale.UK,
                                "%,d",
                                top.winner().votes() - top.runnerUp().get().votes()),
                        "-");
        assertThat(NightReplayTest.text(desk.commands().handle("/targets", ChatContext.console())))
                .contains("/swingometer 5 Lab to Ref");
        assertThat(NightReplayTest.text(desk.commands().handle("/targets Monster Raving", ChatContext.console())))
                .startsWith("I don't know the party");
    }

    @Test
    void aTargetDeclaredTonightShowsItsResult() {
        Desk desk = NightCommandsFixture.desk(NEXT);
        BaselineSeat first =
                TargetList.of("Con", desk.tonight().baseline()).get(0).seat();
        Contest then = GE2024.stream()
                .filter(c -> c.seat().gss().equals(first.seat().gss()))
                .findFirst()
                .orElseThrow();
        desk.archive()
                .put(
                        tonightsWin(then, "Con"),
                        Optional.of(org.resultsdesk.core.calc.Comparisons.fromContest(then, "2024")));

        Reply.Table table = NightReplayTest.tables(desk.commands().handle("/targets con 3", ChatContext.console()))
                .get(0);
        assertThat(table.rows().get(1).get(0)).isEqualTo(first.seat().name());
        assertThat(table.rows().get(1).get(4)).isEqualTo("Con GAIN from " + NightCommandsFixture.abbreviation(then));
        assertThat(table.rows().get(2).get(4)).isEqualTo("-");
    }

    @Test
    void onGe2024BoundariesThereIsNoExpectedTimeRatherThanAGuess() {
        Desk desk = NightCommandsFixture.desk(NEXT);
        assertThat(desk.tonight().seats())
                .hasSize(650)
                .allMatch(s -> s.expected().isEmpty());

        Reply due = desk.commands().handle("/due 24", ChatContext.console());

        assertThat(NightReplayTest.tables(due)).isEmpty();
        assertThat(NightReplayTest.text(due))
                .contains("Nothing is expected to declare")
                .contains("650 seats have no expected time: the desk has no declaration times for tonight yet.")
                .as("readers are not told how to configure the bot")
                .doesNotContain("night.declaration-times")
                .doesNotContain("Set ");
        assertThat(DueCommand.timesStatus(desk.tonight()))
                .startsWith("Declaration times: no file (night.declaration-times)")
                .contains(
                        "Set NIGHT_DECLARATION_TIMES (night.declaration-times in the configuration file) to a CSV of seat and"
                                + " expected time");
    }

    @Test
    void withoutAFileASeatIsExpectedAtItsTimeAtThePreviousGeneralElectionMovedToTonight() {
        // A general election on the 2010 boundaries (none was held; the rule is what is tested): GE2019 is the
        // previous.
        Desk desk = NightCommandsFixture.desk(
                "parl.2022-05-05",
                ExpectedTimes.NONE,
                Clock.fixed(Instant.parse("2022-05-06T01:00:00Z"), ZoneOffset.UTC));
        NightSeat aberavon = desk.tonight().seats().stream()
                .filter(s -> s.seat().name().equals("Aberavon"))
                .findFirst()
                .orElseThrow();

        // 02:30 GMT on the night of 12 December 2019 is 02:30 BST (01:30 UTC) on the night of 5 May 2022.
        assertThat(aberavon.expected())
                .contains(new NightSeat.Expected(Instant.parse("2022-05-06T01:30:00Z"), Optional.of("2019")));
        assertThat(aberavon.holder())
                .isEqualTo(new NightSeat.Holder(new Party("Lab", "Labour"), OptionalInt.of(10490), "2019"));
        Reply due = desk.commands().handle("/due", ChatContext.console());
        assertThat(NightReplayTest.tables(due).get(0).rows())
                .contains(List.of("02:30", "Aberavon", "Lab (2019)", "10,490"));
        assertThat(NightReplayTest.text(due)).contains("expected at the time they declared in 2019, moved to tonight");
        // Hartlepool's holder is the 2021 by-election's winner, not 2019's.
        assertThat(desk.tonight().seats().stream()
                        .filter(s -> s.seat().name().equals("Hartlepool"))
                        .findFirst()
                        .orElseThrow()
                        .holder()
                        .party()
                        .code())
                .isEqualTo("Con");
    }

    static Contest tonightsWin(Contest then, String party) {
        List<Candidacy> candidates = then.candidates().stream()
                .map(c -> c.party().code().equals(party)
                        ? new Candidacy(
                                c.givenName(),
                                c.familyName(),
                                c.party(),
                                then.winner().votes() + 1000)
                        : c)
                .toList();
        Election next = new Election(NEXT, ElectionKind.GENERAL, java.time.LocalDate.of(2029, 8, 15));
        int valid = candidates.stream().mapToInt(Candidacy::votes).sum();
        return new Contest(
                next,
                then.seat(),
                then.electorate(),
                valid,
                OptionalInt.of(100),
                Optional.of(Instant.parse("2029-08-16T02:00:00Z")),
                candidates);
    }
}
