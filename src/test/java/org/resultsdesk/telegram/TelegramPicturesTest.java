package org.resultsdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.InlineReplies;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.cards.ChartCardRenderer;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.PictureCommands;
import org.resultsdesk.core.model.Picture;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/** Pictures through the real TelegramBots client and the fake Bot API: sendPhoto and editMessageMedia, multipart. */
class TelegramPicturesTest {
    static final long NEWSROOM = -1001234L;
    static final long REPORTER = 42L;

    @TempDir
    Path dir;

    TelegramDesk telegram;
    FakeTelegramApi api;
    Database database;
    TelegramGateway gateway;
    TelegramBot bot;
    final TelegramUpdates updates = new TelegramUpdates();
    final MutableClock clock = new MutableClock(Instant.parse("2024-02-16T02:00:00Z"));
    final Cards cards = new Cards(new ChartCardRenderer());

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(dir);
        telegram = new TelegramDesk(clock, database);
        api = telegram.api();
        gateway = telegram.gateway();
        SeatDirectory seats = new SeatDirectory(TestData.archive().seats());
        CommandService commands =
                new CommandService(TestData.archive(), seats, new PictureCommands(TestData.archive(), seats, cards));
        bot = telegram.bot(commands, database);
    }

    @AfterEach
    void tearDown() {
        telegram.close();
        database.close();
    }

    private void poll(String text) {
        telegram.poll(bot, updates.message(NEWSROOM, REPORTER, text));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void chartKingswoodArrivesAsOnePhotoWithItsCaption() throws IOException {
        poll("/chart kingswood");

        FakeTelegramApi.Posted posted = api.messages(NEWSROOM).get(0);
        assertThat(api.messages(NEWSROOM)).hasSize(1);
        assertThat(api.calls()).contains("sendphoto").doesNotContain("sendmessage");
        FakeTelegramApi.Photo photo = api.photo(posted.messageId()).orElseThrow();
        assertThat(photo.fileName()).isEqualTo("kingswood-by-election-15-feb-2024.png");
        BufferedImage image = decode(photo.png());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(675);
        assertThat(posted.text())
                .contains("Kingswood by-election, 15 Feb 2024: Labour GAIN from Conservative.")
                .contains("majority 2,501");
    }

    @Test
    void theBoardArrivesAsAPhotoAndIsDrawnOnceForTwoAsks() {
        poll("/board 2019");
        clock.advance(java.time.Duration.ofSeconds(5));
        poll("/board 2019");

        assertThat(api.messages(NEWSROOM)).hasSize(2).allSatisfy(m -> {
            assertThat(api.photo(m.messageId())).isPresent();
            assertThat(m.text()).isEqualTo("General election 2019: 650 of 650 seats declared");
        });
        assertThat(cards.drawn()).isEqualTo(1);
    }

    @Test
    void textTooLongForACaptionFollowsAsAReplyToThePhotoWithinTheChatsPace() {
        Picture picture = card();
        Reply reply = Reply.picture(picture, "Line one of a long caption\n" + "x".repeat(1500), List.of());

        // Straight to the gateway, one part a call: the photo first, the text as the next part.
        assertThat(gateway.parts(reply)).isEqualTo(2);
        DeliveryResult direct = gateway.send(String.valueOf(REPORTER), reply);
        assertThat(direct).isInstanceOf(DeliveryResult.PartSent.class);
        assertThat(api.messages(REPORTER))
                .singleElement()
                .satisfies(m -> assertThat(api.photo(m.messageId())).isPresent());

        // Through the paced outbound path, both arrive: the photo, then the text as a reply to it.
        InlineReplies.on(gateway, new JdbiSendBudget(database), clock)
                .submit(String.valueOf(NEWSROOM), () -> Optional.of(reply))
                .join();
        List<FakeTelegramApi.Posted> posted = api.messages(NEWSROOM);
        assertThat(posted).hasSize(2);
        assertThat(api.photo(posted.get(0).messageId())).isPresent();
        assertThat(posted.get(0).text()).isEqualTo("Line one of a long caption");
        assertThat(posted.get(1).text()).contains("x".repeat(100));
        assertThat(api.replyTo(posted.get(1).messageId()))
                .contains(posted.get(0).messageId());
    }

    @Test
    void anEditWithAPictureReplacesThePhoto() throws IOException {
        DeliveryResult sent = gateway.send(String.valueOf(NEWSROOM), Reply.picture(card(), "first", List.of()));
        String id = ((DeliveryResult.Delivered) sent).messageId();
        Picture other = cards.resultCard(
                new org.resultsdesk.core.cards.ResultCardFactory()
                        .card(
                                TestData.figures("parl.wellingborough.by.2024-02-15", "E14001025"),
                                new org.resultsdesk.core.announce.AnnouncementFactory()
                                        .announce(TestData.figures("parl.wellingborough.by.2024-02-15", "E14001025"))),
                "alt");

        DeliveryResult edited =
                gateway.edit(String.valueOf(NEWSROOM), id, Reply.picture(other, "corrected", List.of()));

        assertThat(edited).isEqualTo(new DeliveryResult.Delivered(id));
        assertThat(api.mediaEdits()).containsExactly(Integer.valueOf(id));
        FakeTelegramApi.Photo now = api.photo(Integer.parseInt(id)).orElseThrow();
        assertThat(now.png()).isEqualTo(other.png());
        assertThat(api.messages(NEWSROOM))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("corrected"));
    }

    @Test
    void theFakeHoldsPhotosToTelegramsRules() throws IOException {
        assertThat(gateway.send(
                        "1", Reply.picture(new Picture("x.png", "not a png".getBytes(), 10, 10, "x"), "c", List.of())))
                .isEqualTo(new DeliveryResult.Rejected("Telegram 400: Bad Request: IMAGE_PROCESS_FAILED"));
        assertThat(gateway.send("2", Reply.picture(png(2100, 100), "c", List.of())))
                .isEqualTo(new DeliveryResult.Rejected("Telegram 400: Bad Request: PHOTO_INVALID_DIMENSIONS"));
        assertThat(gateway.send("3", Reply.picture(png(6000, 4001), "c", List.of())))
                .isEqualTo(new DeliveryResult.Rejected("Telegram 400: Bad Request: PHOTO_INVALID_DIMENSIONS"));
        assertThat(gateway.send("4", Reply.picture(png(6000, 4000), "c", List.of())))
                .isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(api.calls()).containsOnly("sendphoto");
    }

    private Picture card() {
        var figures = TestData.figures("parl.kingswood.by.2024-02-15", "E14000774");
        return cards.resultCard(
                new org.resultsdesk.core.cards.ResultCardFactory()
                        .card(figures, new org.resultsdesk.core.announce.AnnouncementFactory().announce(figures)),
                "alt");
    }

    private static Picture png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY), "png", out);
        return new Picture("p.png", out.toByteArray(), width, height, "alt");
    }
}
