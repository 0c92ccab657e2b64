package org.resultsdesk.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.FeedMessage;

/** The bounds a declaration must keep, and the boundaries in force on its date. */
class DeclarationValidatorTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    final DeclarationValidator validator = new DeclarationValidator(TestData.archive(), ResultLimits.DEFAULTS, NOW);
    final DeclarationValidator farSighted =
            new DeclarationValidator(TestData.archive(), ResultLimits.DEFAULTS.withMaxDaysAhead(100_000), NOW);

    static Contest at(Contest c, Election election) {
        return new Contest(
                election, c.seat(), c.electorate(), c.validVotes(), c.invalidVotes(), c.declaredAt(), c.candidates());
    }

    static Election general(String date) {
        return new Election("parl." + date, ElectionKind.GENERAL, LocalDate.parse(date));
    }

    @Test
    void aFutureGeneralElectionIsFineOnTodaysBoundariesAndRefusedForAnAbolishedSeat() {
        Contest bristol = TestData.contest("parl.2024-07-04", "E14001133");
        Contest kingswood = TestData.contest("parl.2019-12-12", "E14000774");

        assertThat(farSighted.problem(at(bristol, general("2029-08-15")))).isEmpty();
        assertThat(farSighted.problem(at(kingswood, general("2099-05-07"))))
                .get()
                .asString()
                .contains("not contested at parl.2024-07-04");
        assertThat(validator.problem(at(bristol, general("2029-08-15"))))
                .get()
                .asString()
                .contains("outside 1900-01-01 to 2026-11-27");
        assertThat(validator.problem(at(bristol, general("2026-11-27")))).isEmpty();
        assertThat(validator.problem(at(bristol, general("2017-06-08"))))
                .get()
                .asString()
                .contains("first contested on 2019-12-12: not on the boundaries in force on 2017-06-08");
        assertThat(validator.problem(kingswood)).isEmpty();
    }

    @Test
    void aRehearsalOfANightFindsItsSeatsThoughTheirOnlyResultsOnFileAreLaterByElections() {
        DeclarationValidator rehearsal =
                new DeclarationValidator(TestData.archive().without("parl.2019-12-12"), ResultLimits.DEFAULTS, NOW);
        Contest kingswood = TestData.contest("parl.2019-12-12", "E14000774");
        Contest meriden = TestData.contest("parl.2019-12-12", "E14000812");

        assertThat(rehearsal.problem(kingswood))
                .as("only the 2024 by-election is on file")
                .isEmpty();
        assertThat(rehearsal.problem(meriden)).as("no result on file at all").isEmpty();
        assertThat(rehearsal.problem(at(TestData.contest("parl.2024-07-04", "E14001133"), general("2019-06-01"))))
                .as("a 2024 seat, first fought in the 2019 notionals")
                .get()
                .asString()
                .contains("not on the boundaries in force");
    }

    @Test
    void implausibleFiguresAreRefused() {
        Contest kingswood = TestData.contest("parl.2019-12-12", "E14000774");
        List<Candidacy> huge = kingswood.candidates().stream()
                .map(c -> new Candidacy(c.givenName(), c.familyName(), c.party(), Integer.MAX_VALUE))
                .toList();
        assertThat(validator.problem(new Contest(
                        kingswood.election(),
                        kingswood.seat(),
                        Integer.MAX_VALUE,
                        Integer.MAX_VALUE * huge.size(),
                        OptionalInt.empty(),
                        Optional.empty(),
                        huge)))
                .get()
                .asString()
                .contains("more than 300000");

        List<Candidacy> crowd = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            crowd.add(new Candidacy("A", "Candidate" + i, kingswood.winner().party(), 10));
        }
        assertThat(validator.problem(new Contest(
                        kingswood.election(),
                        kingswood.seat(),
                        70_000,
                        510,
                        OptionalInt.empty(),
                        Optional.empty(),
                        crowd)))
                .get()
                .asString()
                .contains("51 candidates");
    }

    @Test
    void aFileNamingOneContestTwiceIsRefusedNamingBoth() {
        Contest kingswood = TestData.contest("parl.2019-12-12", "E14000774");
        Contest other = TestData.contest("parl.2019-12-12", "E14000530");
        assertThat(validator.fileProblem(List.of(
                        new FeedMessage.Result(kingswood, 1),
                        new FeedMessage.Result(other, 1),
                        new FeedMessage.Result(kingswood, 1))))
                .get()
                .asString()
                .contains("parl.2019-12-12/E14000774 (Kingswood) twice, as messages 1 and 3");
        assertThat(validator.fileProblem(
                        List.of(new FeedMessage.Result(kingswood, 1), new FeedMessage.Result(other, 1))))
                .isEmpty();
    }
}
