package org.resultsdesk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LocalModelTest {
    private static final Council BUCKS = new Council("E06000060", "Buckinghamshire");
    private static final Council KENT = new Council("E10000016", "Kent");
    private static final Party CON = new Party("Con", "Conservative");
    private static final Party LAB = new Party("Lab", "Labour");

    @Test
    void ballotIdsReadAndWriteAsDemocracyClubSpellsThem() {
        BallotId by =
                BallotId.parse("local.east-devon.exmouth-halsdon.by.2025-12-04").orElseThrow();
        assertThat(by.organisation()).isEqualTo("east-devon");
        assertThat(by.ward()).isEqualTo("exmouth-halsdon");
        assertThat(by.byElection()).isTrue();
        assertThat(by.date()).isEqualTo(LocalDate.of(2025, 12, 4));
        assertThat(by.electionGroup()).isEqualTo("local.2025-12-04");
        assertThat(by).hasToString("local.east-devon.exmouth-halsdon.by.2025-12-04");
        assertThat(BallotId.parse("local.buckinghamshire.abbey.2025-05-01")
                        .orElseThrow()
                        .byElection())
                .isFalse();
    }

    @Test
    void textThatIsNotABallotIdIsNoneNeverAnException() {
        assertThat(BallotId.parse("parl.2024-07-04")).isEmpty();
        assertThat(BallotId.parse("local.kent.abbey.2025-02-30")).isEmpty();
        assertThat(BallotId.parse("local..abbey.2025-05-01")).isEmpty();
        assertThat(BallotId.parse("<script>")).isEmpty();
        assertThat(BallotId.parse(null)).isEmpty();
    }

    @Test
    void slugsDropPunctuationAndFoldAccentsAsDemocracyClubDoes() {
        assertThat(BallotId.slug("Amersham & Chesham Bois")).isEqualTo("amersham-chesham-bois");
        assertThat(BallotId.slug("St. John's")).isEqualTo("st-johns");
        assertThat(BallotId.slug("Ynys Môn")).isEqualTo("ynys-mon");
        assertThat(BallotId.slug("Holywell-cum-Needingworth")).isEqualTo("holywell-cum-needingworth");
    }

    @Test
    void englishAndWelshCouncilsCountByFirstPastThePostScottishAndNorthernIrishBySingleTransferableVote() {
        LocalDate may2027 = LocalDate.of(2027, 5, 6);
        assertThat(VotingSystem.forLocal(KENT, may2027)).isEqualTo(VotingSystem.FPTP);
        assertThat(VotingSystem.forLocal(new Council("W06000001", "Isle of Anglesey"), may2027))
                .isEqualTo(VotingSystem.FPTP);
        assertThat(VotingSystem.forLocal(new Council("S12000033", "Aberdeen City"), may2027))
                .isEqualTo(VotingSystem.STV);
        assertThat(VotingSystem.forLocal(new Council("S12000033", "Aberdeen City"), LocalDate.of(2003, 5, 1)))
                .isEqualTo(VotingSystem.FPTP);
        assertThat(VotingSystem.forLocal(new Council("N09000003", "Belfast"), may2027))
                .isEqualTo(VotingSystem.STV);
        assertThat(VotingSystem.STV.supported()).isFalse();
    }

    @Test
    void aCountyCouncilsAreasAreDivisions() {
        assertThat(KENT.type()).isEqualTo(CouncilType.COUNTY);
        assertThat(KENT.fullName()).isEqualTo("Kent County Council");
        assertThat(new Ward("E58000001", "Birchington", KENT).areaWord()).isEqualTo("division");
        assertThat(new Ward("E05015927", "Abbey", BUCKS).areaWord()).isEqualTo("ward");
        assertThat(BUCKS.fullName()).isEqualTo("Buckinghamshire Council");
        assertThatThrownBy(() -> new Council("E14000774", "Kingswood")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContestMustElectAsManyAsItsSeats() {
        Ward abbey = new Ward("E05015927", "Abbey", BUCKS);
        List<LocalCandidacy> oneElected =
                List.of(candidate("A", CON, 100, true), candidate("B", CON, 90, false), candidate("C", LAB, 80, false));
        assertThatThrownBy(() -> contest(abbey, 2, LocalDate.of(2025, 5, 1), oneElected))
                .hasMessageContaining("1 elected for 2 seats");
    }

    @Test
    void theTallyCountsSeatsByPartyMostFirst() {
        Ward abbey = new Ward("E05015927", "Abbey", BUCKS);
        LocalContest contest = contest(
                abbey,
                3,
                LocalDate.of(2025, 5, 1),
                List.of(
                        candidate("A", CON, 300, true),
                        candidate("B", LAB, 280, true),
                        candidate("C", LAB, 270, true),
                        candidate("D", CON, 100, false)));
        assertThat(contest.seatsByParty()).containsExactly(Map.entry("Lab", 2), Map.entry("Con", 1));
        assertThat(contest.elected()).extracting(LocalCandidacy::familyName).containsExactly("A", "B", "C");
        assertThat(contest.totalVotes()).isEqualTo(950);
        assertThat(contest.uncontested()).isFalse();
    }

    @Test
    void theComparisonIsTheLastEarlierContestOnTheSameCodeInTheSameCouncil() {
        Ward abbey = new Ward("E05015927", "Abbey", BUCKS);
        Ward renamed = new Ward("E05015927", "Abbey Ward", BUCKS);
        Ward newWard = new Ward("E05099999", "Abbey", BUCKS);
        LocalContest y2021 = contest(abbey, 1, LocalDate.of(2021, 5, 6), List.of(candidate("A", CON, 9, true)));
        LocalContest y2025 = contest(renamed, 1, LocalDate.of(2025, 5, 1), List.of(candidate("B", LAB, 9, true)));
        LocalContest other = contest(newWard, 1, LocalDate.of(2025, 5, 1), List.of(candidate("C", LAB, 9, true)));
        LocalArchive archive = new LocalArchive(List.of(BUCKS), List.of(y2021, y2025, other), Map.of(), List.of());

        assertThat(archive.previous(y2025)).contains(y2021);
        assertThat(archive.previous(y2021)).isEmpty();
        assertThat(archive.previous(other)).isEmpty();
        assertThat(archive.contestsOn("E05015927")).containsExactly(y2025, y2021);
        assertThat(archive.councilsVotingOn(LocalDate.of(2025, 5, 1))).containsExactly(BUCKS);
    }

    @Test
    void controlIsMoreThanHalfTheSeatsElseNoOverallControl() {
        CouncilComposition kent = new CouncilComposition(KENT, 81, Map.of("RUK", 57, "Con", 5, "LD", 12), "results");
        assertThat(kent.control()).isEqualTo(new CouncilControl.Majority("RUK"));
        assertThat(kent.seatsByParty().keySet()).containsExactly("RUK", "LD", "Con");
        assertThat(kent.majorityLine()).isEqualTo(41);
        CouncilComposition hung = new CouncilComposition(KENT, 80, Map.of("RUK", 40, "Con", 40), "results");
        assertThat(hung.control()).isEqualTo(new CouncilControl.NoOverallControl());
        CouncilComposition others = new CouncilComposition(KENT, 10, Map.of("Oth", 6, "Con", 4), "results");
        assertThat(others.control()).isEqualTo(new CouncilControl.NoOverallControl());
        assertThatThrownBy(() -> new CouncilComposition(KENT, 5, Map.of("Con", 6), "results"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LocalCandidacy candidate(String surname, Party party, int votes, boolean elected) {
        return new LocalCandidacy("", surname, party, votes, elected, false);
    }

    private static LocalContest contest(Ward ward, int seats, LocalDate day, List<LocalCandidacy> candidates) {
        return new LocalContest(
                BallotId.scheduled(ward.council().name(), ward.name(), day),
                ward,
                seats,
                OptionalInt.of(1000),
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                candidates);
    }
}
