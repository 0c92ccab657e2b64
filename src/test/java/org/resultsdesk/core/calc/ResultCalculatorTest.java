package org.resultsdesk.core.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Seat;

/** The rules of DESIGN.md §3 on small made-up contests, where every figure can be checked by hand. */
class ResultCalculatorTest {
    static final Party CON = new Party("Con", "Conservative");
    static final Party LAB = new Party("Lab", "Labour");
    static final Party LAB_COOP = new Party("Lab", "Labour and Co-operative");
    static final Party LD = new Party("LD", "Liberal Democrat");
    static final Party BRX = new Party("BRX", "The Brexit Party");
    static final Party RUK = new Party("RUK", "Reform UK");
    static final Party IND = new Party("Ind", "Independent");
    static final Seat SEAT = new Seat("E14000001", "Testshire", "South West", "England");
    static final ResultCalculator CALC = new ResultCalculator();

    static Contest contest(ElectionKind kind, String date, int invalid, Candidacy... candidates) {
        int valid = List.of(candidates).stream().mapToInt(Candidacy::votes).sum();
        return new Contest(
                new Election("parl.test." + date, kind, LocalDate.parse(date)),
                SEAT,
                valid * 2,
                valid,
                OptionalInt.of(invalid),
                Optional.empty(),
                List.of(candidates));
    }

    static Candidacy c(String name, Party party, int votes) {
        String[] names = name.split(" ");
        return new Candidacy(names[0], names[1], party, votes);
    }

    static BigDecimal r(BigDecimal v) {
        return Percent.oneDecimal(v);
    }

    @Test
    void aHoldReportsTheSwingFromWhicheverPartyFellBack() {
        Contest before = contest(
                ElectionKind.GENERAL, "2019-12-12", 0, c("A Con", CON, 500), c("B Lab", LAB, 400), c("C Ld", LD, 100));
        Contest now = contest(
                ElectionKind.BY_ELECTION,
                "2021-05-06",
                0,
                c("D Con", CON, 450),
                c("E Lab", LAB, 450 - 1),
                c("F Ld", LD, 101));
        ResultFigures f = CALC.calculate(now, Optional.of(Comparisons.fromContest(before, "2019")));

        assertThat(f.verdict().orElseThrow().gain()).isFalse();
        // Con 50.0 -> 45.0 (-5.0), Lab 40.0 -> 44.9 (+4.9): swing (4.9 + 5.0) / 2 = 4.95 from Con to Lab
        assertThat(f.swing().orElseThrow().from()).isEqualTo(CON);
        assertThat(f.swing().get().to()).isEqualTo(LAB);
        assertThat(r(f.swing().get().points())).isEqualByComparingTo("5.0");
    }

    @Test
    void aHoldWhereTheWinnerGainedGround() {
        Contest before = contest(
                ElectionKind.GENERAL, "2019-12-12", 0, c("A Con", CON, 500), c("B Lab", LAB, 400), c("C Ld", LD, 100));
        Contest now = contest(
                ElectionKind.BY_ELECTION,
                "2021-05-06",
                0,
                c("D Con", CON, 600),
                c("E Lab", LAB, 300),
                c("F Ld", LD, 100));
        Swing s = CALC.calculate(now, Optional.of(Comparisons.fromContest(before, "2019")))
                .swing()
                .orElseThrow();

        assertThat(s.from()).isEqualTo(LAB);
        assertThat(s.to()).isEqualTo(CON);
        assertThat(r(s.points())).isEqualByComparingTo("10.0");
    }

    @Test
    void labourCoOpIsLabourAndReformContinuesTheBrexitParty() {
        Contest before = contest(
                ElectionKind.NOTIONAL,
                "2019-12-12",
                0,
                c("A Lab", LAB_COOP, 500),
                c("B Brx", BRX, 100),
                c("C Con", CON, 400));
        Contest now = contest(
                ElectionKind.GENERAL,
                "2024-07-04",
                10,
                c("D Lab", LAB, 500),
                c("E Ruk", RUK, 300),
                c("F Con", CON, 200));
        ResultFigures f = CALC.calculate(now, Optional.of(Comparisons.fromContest(before, "2019 notional")));

        assertThat(f.verdict().orElseThrow().gain()).isFalse();
        assertThat(f.rows().get(1).change()).isEqualTo(new ShareChange.Points(new BigDecimal("20")));
        assertThat(f.overturnedMajority()).isEmpty();
    }

