package org.resultsdesk.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.CouncilCommand;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.command.PictureCommands;
import org.resultsdesk.core.command.ResultAddenda;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.feeds.LocalBundledData;

/** {@code /chart council}: found as {@code /council} finds a council, drawn once, and offered from {@code /council}. */
class CouncilPictureTest {
    private static CommandService commands;
    private static Cards cards;

    @BeforeAll
    static void wire() {
        LocalResults local = new LocalResults(
                LocalBundledData.read().archive(), new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE));
        ResultsArchive westminster = new ResultsArchive(java.util.List.of(), java.util.Map.of());
        SeatDirectory seats = new SeatDirectory(westminster.seats());
        cards = new Cards(new ChartCardRenderer());
        CouncilCommand councils = new CouncilCommand(local, Optional.of(cards));
        commands = new CommandService(
                westminster,
                seats,
                java.time.Clock.systemUTC(),
                ResultAddenda.NONE,
                local,
                councils,
                new PictureCommands(westminster, seats, cards, Optional.of(councils)));
    }

    private static String text(Reply reply) {
        return String.join(
                "\n",
                reply.parts().stream()
                        .filter(Reply.Text.class::isInstance)
                        .map(p -> ((Reply.Text) p).text())
                        .toList());
    }

    private static Reply ask(String text) {
        return commands.handle(text, ChatContext.console());
    }

    @Test
    void aCouncilsDeclarationComesAsAPictureWithItsVerdictAsCaption() {
        Reply reply = ask("/chart council kent 2025");

        assertThat(reply.picture()).isPresent();
        assertThat(reply.picture().get().png()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(reply.picture().get().altText())
                .contains("Reform UK GAIN from Conservative (57 of 81 seats)")
                .contains("Open Council Data UK");
        assertThat(text(reply)).startsWith("Kent County Council, 1 May 2025: Reform UK GAIN from Conservative");
        long drawn = cards.drawn();
        ask("/chart council kent");
        assertThat(cards.drawn()).as("the same declaration is drawn once").isEqualTo(drawn);
    }

    @Test
    void councilOffersThePictureAsAButton() {
        Reply reply = ask("/council kent");

        assertThat(reply.suggestions()).contains(new Reply.Suggestion("Picture", "/chart council Kent 2025"));
    }

    @Test
    void anUnknownOrMissingCouncilIsAnsweredInWords() {
        assertThat(ask("/chart council nowhereshire").picture()).isEmpty();
        assertThat(text(ask("/chart council nowhereshire"))).contains("I don't know a council called");
        assertThat(text(ask("/chart council")))
                .isEqualTo("Which council? For example: /chart council kent or /chart council bucks");
        assertThat(ask("/chart council <b>\u0000" + "x".repeat(5000)).picture()).isEmpty();
    }
}
