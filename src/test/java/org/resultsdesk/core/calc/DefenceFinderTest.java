package org.resultsdesk.core.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.announce.ByElectionWriter;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.Councillor;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Ward;

/** Who defends, from a made-up council: each way the data settles it, and each way it does not. */
class DefenceFinderTest {
    static final Council TESTSHIRE = new Council("E06000901", "Testshire");
    static final Ward HIGH = new Ward("E05009901", "High Street", TESTSHIRE);
    static final Ward MILL = new Ward("E05009902", "Mill & Weir", TESTSHIRE);
    static final Ward NEW = new Ward("E05009903", "Newtown", TESTSHIRE);
    static final Ward EMPTY = new Ward("E05009904", "Nowhere", TESTSHIRE);
    static final Party LAB = new Party("Lab", "Labour");
    static final Party CON = new Party("Con", "Conservative");
    static final Party IND = new Party("Ind", "Independent");
    static final LocalDate MAY_2025 = LocalDate.of(2025, 5, 1);
    static final LocalDate BY_DAY = LocalDate.of(2026, 12, 10);

    static LocalCandidacy c(String family, Party party, int votes, boolean elected) {
        return new LocalCandidacy("A", family, party, votes, elected, false);
    }

    static LocalContest contest(Ward ward, LocalDate day, boolean by, int seats, LocalCandidacy... cs) {
        return new LocalContest(
                new BallotId("testshire", BallotId.slug(ward.name()), by, day),
                ward,
                seats,
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.of(new BigDecimal("30.0")),
                Optional.empty(),
                List.of(cs));
    }

    static Councillor sits(Ward ward, String name, Party party) {
        return new Councillor(TESTSHIRE, ward.name().replace("&", "and"), name, party, Optional.empty());
    }

    final DefenceFinder finder = new DefenceFinder();

    @Test
    void threeSeatsWonByOnePartyAndARosterThatAgreesSettleIt() {
        LocalArchive archive = new LocalArchive(
                List.of(TESTSHIRE),
                List.of(contest(
                        MILL,
                        MAY_2025,
                        false,
                        3,
                        c("One", CON, 900, true),
                        c("Two", CON, 880, true),
                        c("Three", CON, 870, true),
                        c("Four", LAB, 500, false))),
                Map.of(),
                List.of(sits(MILL, "One", CON), sits(MILL, "Two", CON)));

        Defence defence = finder.derive(archive, MILL, BY_DAY);

        assertThat(defence.party()).contains(CON);
        assertThat(defence.basis()).isEqualTo(Defence.Basis.RESULT);
        assertThat(ByElectionWriter.evidence(defence))
                .isEqualTo("Con defence: all three seats won by the Conservatives in 2025");
    }

    @Test
    void aRosterListingAnotherPartyThanTheLastResultLeavesItUnknown() {
        LocalArchive archive = new LocalArchive(
                List.of(TESTSHIRE),
                List.of(contest(HIGH, MAY_2025, false, 1, c("Old", CON, 600, true), c("Red", LAB, 400, false))),
                Map.of(),
                List.of(sits(HIGH, "Old", IND)));

        Defence defence = finder.derive(archive, HIGH, BY_DAY);

        assertThat(defence.party()).isEmpty();
        assertThat(defence.basis()).isEqualTo(Defence.Basis.DISAGREE);
        assertThat(ByElectionWriter.evidence(defence)).startsWith("Defence unknown: the roster now lists Ind 1");
    }

    @Test
    void aByElectionSinceTheLastFullElectionCountsAndCanSplitTheWard() {
        LocalArchive archive = new LocalArchive(
                List.of(TESTSHIRE),
                List.of(
                        contest(
                                MILL,
                                MAY_2025,
                                false,
                                2,
                                c("One", CON, 900, true),
                                c("Two", CON, 880, true),
                                c("Three", LAB, 500, false)),
                        contest(
                                MILL,
                                LocalDate.of(2026, 3, 5),
                                true,
                                1,
                                c("Four", LAB, 700, true),
                                c("Five", CON, 600, false))),
                Map.of(),
                List.of());

        Defence defence = finder.derive(archive, MILL, BY_DAY);

        assertThat(defence.basis()).isEqualTo(Defence.Basis.SPLIT);
        assertThat(defence.split()).containsExactly(Map.entry("Con", 2), Map.entry("Lab", 1));
    }

    @Test
    void withNoResultTheRosterSettlesItOnlyWhenItIsOneParty() {
        LocalArchive archive = new LocalArchive(
                List.of(TESTSHIRE),
                List.of(),
                Map.of(),
                List.of(sits(NEW, "X", LAB), sits(NEW, "Y", LAB), sits(HIGH, "Z", LAB), sits(HIGH, "W", CON)));

        Defence roster = finder.derive(archive, NEW, BY_DAY);
        Defence split = finder.derive(archive, HIGH, BY_DAY);
        Defence nothing = finder.derive(archive, EMPTY, BY_DAY);

        assertThat(roster.party()).contains(LAB);
        assertThat(ByElectionWriter.evidence(roster))
                .isEqualTo("Lab defence: both councillors on the roster are Labour (Open Council Data UK)");
        assertThat(split.party()).isEmpty();
        assertThat(ByElectionWriter.evidence(split))
                .startsWith("Defence unknown: seats split Con 1, Lab 1 on the roster");
        assertThat(nothing).isEqualTo(Defence.unknown());
    }

    @Test
    void aResultOnOrAfterTheByElectionDayIsNotItsEvidence() {
        LocalArchive archive = new LocalArchive(
                List.of(TESTSHIRE),
                List.of(contest(HIGH, BY_DAY, true, 1, c("New", LAB, 600, true), c("Old", CON, 400, false))),
                Map.of(),
                List.of());

        assertThat(finder.derive(archive, HIGH, BY_DAY)).isEqualTo(Defence.unknown());
    }
}