    @Test
    void aGainByANewPartyHasNoSwingAndOverturnsTheOldMajority() {
        Contest before = contest(ElectionKind.GENERAL, "2019-12-12", 0, c("A Lab", LAB, 600), c("B Con", CON, 400));
        Contest now = contest(
                ElectionKind.BY_ELECTION,
                "2024-02-29",
                0,
                c("G Galloway", new Party("WPB", "Workers"), 500),
                c("C Lab", LAB, 300),
                c("D Con", CON, 200));
        ResultFigures f = CALC.calculate(now, Optional.of(Comparisons.fromContest(before, "2019")));

        assertThat(f.verdict().orElseThrow().gain()).isTrue();
        assertThat(f.verdict().get().previousWinner()).isEqualTo(LAB);
        assertThat(f.rows().get(0).change()).isInstanceOf(ShareChange.New.class);
        assertThat(f.swing()).isEmpty();
        assertThat(f.overturnedMajority()).hasValue(200);
        assertThat(f.majority()).isEqualTo(200);
    }

    @Test
    void independentsAreTheSamePartyOnlyWhenTheSamePersonStandsAgain() {
        Contest before =
                contest(ElectionKind.GENERAL, "2017-06-08", 0, c("Sylvia Hermon", IND, 600), c("B Con", CON, 400));
        Contest sameAgain =
                contest(ElectionKind.GENERAL, "2019-12-12", 0, c("Sylvia Hermon", IND, 500), c("B Con", CON, 500 - 1));
        Contest someoneElse =
                contest(ElectionKind.GENERAL, "2019-12-12", 0, c("Other Person", IND, 500), c("B Con", CON, 499));

        assertThat(CALC.calculate(sameAgain, Optional.of(Comparisons.fromContest(before, "2017")))
                        .verdict()
                        .orElseThrow()
                        .gain())
                .isFalse();
        ResultFigures other = CALC.calculate(someoneElse, Optional.of(Comparisons.fromContest(before, "2017")));
        assertThat(other.verdict().orElseThrow().gain()).isTrue();
        assertThat(other.rows().get(0).change()).isInstanceOf(ShareChange.New.class);
    }

    @Test
    void turnoutCountsBallotPapersWhereRejectedBallotsAreKnown() {
        Contest now = contest(
                ElectionKind.BY_ELECTION,
                "2024-02-15",
                36,
                c("A Lab", LAB, 11_176),
                c("B Con", CON, 8_675),
                c("C Ld", LD, 5_018));
        // electorate is twice the valid vote: (24,869 + 36) / 49,738 = 50.07%; valid only would be exactly 50%.
        Turnout t = CALC.calculate(now, Optional.empty()).turnout();
        assertThat(t.basis()).isEqualTo(Turnout.Basis.BALLOT_PAPERS);
        assertThat(r(t.percent())).isEqualByComparingTo("50.1");

        Turnout valid = Turnout.of(1000, 500, OptionalInt.empty());
        assertThat(valid.basis()).isEqualTo(Turnout.Basis.VALID_VOTES);
        assertThat(valid.percent()).isEqualByComparingTo("50");
    }

    @Test
    void roundingIsHalfUpOnceFromTheUnroundedValue() {
        assertThat(Percent.oneDecimal(new BigDecimal("16.45"))).isEqualByComparingTo("16.5");
        assertThat(Percent.oneDecimal(new BigDecimal("16.4499999"))).isEqualByComparingTo("16.4");
        assertThat(Percent.oneDecimal(new BigDecimal("-21.35"))).isEqualByComparingTo("-21.4");
        // 1 of 8 is exactly 12.5%: one rounding gives 12.5, never 13 via 12.5 -> 13.
        assertThat(Percent.oneDecimal(Percent.of(1, 8))).isEqualByComparingTo("12.5");
        assertThat(Percent.oneDecimal(Percent.of(2, 3))).isEqualByComparingTo("66.7");
    }

    @Test
    void noComparisonMeansNoVerdictChangeOrSwing() {
        ResultFigures f = CALC.calculate(
                contest(ElectionKind.GENERAL, "2019-12-12", 0, c("A Con", CON, 2), c("B Lab", LAB, 1)),
                Optional.empty());
        assertThat(f.verdict()).isEmpty();
        assertThat(f.swing()).isEmpty();
        assertThat(f.rows()).allSatisfy(r -> assertThat(r.change()).isInstanceOf(ShareChange.NotCompared.class));
    }
}
