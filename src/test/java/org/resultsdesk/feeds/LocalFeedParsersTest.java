package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedRejected;

/** The local feed formats on a made-up council: what becomes a result, what is passed over, what refuses the file. */
class LocalFeedParsersTest {
    static final Council TESTSHIRE = new Council("E06000901", "Testshire");
    static final Ward MILL = new Ward("E05009902", "Mill & Weir", TESTSHIRE);

    static LocalArchive archive() {
        return new LocalArchive(
                List.of(TESTSHIRE),
                List.of(new LocalContest(
                        BallotId.scheduled("Testshire", "Mill & Weir", LocalDate.of(2021, 5, 6)),
                        MILL,
                        1,
                        OptionalInt.empty(),
                        OptionalInt.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(new LocalCandidacy(
                                "Ada", "Mill", new Party("Lab", "Labour Party"), 900, true, false)))),
                Map.of(),
                List.of());
    }

    static final String HEADER = "person_id,person_name,election_id,ballot_paper_id,election_date,election_current,"
            + "party_name,party_id,post_label,cancelled_poll,seats_contested,votes_cast,elected,gss\n";

    static List<FeedMessage> csv(String body) throws FeedRejected {
        return new DemocracyClubCsvFeedParser(LocalFeedParsersTest::archive)
                .parse(new FeedFile("dc.csv", (HEADER + body).getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
    }

    @Test
    void aDeclaredTwoSeatBallotIsOneResultOnTheArchivesOwnWardAndACountingOneIsPassedOver() throws Exception {
        List<FeedMessage> messages = csv("""
                1,Ada Mill,local.testshire.2025-05-01,local.testshire.mill-weir.2025-05-01,2025-05-01,t,Labour Party,PP53,Mill and Weir,f,2,800,t,E05009902
                2,Cy Blue,local.testshire.2025-05-01,local.testshire.mill-weir.2025-05-01,2025-05-01,t,Conservative and Unionist Party,PP52,Mill and Weir,f,2,780,t,E05009902
                3,Ben Weir,local.testshire.2025-05-01,local.testshire.mill-weir.2025-05-01,2025-05-01,t,Labour Party,PP53,Mill and Weir,f,2,760,f,E05009902
                4,Al Other,local.testshire.2025-05-01,local.testshire.high-street.2025-05-01,2025-05-01,t,Green Party,PP63,High Street,f,1,,f,E05009901
                5,Kay Parl,parl.2025-05-01,parl.runcorn-and-helsby.by.2025-05-01,2025-05-01,t,Reform UK,PP7931,Runcorn,f,1,12645,t,
                """);
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).isInstanceOfSatisfying(FeedMessage.LocalResult.class, r -> {
            assertThat(r.revision()).isEqualTo(FeedMessage.Result.UNNUMBERED);
            // The feed's spelling, on the code and council the earlier result has, so the two compare.
            assertThat(r.contest().ward()).isEqualTo(new Ward("E05009902", "Mill and Weir", TESTSHIRE));
            assertThat(r.contest().seats()).isEqualTo(2);
            assertThat(r.contest().seatsByParty()).containsExactly(Map.entry("Lab", 1), Map.entry("Con", 1));
        });
        assertThat(messages.get(1)).isInstanceOf(FeedMessage.Ignored.class);
        assertThat(messages.get(2)).isInstanceOf(FeedMessage.Ignored.class);
    }

    @Test
    void unknownCouncilsMissingColumnsBadNumbersAndWrongElectedCountsRefuseTheFileNamingTheBallot() {
        assertThatThrownBy(() -> csv(
                        "1,A B,local.nowhere.2025-05-01,local.nowhere.x.2025-05-01,2025-05-01,t,Lab,PP53,X,f,1,5,t,\n"))
                .isInstanceOf(FeedRejected.class)
                .hasMessageContaining("unknown council nowhere");
        assertThatThrownBy(
                        () -> csv(
                                "1,A B,local.testshire.2025-05-01,local.testshire.mill-weir.2025-05-01,2025-05-01,t,Lab,PP53,X,f,1,-5,t,E05009902\n"))
                .isInstanceOf(FeedRejected.class)
                .hasMessageContaining("negative votes");
        assertThatThrownBy(
                        () -> csv(
                                "1,A B,local.testshire.2025-05-01,local.testshire.mill-weir.2025-05-01,2025-05-01,t,Lab,PP53,X,f,2,5,t,E05009902\n"))
                .isInstanceOf(FeedRejected.class)
                .hasMessageContaining("local.testshire.mill-weir.2025-05-01")
                .hasMessageContaining("1 elected for 2 seats");
        assertThatThrownBy(() -> new DemocracyClubCsvFeedParser(LocalFeedParsersTest::archive)
                        .parse(new FeedFile(
                                "dc.csv",
                                "person_id,person_name\n1,A\n".getBytes(StandardCharsets.UTF_8),
                                Instant.EPOCH)))
                .isInstanceOf(FeedRejected.class)
                .hasMessageContaining("no column ballot_paper_id");
    }

    @Test
    void aLocalResultSetInTheJsonApiIsALocalResultByItsWinners() throws Exception {
        String json = """
                {"results": [{"ballot_paper_id": "local.testshire.mill-weir.2025-05-01", "total_electorate": 4000,
                  "candidate_results": [
                    {"num_ballots": 800, "is_winner": true, "membership": {"person": {"name": "Ada Mill"}, "on_behalf_of": {"id": "party:53", "name": "Labour Party"}, "post": {"id": "UTA:E05009902", "label": "Mill & Weir"}}},
                    {"num_ballots": 500, "is_winner": false, "membership": {"person": {"name": "Cy Blue"}, "on_behalf_of": {"id": "party:52", "name": "Conservative and Unionist Party"}, "post": {"id": "UTA:E05009902", "label": "Mill & Weir"}}}
                  ]}]}
                """;
        List<FeedMessage> messages = new DemocracyClubFeedParser(
                        new SeatResolver(org.resultsdesk.TestData.archive()), LocalFeedParsersTest::archive)
                .parse(new FeedFile("dc.json", json.getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
        assertThat(messages).singleElement().isInstanceOfSatisfying(FeedMessage.LocalResult.class, r -> {
            assertThat(r.contest().ward()).isEqualTo(MILL);
            assertThat(r.contest().elected())
                    .extracting(LocalCandidacy::familyName)
                    .containsExactly("Mill");
            assertThat(r.contest().electorate()).hasValue(4000);
        });
    }
}
