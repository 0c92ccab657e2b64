package org.resultsdesk.core.byelections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.calc.ByElectionCalculator;
import org.resultsdesk.core.calc.ByElectionFigures;
import org.resultsdesk.core.calc.Defence;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Ward;

/** Seats changing hands and average changes over a made-up week, every figure worked out by hand in the comments. */
class WeekTallyTest {
    static final Council TESTSHIRE = new Council("E06000901", "Testshire");
    static final Party LAB = new Party("Lab", "Labour");
    static final Party CON = new Party("Con", "Conservative");
    static final Party GRN = new Party("Green", "Green");
    final ByElectionCalculator calculator =
            new ByElectionCalculator(new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE));

    static LocalContest contest(String code, LocalDate day, boolean by, Object... partyVotes) {
        Ward ward = new Ward(code, "Ward " + code, TESTSHIRE);
        List<LocalCandidacy> cs = new java.util.ArrayList<>();
        for (int i = 0; i < partyVotes.length; i += 2) {
            cs.add(new LocalCandidacy("A", "N" + i, (Party) partyVotes[i], (Integer) partyVotes[i + 1], i == 0, false));
        }
        return new LocalContest(
                new BallotId("testshire", "ward-" + code.toLowerCase(), by, day),
                ward,
                1,
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                cs);
    }

    @Test
    void gainsLossesNetAndTheAverageChangeOverContestsFoughtBothTimes() {
        LocalDate may = LocalDate.of(2025, 5, 1);
        LocalDate by = LocalDate.of(2026, 12, 10);
        // Ward 1: Con 60, Lab 40 then Lab 55, Con 45: Lab gain from Con; Lab +15, Con -15.
        ByElectionFigures one = calculator.calculate(
                contest("E05009911", by, true, LAB, 55, CON, 45),
                Optional.of(contest("E05009911", may, false, CON, 60, LAB, 40)),
                Defence.setBy(CON, "ed"));
        // Ward 2: Lab 50, Con 50 then Lab 70, Con 20, Green 10: Lab hold; Lab +20, Con -30, Green new.
        ByElectionFigures two = calculator.calculate(
                contest("E05009912", by, true, LAB, 70, CON, 20, GRN, 10),
                Optional.of(contest("E05009912", may, false, LAB, 50, CON, 50)),
                Defence.setBy(LAB, "ed"));

        WeekTally tally = WeekTally.of(List.of(one, two));

        assertThat(one.verdict()).isEqualTo(ByElectionFigures.Verdict.GAIN);
        assertThat(two.verdict()).isEqualTo(ByElectionFigures.Verdict.HOLD);
        assertThat(tally.seatsInOrder())
                .extracting(s -> s.party().code() + " " + s.gains() + "/" + s.losses() + " " + s.net())
                .containsExactly("Lab 1/0 1", "Con 0/1 -1");
        assertThat(tally.changes().get("Lab").mean()).isEqualByComparingTo(new BigDecimal("17.5"));
        assertThat(tally.changes().get("Con").mean()).isEqualByComparingTo(new BigDecimal("-22.5"));
        assertThat(tally.changes()).doesNotContainKey("Green");
        // Swing at the gain: (15 - (-15)) / 2 = 15 from Con to Lab.
        assertThat(one.swing().orElseThrow().points()).isEqualByComparingTo(new BigDecimal("15"));
        assertThat(one.swing().orElseThrow().from()).isEqualTo(CON);
    }
}
