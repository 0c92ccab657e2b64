package org.resultsdesk.core.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.model.Announcement;

/** Figures for real contests, as declared and as the media reported them. */
class RealContestFiguresTest {

    private static BigDecimal rounded(BigDecimal unrounded) {
        return Percent.oneDecimal(unrounded);
    }

    private static Announcement announce(ResultFigures figures) {
        return new AnnouncementFactory().announce(figures);
    }

    @Test
    void wellingboroughOverturnsTheRealMajorityNotLaboursVote() {
        ResultFigures f = TestData.figures("parl.wellingborough.by.2024-02-15", "E14001025");

        assertThat(f.winner().candidacy().votes()).isEqualTo(13_844);
        assertThat(rounded(f.winner().sharePercent())).isEqualByComparingTo("45.9");
        assertThat(f.overturnedMajority()).hasValue(18_540);
        assertThat(rounded(f.swing().orElseThrow().points())).isEqualByComparingTo("28.5");
        assertThat(f.swing().get().from().code()).isEqualTo("Con");
        assertThat(f.swing().get().to().code()).isEqualTo("Lab");
    }

    @Test
    void kingswoodSwingAndTurnoutOnBallotPapers() {
        ResultFigures f = TestData.figures("parl.kingswood.by.2024-02-15", "E14000774");

        assertThat(rounded(f.swing().orElseThrow().points())).isEqualByComparingTo("16.4");
        assertThat(f.overturnedMajority()).hasValue(11_220);
        assertThat(f.turnout().basis()).isEqualTo(Turnout.Basis.BALLOT_PAPERS);
        assertThat(rounded(f.turnout().percent())).isEqualByComparingTo("37.1");
        assertThat(rounded(f.comparison().orElseThrow().turnoutPercent().orElseThrow()))
                .isEqualByComparingTo("71.7");
    }

    @Test
    void blackpoolSouth2024() {
        ResultFigures f = TestData.figures("parl.blackpool-south.by.2024-05-02", "E14000573");
        Announcement a = announce(f);

        assertThat(a.verdict()).isEqualTo("Labour GAIN from Conservative");
        assertThat(f.majority()).isEqualTo(7_607);
        assertThat(f.overturnedMajority()).hasValue(3_690);
        assertThat(a.swing()).contains("Swing 26.3% Con to Lab");
        assertThat(a.rows().get(0).share()).isEqualTo("58.9%");
        assertThat(a.rows()).extracting(Announcement.Row::partyLabel).containsSubsequence("LAB", "CON", "RUK");
    }

    @Test
    void runcornAndHelsbyWonByReformWithAMajorityOfSix() {
        ResultFigures f = TestData.figures("parl.runcorn-and-helsby.by.2025-05-01", "E14001455");
        Announcement a = announce(f);

        assertThat(f.majority()).isEqualTo(6);
        assertThat(a.verdict()).isEqualTo("Reform UK GAIN from Labour");
        assertThat(a.winnerLine()).isEqualTo("Sarah Joanne Pochin (RUK) elected, majority 6 (<0.1%)");
        assertThat(f.overturnedMajority()).hasValue(14_696);
        assertThat(f.swing().orElseThrow().from().code()).isEqualTo("Lab");
        assertThat(f.swing().get().to().code()).isEqualTo("RUK");
    }

    @Test
    void rochdaleHasNoSwingBecauseTheWinnersPartyDidNotStandBefore() {
        ResultFigures f = TestData.figures("parl.rochdale.by.2024-02-29", "E14000897");
        Announcement a = announce(f);

        assertThat(f.winner().candidacy().party().code()).isEqualTo("WPB");
        assertThat(f.winner().change()).isInstanceOf(ShareChange.New.class);
        assertThat(f.swing()).isEmpty();
        assertThat(a.swing()).isEmpty();
        assertThat(a.swingAndTurnout()).startsWith("Turnout ");
        assertThat(a.verdict()).isEqualTo("Workers Party GAIN from Labour");
    }

    @Test
    void ge2024ChangeIsAgainstTheNotionalResultWithBrexitPartyAsReformUk() {
        ResultFigures f = TestData.figures("parl.2024-07-04", "W07000081");

        assertThat(f.comparison().orElseThrow().label()).isEqualTo("2019 notional");
        CandidateFigures reform = f.rows().stream()
                .filter(r -> r.candidacy().party().code().equals("RUK"))
                .findFirst()
                .orElseThrow();
        BigDecimal brexitNotional = ResultCalculator.priorShare(
                        f.comparison().get(), reform.candidacy().party(), "")
                .orElseThrow();
        assertThat(rounded(brexitNotional)).isEqualByComparingTo("8.5");
        assertThat(rounded(((ShareChange.Points) reform.change()).value())).isEqualByComparingTo("12.4");
        assertThat(f.verdict().orElseThrow().gain()).isFalse();
    }
}
