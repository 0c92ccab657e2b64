package org.resultsdesk.core.night;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.calc.Comparisons;
import org.resultsdesk.core.history.Predecessors;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.night.NightCommandsFixture.Desk;

/**
 * The context lines as /result shows them, and tonight's lines beside the history. What each history line claims,
 * seat by seat, is checked against the source rows in HistoryLinesGoldenTest.
 */
class ResultContextTest {
    static final String NEXT = NightBaselineTest.NEXT;
    final Desk desk = NightCommandsFixture.desk(NEXT);
    final ResultContext context = new ResultContext(desk.tonight());

    @Test
    void runcornsHistoryLinesAreShownUnderTheResult() {
        Contest runcorn = TestData.contest("parl.runcorn-and-helsby.by.2025-05-01", "E14001455");

        assertThat(context.lines(runcorn)).hasSize(2);
        String shown =
                NightReplayTest.text(desk.commands().handle("/result runcorn and helsby", ChatContext.console()));
        context.lines(runcorn).forEach(line -> assertThat(shown).contains(line));
    }

    @Test
    void noHistoryIsClaimedForTheSpeakerOrAnIndependent() {
        Contest chorley = TestData.contest("parl.2024-07-04", "E14001170");
        assertThat(chorley.winner().party().code()).isEqualTo("Spk");
        assertThat(context.lines(chorley)).isEmpty();
        Contest blackburn = TestData.contest("parl.2024-07-04", "E14001102");
        assertThat(blackburn.winner().party().isIndependent()).isTrue();
        assertThat(context.lines(blackburn)).isEmpty();
    }

    @Test
    void aPartyWinningBackASeatIsTheFirstWinSinceTheYearItLastWon() {
        // Labour won Runcorn in 2024 and lost it to Reform in 2025: a Labour win at the next election.
        Contest runcorn2024 = TestData.contest("parl.2024-07-04", "E14001455");
        Contest labourBack = NightBaselineTest.tonightsWin(runcorn2024, "Lab");
        desk.archive()
                .put(
                        labourBack,
                        Optional.of(Comparisons.fromContest(
                                TestData.contest("parl.runcorn-and-helsby.by.2025-05-01", "E14001455"),
                                "2025 by-election")));

        assertThat(context.lines(labourBack))
                .containsExactly(
                        "First win for Labour in Runcorn and Helsby since 2024",
                        "The first seat to change hands tonight");

        // A seat the Conservatives won only in the 2019 notionals, formed from several seats none of which holds
        // most of its people: its record starts with the notional result.
        Contest lost = TestData.archive().contestsOf("parl.2024-07-04").stream()
                .filter(c -> c.winner().party().code().equals("Lab"))
                .filter(c -> TestData.archive()
                        .comparisonFor(c)
                        .orElseThrow()
                        .winner()
                        .code()
                        .equals("Con"))
                .filter(c -> Predecessors.bundled().of(c.seat().gss()).isEmpty())
                .filter(c -> TestData.archive()
                                .contestsIn(java.util.List.of(c.seat()))
                                .size()
                        == 1)
                .findFirst()
                .orElseThrow();
        Contest conBack = NightBaselineTest.tonightsWin(lost, "Con");
        desk.archive().put(conBack, Optional.of(Comparisons.fromContest(lost, "2024")));

        assertThat(context.lines(conBack))
                .contains("First win for the Conservatives in " + lost.seat().name() + " since 2019 (notional result)");
        // Two gains declared at the same minute: neither can be called the first.
        assertThat(conBack.declaredAt()).isEqualTo(labourBack.declaredAt());
        assertThat(context.lines(labourBack)).doesNotContain("The first seat to change hands tonight");
        assertThat(context.lines(conBack)).doesNotContain("The first seat to change hands tonight");
    }
}
