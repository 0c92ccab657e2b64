package org.resultsdesk.core.announce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resultsdesk.TestData;
import org.resultsdesk.core.calc.CandidateFigures;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;

/** The sub-editor's checks, over every bundled contest's copy snippet and announcement. */
class CopyStyleTest {
    private static final Pattern ARTICLE = Pattern.compile("\\b([Aa]n?) ([\\p{L}\\d][\\p{L}\\d.,%']*)");

    final CopySnippetWriter writer = new CopySnippetWriter();
    final AnnouncementFactory announcements = new AnnouncementFactory();
    final ResultCalculator calculator = new ResultCalculator();

    @ParameterizedTest
    @CsvSource({
        "SNP, an",
        "SDLP, an",
        "LD, an",
        "independent, an",
        "Alliance, an",
        "8.5%, an",
        "11.0%, an",
        "18.6%, an",
        "80.2%, an",
        "'11,220', an",
        "'18,540', an",
        "800, an",
        "1.2%, a",
        "16.4%, a",
        "110, a",
        "'1,100', a",
        "Conservative, a",
        "Labour, a",
        "DUP, a",
        "UUP, a",
        "UKIP, a",
        "notional, a",
        "Unionist, a",
        "Reform, a",
        "Green, a",
        "Workers, a",
        "one, a",
        "hour, an",
        "upset, an"
    })
    void theArticleAgreesWithTheSpokenWord(String word, String article) {
        assertThat(Formats.article(word)).as(word).isEqualTo(article);
    }

    @Test
    void oneToNineInWordsAndTinyMajoritiesNeverShowAsNothing() {
        assertThat(Formats.count(6)).isEqualTo("six");
        assertThat(Formats.count(1)).isEqualTo("one");
        assertThat(Formats.count(10)).isEqualTo("10");
        assertThat(Formats.count(2501)).isEqualTo("2,501");
        assertThat(Formats.majorityPercent(6, new java.math.BigDecimal("0.0184")))
                .isEqualTo("<0.1%");
        assertThat(Formats.majorityPercent(60, new java.math.BigDecimal("0.05")))
                .isEqualTo("0.1%");
        assertThat(Formats.majorityPercent(2501, new java.math.BigDecimal("10.06")))
                .isEqualTo("10.1%");
    }

    @Test
    void noBundledContestHasAWrongArticleADoubledPartyOrAPartyBeforeAName() {
        List<String> problems = new ArrayList<>();
        List<Contest> contests = TestData.archive().contests().stream()
                .filter(c -> c.election().kind() != ElectionKind.NOTIONAL)
                .toList();
        for (Contest contest : contests) {
            ResultFigures figures =
                    calculator.calculate(contest, TestData.archive().comparisonFor(contest));
            String snippet = writer.write(figures);
            Announcement a = announcements.announce(figures);
            List<String> texts = new ArrayList<>(List.of(snippet, a.verdict(), a.winnerLine(), a.swingAndTurnout()));
            texts.addAll(a.notes());
            for (String text : texts) {
                Matcher m = ARTICLE.matcher(text);
                while (m.find()) {
                    boolean an = m.group(1).equalsIgnoreCase("an");
                    if (an != Formats.startsWithVowelSound(m.group(2))) {
                        problems.add(contest.id() + ": \"" + m.group() + "\" in " + text);
                    }
                }
            }
            String lead = snippet.substring(0, snippet.indexOf(". ") + 1);
            String winnerParty = PartyStyle.of(contest.winner().party()).name();
            if (!contest.winner().party().isIndependent() && count(lead, winnerParty) > 1) {
                problems.add(contest.id() + ": party named twice in \"" + lead + "\"");
            }
            for (CandidateFigures row : figures.rows()) {
                Candidacy c = row.candidacy();
                String name = PartyStyle.of(c.party()).name();
                if (!c.party().isIndependent() && snippet.contains(name + " " + c.knownName())) {
                    problems.add(contest.id() + ": party before a name in \"" + snippet + "\"");
                }
            }
            if (snippet.contains("RUK")
                    || snippet.contains("(0.0%)")
                    || a.winnerLine().contains("(0.0%)")) {
                problems.add(contest.id() + ": " + snippet + " / " + a.winnerLine());
            }
        }
        assertThat(contests).hasSizeGreaterThan(1300);
        assertThat(problems).isEmpty();
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }
}
