package org.resultsdesk.core.night;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.calc.Comparisons;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.night.NightCommandsFixture.Desk;

/** History lines claim only what the results on file (GE2019 onwards) prove. */
class ResultContextTest {
    static final String NEXT = NightBaselineTest.NEXT;
    final Desk desk = NightCommandsFixture.desk(NEXT);
    final ResultContext context = new ResultContext(desk.tonight());

    @Test
    void reformsRuncornWinIsItsFirstThereInTheResultsOnFile() {
        Contest runcorn = TestData.contest("parl.runcorn-and-helsby.by.2025-05-01", "E14001455");

        assertThat(context.lines(runcorn))
                .containsExactly("First win for Reform UK in this seat in the results on file (2019 onwards)");
        assertThat(NightReplayTest.text(desk.commands().handle("/result runcorn and helsby", ChatContext.console())))
                .contains("First win for Reform UK in this seat in the results on file (2019 onwards)");
    }

    @Test
    void aHoldSaysNothingAndNothingIsClaimedFromBeforeGe2019() {
        // Labour held Runcorn in 2024 against its 2019 notional result.
        assertThat(context.lines(TestData.contest("parl.2024-07-04", "E14001455")))
                .isEmpty();
        // Blyth Valley 2019 was a Conservative gain, but 2017 is known only as a comparison: no history claimed.
        Contest blyth = TestData.archive().contestsOf("parl.2019-12-12").stream()
                .filter(c -> c.seat().name().equals("Blyth Valley"))
                .findFirst()
                .orElseThrow();
        assertThat(TestData.figures("parl.2019-12-12", blyth.seat().gss())
                        .verdict()
                        .orElseThrow()
                        .gain())
                .isTrue();
        assertThat(context.lines(blyth)).isEmpty();
    }

    @Test
    void kingswoodsByElectionWasLaboursFirstWinThereSinceGe2019AndNotANightLineOnAnotherNight() {
        Contest kingswood = TestData.contest("parl.kingswood.by.2024-02-15", "E14000774");

        assertThat(context.lines(kingswood))
                .containsExactly("First win for Labour in this seat in the results on file (2019 onwards)");
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
                .containsExactly("First win for Labour here since 2024", "The first seat to change hands tonight");

        // A seat the Conservatives won only in the 2019 notionals, won back.
        Contest lost = TestData.archive().contestsOf("parl.2024-07-04").stream()
                .filter(c -> c.winner().party().code().equals("Lab"))
                .filter(c -> TestData.archive()
                        .comparisonFor(c)
                        .orElseThrow()
                        .winner()
                        .code()
                        .equals("Con"))
                .filter(c -> TestData.archive()
                                .contestsIn(java.util.List.of(c.seat()))
                                .size()
                        == 1)
                .findFirst()
                .orElseThrow();
        Contest conBack = NightBaselineTest.tonightsWin(lost, "Con");
        desk.archive().put(conBack, Optional.of(Comparisons.fromContest(lost, "2024")));

        assertThat(context.lines(conBack))
                .contains("First win for the Conservatives here since 2019 (notional result)");
        // Two gains declared at the same minute: neither can be called the first.
        assertThat(conBack.declaredAt()).isEqualTo(labourBack.declaredAt());
        assertThat(context.lines(labourBack)).doesNotContain("The first seat to change hands tonight");
        assertThat(context.lines(conBack)).doesNotContain("The first seat to change hands tonight");
    }
}
