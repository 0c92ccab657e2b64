package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.port.FeedRejected;

/** Each format, on real samples where there are any, and on the traps. */
class FeedParsersTest {
    final FeedFormatDetector feeds = FeedFixtures.detector();
    static final String KINGSWOOD_PA = "pa/RECONSTRUCTED-FirstPastThePostResult-Kingswood-2024.xml";

    List<FeedMessage> parse(String resource) throws FeedRejected {
        return feeds.parse(FeedFixtures.file(resource));
    }

    @Test
    void paResultWithPaPartyCodesAndTheSeatByName() throws Exception {
        FeedMessage.Result result = (FeedMessage.Result) parse(KINGSWOOD_PA).get(0);
        Contest c = result.contest();

        assertThat(result.revision()).isEqualTo(1);
        assertThat(c.election().id()).isEqualTo("parl.kingswood.by.2024-02-15");
        assertThat(c.election().kind()).isEqualTo(ElectionKind.BY_ELECTION);
        assertThat(c.seat().gss()).isEqualTo("E14000774");
        assertThat(c.validVotes()).isEqualTo(24_869);
        assertThat(c.candidates())
                .extracting(x -> x.party().code())
                .containsExactly("Lab", "Con", "RUK", "Green", "LD", "UKIP");
        assertThat(c.winner().displayName()).isEqualTo("Damien Egan");
        assertThat(c.declaredAt())
                .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("2024-02-16T02:00:00Z"));
    }

    @Test
    void aPaResultKeepsItsComparisonLikeTheBundledOne() throws Exception {
        Contest c = ((FeedMessage.Result) parse(KINGSWOOD_PA).get(0)).contest();
        var figures = new org.resultsdesk.core.calc.ResultCalculator()
                .calculate(c, org.resultsdesk.TestData.archive().comparisonFor(c));
        var a = new org.resultsdesk.core.announce.AnnouncementFactory().announce(figures);

        // PA gives no rejected ballots, so turnout is on valid votes, and so is the 2019 figure beside it.
        assertThat(a.turnout()).isEqualTo("Turnout 37.1% (valid votes; 2019: 71.5%)");
        assertThat(a.swing()).contains("Swing 16.4% Con to Lab");
        assertThat(a.notes()).contains("Overturns a Conservative majority of 11,220 (2019)");
    }

    @Test
    void paRevisionComesFromTheFileNameWhenTheRootHasNone() throws Exception {
        String xml = new String(FeedFixtures.file(KINGSWOOD_PA).content()).replace(" revision=\"1\"", "");
        FeedMessage.Result r = (FeedMessage.Result)
                feeds.parse(FeedFixtures.file("Test_Snap_General_Election_result_Kingswood_3.xml", xml))
                        .get(0);
        assertThat(r.revision()).isEqualTo(3);
    }

    @Test
    void paRushFindsTheSeatByPaNumber() throws Exception {
        FeedMessage.Rush rush = (FeedMessage.Rush)
                parse("pa/Test_Snap_General_Election_rush_Kingswood_1.xml").get(0);

        assertThat(rush.seat().gss()).isEqualTo("E14000774");
        assertThat(rush.winner().code()).isEqualTo("Con");
        assertThat(rush.previousWinner())
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("Con"));
        assertThat(rush.winnerName()).isEqualTo("Chris Skidmore");
        assertThat(rush.election().id()).isEqualTo("parl.2019-12-12");
    }

    @Test
    void theGenuinePaStateOfPartiesSample() throws Exception {
        FeedMessage.StateOfParties sop = (FeedMessage.StateOfParties)
                parse("pa/Test_General_Election_SOP_650.xml").get(0);

        assertThat(sop.declared()).isEqualTo(650);
        assertThat(sop.total()).isEqualTo(650);
        assertThat(sop.parties().get(0).party().code()).isEqualTo("Lab");
        assertThat(sop.parties().get(0).seats()).isEqualTo(285);
        assertThat(sop.parties().get(1).party().code()).isEqualTo("Con");
        assertThat(sop.parties()).anySatisfy(p -> assertThat(p.party().code()).isEqualTo("APNI"));
    }

    @Test
    void badPaFilesAreRejectedWithTheReason() {
        String good = new String(FeedFixtures.file(KINGSWOOD_PA).content());
        assertRejected(good.substring(0, good.length() / 2), "corrupt or truncated XML");
        assertRejected("this is not XML", "unknown feed format");
        assertRejected(good.replace("votes=\"8675\" ", ""), "missing votes of Sam Bromiley");
        assertRejected(good.replace("votes=\"8675\"", "votes=\"-8675\""), "negative votes");
        assertRejected(good.replace("votes=\"8675\"", "votes=\"lots\""), "not a whole number");
        assertRejected(good.replace("name=\"Kingswood\"", "name=\"Atlantis\""), "unknown seat");
        assertRejected("<FirstPastThePostWeather/>", "not a PA election message");
        assertRejected("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "XML");
        assertRejected("", "empty file");
    }

    @Test
    void electionManagerJoinsCandidaciesToSeatsByState() throws Exception {
        HocElectionManagerFeedParser parser =
                new HocElectionManagerFeedParser(FeedFixtures.NEXT_GENERAL, FeedFixtures.SEATS);
        assertThatThrownBy(() -> parser.parse(FeedFixtures.file("hoc/constituencies.csv")))
                .hasMessageContaining("no candidacies received");

        assertThat(parser.parse(FeedFixtures.file("hoc/candidacies.csv")))
                .singleElement()
                .isInstanceOf(FeedMessage.Ignored.class);
        List<FeedMessage> messages = parser.parse(FeedFixtures.file("hoc/constituencies.csv"));

        assertThat(messages).hasSize(5);
        assertThat(messages.get(0)).isInstanceOfSatisfying(FeedMessage.Result.class, r -> {
            assertThat(r.contest().seat().name()).isEqualTo("Aldridge-Brownhills");
            assertThat(r.contest().totalCandidateVotes()).isEqualTo(r.contest().validVotes());
            assertThat(r.contest().election().id()).isEqualTo("parl.2029-05-03");
        });
        assertThat(messages.get(1))
                .isInstanceOfSatisfying(
                        FeedMessage.Rush.class, r -> assertThat(r.seat().name()).isEqualTo("Airdrie and Shotts"));
        assertThat(messages.get(2)).isInstanceOf(FeedMessage.Ignored.class);
        assertThat(messages.get(3)).isInstanceOf(FeedMessage.Ignored.class);
        assertThat(messages.get(4)).isInstanceOfSatisfying(FeedMessage.Result.class, r -> {
            assertThat(r.contest().candidates())
                    .extracting(Candidacy::displayName)
                    .doesNotHaveDuplicates();
            assertThat(r.revision()).as("numbered by the ingest").isEqualTo(FeedMessage.Result.UNNUMBERED);
        });
    }

    @Test
    void democracyClubParliamentaryBallotsAreResultsAndLocalOnesIgnored() throws Exception {
        assertThat(parse("dc/ynr-v0.9-result_sets-sample.json"))
                .hasSize(3)
                .allSatisfy(m -> assertThat(m).isInstanceOf(FeedMessage.Ignored.class));

        FeedMessage.Result r =
                (FeedMessage.Result) parse("dc/parl-kingswood-result-set.json").get(0);
        assertThat(r.contest().election().id()).isEqualTo("parl.kingswood.by.2024-02-15");
        assertThat(r.contest().validVotes()).isEqualTo(24_869);
        assertThat(r.contest().invalidVotes()).hasValue(36);
        assertThat(r.contest().winner().party().code()).isEqualTo("Lab");
        assertRejected(
                "{\"results\": [{\"ballot_paper_id\": \"parl.x.2024-01-01\", \"candidate_results\": [{",
                "corrupt or truncated JSON");
    }

    private void assertRejected(String body, String reason) {
        assertThatThrownBy(() -> feeds.parse(FeedFixtures.file("bad_1.xml", body)))
                .isInstanceOf(FeedRejected.class)
                .hasMessageContaining(reason);
    }
}
