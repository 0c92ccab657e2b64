package org.resultsdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resultsdesk.TestData;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.announce.CopySnippetWriter;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.Seat;
import org.resultsdesk.slack.fake.BlockKitRules;

class SlackRenderingTest {
    final SlackBlockKitRenderer renderer = new SlackBlockKitRenderer();
    final ObjectMapper json = new ObjectMapper();

    Reply reply(Contest c) {
        return Reply.of(new AnnouncementFactory()
                .announce(new ResultCalculator().calculate(c, TestData.archive().comparisonFor(c))));
    }

    JsonNode blocks(Reply reply) throws IOException {
        return json.readTree(
                GsonFactory.createSnakeCase().toJson(renderer.render(reply).blocks()));
    }

    @Test
    void everyGe2024AndByElectionAnnouncementIsWithinBlockKitLimits() throws IOException {
        List<Contest> contests = new ArrayList<>(TestData.archive().contests().stream()
                .filter(c -> c.election().id().equals("parl.2024-07-04")
                        || c.election().kind() == ElectionKind.BY_ELECTION)
                .toList());
        Contest kingswood = TestData.contest("parl.kingswood.by.2024-02-15", "E14000774");
        List<Candidacy> awkward = new ArrayList<>(kingswood.candidates());
        awkward.set(5, new Candidacy("<Independent>", "*Bold* & _Sons_", new Party("Ind", "Independent"), 129));
        contests.add(new Contest(
                kingswood.election(),
                new Seat("E14000774", "St. Helens <&> Weston-super-Mare", "", ""),
                kingswood.electorate(),
                kingswood.validVotes(),
                OptionalInt.of(36),
                Optional.empty(),
                awkward));

        for (Contest c : contests) {
            assertThat(BlockKitRules.problem(blocks(reply(c)))).as(c.id()).isEmpty();
        }
        assertThat(blocks(reply(contests.get(contests.size() - 1))).toString())
                .contains("&lt;Independent&gt; *Bold* &amp; _Sons_");
    }

    @Test
    void aHugeReplyStaysUnderFiftyBlocksAndEachSectionUnder3000() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("Seat ").append(i).append(": Labour GAIN\n");
        }
        assertThat(BlockKitRules.problem(blocks(Reply.text(text.toString())))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.resultsdesk.GoldenCases#cases")
    void goldenBlockKit(String election, String gss, String golden) throws IOException {
        Contest contest = TestData.contest(election, gss);
        assertGolden(blocks(reply(contest)), golden + ".json");
        String snippet = new CopySnippetWriter()
                .write(new ResultCalculator()
                        .calculate(contest, TestData.archive().comparisonFor(contest)));
        assertGolden(blocks(Reply.text(snippet)), golden + "-snippet.json");
    }

    private void assertGolden(JsonNode actual, String golden) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/slack/" + golden)) {
            assertThat(in).as(golden).isNotNull();
            assertThat(actual)
                    .as(golden)
                    .isEqualTo(json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
