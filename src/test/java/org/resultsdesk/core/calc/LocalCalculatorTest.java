package org.resultsdesk.core.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Ward;

class LocalCalculatorTest {
    private static final Ward WARD = new Ward("E05000001", "Central", new Council("E08000017", "Doncaster"));
    private static final Party LAB = new Party("Lab", "Labour");
    private static final Party CON = new Party("Con", "Conservative");
    private static final Party RUK = new Party("RUK", "Reform UK");

    private final LocalContest now = contest(
            LocalDate.of(2025, 5, 1),
            candidate("A", RUK, 600, true),
            candidate("B", RUK, 400, true),
            candidate("C", LAB, 500, true),
            candidate("D", LAB, 300, false),
            candidate("E", CON, 200, false));
    private final LocalContest before = contest(
            LocalDate.of(2021, 5, 6),
            candidate("F", LAB, 800, true),
            candidate("G", LAB, 700, true),
            candidate("H", LAB, 650, true),
            candidate("I", CON, 200, false));

    @Test
    void theTopCandidateMethodSharesEachPartysBestVote() {
        LocalFigures figures = new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE).calculate(now, Optional.of(before));

        // best votes: RUK 600, Lab 500, Con 200 of 1,300; in 2021 Lab 800, Con 200 of 1,000
        assertThat(share(figures, "A")).isEqualByComparingTo(pct(600, 1300));
        assertThat(share(figures, "C")).isEqualByComparingTo(pct(500, 1300));
        assertThat(figures.rows().stream()
                        .filter(r -> r.candidate().familyName().equals("B"))
                        .findFirst()
                        .orElseThrow()
                        .share())
                .isEmpty();
        assertThat(change(figures, "C")).isEqualByComparingTo(pct(500, 1300).subtract(pct(800, 1000)));
        assertThat(figures.rows().get(0).change()).isInstanceOf(ShareChange.New.class);
    }

    @Test
    void theAverageMethodSharesEachPartysMeanVote() {
        LocalFigures figures = new LocalCalculator(MultiMemberMethod.AVERAGE).calculate(now, Optional.empty());

        // means: RUK 500, Lab 400, Con 200 of 1,100
        assertThat(share(figures, "A")).isEqualByComparingTo(pct(500, 1100));
        assertThat(share(figures, "E")).isEqualByComparingTo(pct(200, 1100));
        assertThat(figures.rows().get(0).change()).isInstanceOf(ShareChange.NotCompared.class);
    }

    @Test
    void seatsAreHeldUpToWhatThePartyWonLastTimeAndTheRestGainedFromTheLosers() {
        LocalFigures figures = new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE).calculate(now, Optional.of(before));

        assertThat(figures.seatChanges())
                .containsExactly(
                        new LocalFigures.SeatChange("RUK", 0, List.of("Lab", "Lab")),
                        new LocalFigures.SeatChange("Lab", 1, List.of()));
        assertThat(LocalCalculator.seatChanges(Map.of("Con", 1), Map.of("Con", 1)))
                .containsExactly(new LocalFigures.SeatChange("Con", 1, List.of()));
    }

    @Test
    void aDifferentNumberOfSeatsLastTimeGivesNoSeatBySeatVerdict() {
        LocalContest oneSeat =
                contest(LocalDate.of(2024, 5, 2), candidate("J", CON, 900, true), candidate("K", LAB, 100, false));
        LocalFigures figures =
                new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE).calculate(now, Optional.of(oneSeat));

        assertThat(figures.seatsComparable()).isFalse();
        assertThat(figures.seatChanges()).isEmpty();
    }

    private static BigDecimal pct(int part, int whole) {
        return Percent.of(part, whole);
    }

    private static BigDecimal share(LocalFigures figures, String surname) {
        return row(figures, surname).share().orElseThrow();
    }

    private static BigDecimal change(LocalFigures figures, String surname) {
        return ((ShareChange.Points) row(figures, surname).change()).value();
    }

    private static LocalFigures.Row row(LocalFigures figures, String surname) {
        return figures.rows().stream()
                .filter(r -> r.candidate().familyName().equals(surname))
                .findFirst()
                .orElseThrow();
    }

    private static LocalCandidacy candidate(String surname, Party party, int votes, boolean elected) {
        return new LocalCandidacy("", surname, party, votes, elected, false);
    }

    private static LocalContest contest(LocalDate day, LocalCandidacy... candidates) {
        return new LocalContest(
                BallotId.scheduled("Doncaster", "Central", day),
                WARD,
                (int) java.util.Arrays.stream(candidates)
                        .filter(LocalCandidacy::elected)
                        .count(),
                OptionalInt.of(5000),
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(candidates));
    }
}
