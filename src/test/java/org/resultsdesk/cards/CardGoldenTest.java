package org.resultsdesk.cards;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.cards.ResultCardFactory;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.PictureCommands;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.seats.SeatDirectory;

/** Layout regressions: a few cards against golden images, within a small pixel tolerance. */
class CardGoldenTest {
    private final ChartCardRenderer renderer = new ChartCardRenderer();

    private byte[] card(String election, String gss) {
        ResultFigures figures = TestData.figures(election, gss);
        return renderer.resultCard(new ResultCardFactory().card(figures, new AnnouncementFactory().announce(figures)));
    }

    @Test
    void kingswood() throws IOException {
        GoldenImages.assertMatches("kingswood.png", card("parl.kingswood.by.2024-02-15", "E14000774"));
    }

    @Test
    void twelveCandidatesInHolbornAndStPancras() throws IOException {
        GoldenImages.assertMatches("holborn-and-st-pancras.png", card("parl.2024-07-04", "E14001290"));
    }

    @Test
    void theBoardFor2019() throws IOException {
        PictureCommands commands = new PictureCommands(
                TestData.archive(), new SeatDirectory(TestData.archive().seats()), new Cards(renderer));
        GoldenImages.assertMatches(
                "board-2019.png",
                commands.handle(CommandLine.parse("/board 2019"), ChatContext.console())
                        .picture()
                        .orElseThrow()
                        .png());
    }

    @Test
    void kentCountyCouncilTakenByReformUk() throws IOException {
        org.resultsdesk.core.model.LocalArchive local =
                org.resultsdesk.feeds.LocalBundledData.read().archive();
        org.resultsdesk.core.model.Council kent = local.councils().stream()
                .filter(c -> c.fullName().equals("Kent County Council"))
                .findFirst()
                .orElseThrow();
        GoldenImages.assertMatches(
                "council-kent-2025.png",
                renderer.council(new org.resultsdesk.core.cards.CouncilCardFactory()
                        .card(org.resultsdesk.core.calc.CouncilResult.of(
                                local, kent, java.time.LocalDate.of(2025, 5, 1)))));
    }

    @Test
    void theLocalNightOf2025() throws IOException {
        org.resultsdesk.core.command.LocalResults local = new org.resultsdesk.core.command.LocalResults(
                org.resultsdesk.feeds.LocalBundledData.read().archive(),
                new org.resultsdesk.core.calc.LocalCalculator(
                        org.resultsdesk.core.calc.MultiMemberMethod.TOP_CANDIDATE));
        org.resultsdesk.core.command.CouncilCommand councils =
                new org.resultsdesk.core.command.CouncilCommand(local, java.util.Optional.of(new Cards(renderer)));
        GoldenImages.assertMatches(
                "board-local-2025.png",
                councils.localBoard(java.util.List.of("2025"))
                        .picture()
                        .orElseThrow()
                        .png());
    }
}
