package org.resultsdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.resultsdesk.telegram.fake.TelegramHtml;

class TelegramRenderingTest {
    final TelegramHtmlRenderer renderer = new TelegramHtmlRenderer();
    final ResultCalculator calculator = new ResultCalculator();
    final AnnouncementFactory announcements = new AnnouncementFactory();

    Reply reply(Contest contest) {
        return Reply.of(announcements.announce(
                calculator.calculate(contest, TestData.archive().comparisonFor(contest))));
    }

    @Test
    void everyGe2024AndByElectionAnnouncementIsValidTelegramHtmlWithinTheLimit() {
        List<Contest> contests = TestData.archive().contests().stream()
                .filter(c -> c.election().id().equals("parl.2024-07-04")
                        || c.election().kind() == ElectionKind.BY_ELECTION)
                .toList();
        Contest kingswood = TestData.contest("parl.kingswood.by.2024-02-15", "E14000774");
        List<Candidacy> awkward = new ArrayList<>(kingswood.candidates());
        awkward.set(5, new Candidacy("<Independent>", "O'Brien & Sons", new Party("Ind", "Independent"), 129));
        List<Contest> all = new ArrayList<>(contests);
        all.add(new Contest(
                kingswood.election(),
                new Seat("E14000774", "St. Helens <&> Weston-super-Mare", "", ""),
                kingswood.electorate(),
                kingswood.validVotes(),
                OptionalInt.of(36),
                Optional.empty(),
                awkward));

        assertThat(contests).hasSizeGreaterThan(670);
        for (Contest c : all) {
            for (TelegramMessage m : renderer.render(reply(c))) {
                assertThat(TelegramHtml.error(m.html())).as(c.id()).isEmpty();
                assertThat(TelegramHtml.text(m.html()).length()).as(c.id()).isLessThanOrEqualTo(4096);
                assertThat(TelegramHtml.text(m.html())).isEqualTo(m.plain());
            }
        }
        String html = renderer.render(reply(all.get(all.size() - 1))).get(0).html();
        assertThat(html)
                .contains("St. Helens &lt;&amp;&gt; Weston-super-Mare")
                .contains("&lt;Independent&gt; O'Brien &amp; Sons");
    }

    @Test
    void namesLikeYnysMonAndSinnFeinSurviveAsTheyAre() {
        String ynysMon = renderer.render(reply(TestData.contest("parl.2024-07-04", "W07000112")))
                .get(0)
                .html();
        assertThat(ynysMon).contains("Ynys Môn");
        String belfastWest = renderer.render(reply(TestData.contest("parl.2024-07-04", "N05000004")))
                .get(0)
                .html();
        assertThat(belfastWest).contains("Sinn Féin").doesNotContain("&#");
    }

    @Test
    void aLongReplyIsSplitOnLineBoundariesUnderTheLimitWithButtonsOnTheLast() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("Line ").append(i).append(": Labour GAIN from Conservative & more <text>\n");
        }
        List<TelegramMessage> messages = renderer.render(
                Reply.text(text.toString(), List.of(new Reply.Suggestion("Kingswood", "/result Kingswood"))));

        assertThat(messages).hasSizeGreaterThan(4);
        messages.forEach(m -> {
            assertThat(TelegramHtml.error(m.html())).isEmpty();
            assertThat(m.plain().length()).isLessThanOrEqualTo(4096);
        });
        assertThat(messages.get(0).plain()).startsWith("Line 0:").endsWith("<text>");
        assertThat(messages.subList(0, messages.size() - 1))
                .allMatch(m -> m.buttons().isEmpty());
        assertThat(messages.get(messages.size() - 1).buttons()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("org.resultsdesk.GoldenCases#cases")
    void goldenHtml(String election, String gss, String golden) throws IOException {
        Contest contest = TestData.contest(election, gss);
        assertGolden(renderer.render(reply(contest)).get(0).html(), golden + ".html");
        String snippet = new CopySnippetWriter()
                .write(calculator.calculate(contest, TestData.archive().comparisonFor(contest)));
        assertGolden(renderer.render(Reply.text(snippet)).get(0).html(), golden + "-snippet.html");
    }

    private void assertGolden(String html, String golden) throws IOException {
        assertThat(TelegramHtml.error(html)).as(golden).isEmpty();
        try (InputStream in = getClass().getResourceAsStream("/golden/telegram/" + golden)) {
            assertThat(in).as(golden).isNotNull();
            assertThat(html + "\n").as(golden).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
