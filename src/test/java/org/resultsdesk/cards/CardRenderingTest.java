package org.resultsdesk.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.cards.ResultCard;
import org.resultsdesk.core.cards.ResultCard.Direction;
import org.resultsdesk.core.cards.ResultCardFactory;
import org.resultsdesk.core.command.PictureCommands;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Picture;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.seats.SeatDirectory;

/** Result cards for real contests: the model holds the right bars, labels and figures, and the PNG decodes at size. */
class CardRenderingTest {
    private static final String KINGSWOOD = "parl.kingswood.by.2024-02-15";
    private static final String WELLINGBOROUGH = "parl.wellingborough.by.2024-02-15";
    private static final String GE2024 = "parl.2024-07-04";

    private final ResultCardFactory factory = new ResultCardFactory();
    private final ChartCardRenderer renderer = new ChartCardRenderer();

    private ResultCard card(String election, String gss) {
        ResultFigures figures = TestData.figures(election, gss);
        return factory.card(figures, new AnnouncementFactory().announce(figures));
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        return image;
    }

    private BufferedImage render(ResultCard card) throws IOException {
        byte[] png = renderer.resultCard(card);
        Path out = Path.of("target", "cards", card.fileName());
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(675);
        assertThat(png.length).isLessThan(1_000_000);
        return image;
    }

    @Test
    void kingswoodShowsEveryCandidateWithLabelVotesShareAndChange() throws IOException {
        ResultCard card = card(KINGSWOOD, "E14000774");

        assertThat(card.seat()).isEqualTo("Kingswood");
        assertThat(card.election()).isEqualTo("By-election, 15 Feb 2024");
        assertThat(card.verdict()).isEqualTo("Labour GAIN from Conservative");
        assertThat(card.verdictColour()).isEqualTo("#E4003B");
        assertThat(card.winnerLine()).isEqualTo("Damien Egan (Lab) elected, majority 2,501 (10.1%)");
        assertThat(card.swing()).contains("Swing 16.4% Con to Lab");
        assertThat(card.turnout()).isEqualTo("Turnout 37.1% (2019: 71.7%)");
        assertThat(card.notes()).containsExactly("Overturns a Conservative majority of 11,220 (2019)");
        assertThat(card.credit())
                .isEqualTo("Contains Parliamentary information licensed under the Open Parliament Licence v3.0");
        assertThat(card.bars())
                .extracting(ResultCard.Bar::label)
                .containsExactly("LAB", "CON", "RUK", "GRN", "LD", "UKIP");
        assertThat(card.bars())
                .extracting(ResultCard.Bar::votes)
                .containsExactly("11,176", "8,675", "2,578", "1,450", "861", "129");
        assertThat(card.bars())
                .extracting(ResultCard.Bar::shareText)
                .containsExactly("44.9%", "34.9%", "10.4%", "5.8%", "3.5%", "0.5%");
        assertThat(card.bars())
                .extracting(ResultCard.Bar::change)
                .containsExactly("+11.5", "-21.3", "new", "+3.4", "-3.5", "new");
        assertThat(card.bars())
                .extracting(ResultCard.Bar::direction)
                .containsExactly(
                        Direction.UP, Direction.DOWN, Direction.NEW, Direction.UP, Direction.DOWN, Direction.NEW);
        assertThat(card.bars().get(0).share()).isCloseTo(44.9, org.assertj.core.data.Offset.offset(0.05));
        assertThat(card.bars()).allSatisfy(b -> assertThat(b.party()).isNotBlank());

        render(card);
    }

    @Test
    void wellingboroughHasTheReformSwingAndTheOverturnedMajority() throws IOException {
        ResultCard card = card(WELLINGBOROUGH, "E14001025");

        assertThat(card.verdict()).isEqualTo("Labour GAIN from Conservative");
        assertThat(card.swing()).contains("Swing 28.5% Con to Lab");
        assertThat(card.notes()).containsExactly("Overturns a Conservative majority of 18,540 (2019)");
        assertThat(card.bars().get(0).label()).isEqualTo("LAB");
        assertThat(card.bars().get(0).candidate()).isEqualTo("Gen Kitchen");
        render(card);
    }

    @Test
    void theSpeakersSeatHasNoSwingAndTheSpeakerLabelled() throws IOException {
        ResultCard card = card(GE2024, "E14001170");

        assertThat(card.seat()).isEqualTo("Chorley");
        assertThat(card.verdict()).startsWith("Speaker");
        assertThat(card.swing()).isEmpty();
        assertThat(card.bars().get(0).label()).isEqualTo("SPK");
        assertThat(card.bars().get(0).party()).isEqualTo("Speaker");
        assertThat(card.bars().get(0).candidate()).isEqualTo("Lindsay Hoyle");
        render(card);
    }

    @Test
    void twelveCandidatesAllGetABarAndFitTheCard() throws IOException {
        ResultCard card = card(GE2024, "E14001290");

        assertThat(card.seat()).isEqualTo("Holborn and St Pancras");
        assertThat(card.bars()).hasSize(12);
        assertThat(card.bars().get(0).candidate()).isEqualTo("Keir Starmer");
        assertThat(card.bars()).allSatisfy(b -> {
            assertThat(b.label()).isNotBlank();
            assertThat(b.votes()).isNotBlank();
            assertThat(b.shareText()).endsWith("%");
        });
        render(card);
    }

    @Test
    void aNorthernIrelandSeatUsesItsOwnParties() throws IOException {
        ResultCard card = card(GE2024, "N05000001");

        assertThat(card.seat()).isEqualTo("Belfast East");
        assertThat(card.verdict()).isEqualTo("DUP HOLD");
        assertThat(card.bars().get(0).label()).isEqualTo("DUP");
        assertThat(card.bars().get(0).colour()).isEqualTo("#D46A4C");
        assertThat(card.bars()).extracting(ResultCard.Bar::label).contains("ALL", "UUP");
        render(card);
    }

    @Test
    void theBoardForTheNightOf2019() throws IOException {
        Cards cards = new Cards(renderer);
        PictureCommands commands = new PictureCommands(
                TestData.archive(), new SeatDirectory(TestData.archive().seats()), cards);
        Reply reply =
                commands.handle(org.resultsdesk.core.command.CommandLine.parse("/board 2019"), ChatContext.console());
        Picture picture = reply.picture().orElseThrow();
        Files.createDirectories(Path.of("target", "cards"));
        Files.write(Path.of("target", "cards", picture.fileName()), picture.png());
        BufferedImage image = decode(picture.png());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(675);
        assertThat(reply.parts()).containsExactly(new Reply.Text("General election 2019: 650 of 650 seats declared"));
        assertThat(picture.altText()).contains("CON").contains("365");
        Reply again =
                commands.handle(org.resultsdesk.core.command.CommandLine.parse("/board 2019"), ChatContext.console());
        assertThat(again.picture()).contains(picture);
        assertThat(cards.drawn()).isEqualTo(1);
    }
}
