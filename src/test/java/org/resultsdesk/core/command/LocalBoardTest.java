package org.resultsdesk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.cards.CardRenderer;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.cards.CouncilCard;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.feeds.LocalBundledData;

/**
 * {@code /board local}: the local night's picture carries the same figures as {@code /scoreboard local}, checked
 * against the tally LocalScoreboardTest makes independently from the bundled files.
 */
class LocalBoardTest {
    private static LocalResults local;
    private static final List<CouncilCard> drawn = new java.util.ArrayList<>();

    @BeforeAll
    static void load() {
        local = new LocalResults(
                LocalBundledData.read().archive(), new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE));
    }

    private static Reply ask(String... arguments) {
        CardRenderer recording = new CardRenderer() {
            @Override
            public byte[] resultCard(org.resultsdesk.core.cards.ResultCard card) {
                throw new AssertionError("no result card on a local board");
            }

            @Override
            public byte[] board(org.resultsdesk.core.cards.BoardCard card) {
                throw new AssertionError("the Westminster board is not the local one");
            }

            @Override
            public byte[] council(CouncilCard card) {
                drawn.add(card);
                return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
            }
        };
        return new CouncilCommand(local, Optional.of(new Cards(recording))).localBoard(List.of(arguments));
    }

    @Test
    void theNightsPictureHasEveryPartysCouncillorsAndTheCouncilsEachControls() {
        drawn.clear();
        Reply reply = ask("2025");

        assertThat(reply.picture()).isPresent();
        CouncilCard card = drawn.get(0);
        LocalArchive archive = local.archive();
        LocalScoreboard.Tally tally = LocalScoreboard.tally(archive, LocalDate.of(2025, 5, 1));
        int elected = tally.councillors().stream()
                .mapToInt(LocalScoreboard.Councillors::won)
                .sum();
        LocalScoreboard.Councillors most = tally.councillors().get(0);
        LocalScoreboard.Control leading = tally.control().get(0);
        assertThat(card.title()).isEqualTo("Local elections, 1 May 2025");
        assertThat(card.subtitle())
                .isEqualTo(tally.councilsDeclared() + " of " + tally.councilsVoting() + " councils declared, " + elected
                        + " councillors elected");
        assertThat(card.rows().stream().mapToInt(CouncilCard.Row::after).sum()).isEqualTo(elected);
        assertThat(card.rows())
                .extracting(CouncilCard.Row::after)
                .containsExactlyElementsOf(tally.councillors().stream()
                        .map(LocalScoreboard.Councillors::won)
                        .toList());
        assertThat(card.rows().get(0).label())
                .isEqualTo(PartyStyle.of(most.party()).label());
        assertThat(card.rows().get(0).change()).isEqualTo((most.change() > 0 ? "+" : "") + most.change());
        assertThat(card.totalSeats())
                .as("a night elects no one body: no majority line")
                .isZero();
        assertThat(card.badge())
                .isEqualTo(PartyStyle.of(leading.party()).label() + " " + leading.councils() + " councils");
        assertThat(card.verdict())
                .startsWith("Councils: " + PartyStyle.of(leading.party()).label() + " " + leading.councils() + " ("
                        + (leading.gains() - leading.losses() > 0 ? "+" : "") + (leading.gains() - leading.losses())
                        + ")");
        assertThat(reply.picture().get().altText())
                .as("the table, for those who cannot see the picture")
                .contains("Control of councils declared")
                .contains("Open Council Data UK");
    }

    @Test
    void aYearNotOnFileListsTheNightsAsBoards() {
        Reply reply = ask("2023");

        assertThat(reply.picture()).isEmpty();
        assertThat(reply.suggestions()).contains(new Reply.Suggestion("Local elections 2025", "/board local 2025"));
    }

    @Test
    void withoutPicturesTheBoardIsTheScoreboardInWords() {
        Reply reply = new CouncilCommand(local, Optional.empty()).localBoard(List.of("2025"));

        assertThat(reply.picture()).isEmpty();
        assertThat(reply.parts().get(0))
                .isEqualTo(new Reply.Text(
                        "Local elections, 1 May 2025: 23 of 23 councils declared, 1641 councillors elected"));
    }
}
