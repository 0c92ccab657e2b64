package org.resultsdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.model.Picture;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.store.Database;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * Buttons and reply threads live in the store: a button whose command is too long for Telegram's 64 bytes of callback
 * data runs the same command on another instance and after a restart, and a reference the store does not hold (one
 * forgotten, or made by an earlier version's in-memory counter) answers that the button has expired, running nothing.
 * Each "instance" is its own gateway, bot and database connection on the one database file, through the real
 * TelegramBots client and the fake Bot API.
 */
class ButtonsAcrossInstancesTest {
    static final long REPORTER = 42L;
    // Too long for callback data with its "c:" prefix, and answered by the real commands.
    static final String LONG = "/snippet Cumbernauld, Kilsyth and Kirkintilloch East 2019-12-12";
    static final String OTHER_LONG = "/snippet Inverness, Nairn, Badenoch and Strathspey general election 2019";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2024-02-16T02:00:00Z"));
    final TelegramUpdates updates = new TelegramUpdates();
    final CommandService service = new CommandService(
            TestData.archive(), new SeatDirectory(TestData.archive().seats()));
    final java.util.List<AutoCloseable> open = new java.util.ArrayList<>();

    /** One running instance: its own database connection, gateway and bot, sharing the fake Bot API. */
    record Instance(TelegramDesk desk, TelegramBot bot) {}

    FakeTelegramApi api;

    @BeforeEach
    void setUp() {
        assertThat(("c:" + LONG).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64);
        assertThat(("c:" + OTHER_LONG).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    Instance start(TelegramDesk sharedApi) throws Exception {
        Database database = Database.sqlite(dir);
        open.add(database);
        TelegramDesk desk = sharedApi == null ? new TelegramDesk(clock, database) : sharedApi.on(database);
        if (sharedApi == null) {
            open.add(desk);
            api = desk.api();
        }
        CommandHandler commands = (text, context) -> text.equals("/menu")
                ? Reply.text("Pick one", List.of(new Reply.Suggestion("Cumbernauld", LONG)))
                : text.equals("/other")
                        ? Reply.text("Pick another", List.of(new Reply.Suggestion("Inverness", OTHER_LONG)))
                        : service.handle(text, context);
        return new Instance(desk, desk.bot(commands, database));
    }

    String buttonData(FakeTelegramApi.Posted message) {
        return message.replyMarkup()
                .path("inline_keyboard")
                .get(0)
                .get(0)
                .path("callback_data")
                .asText();
    }

    String lastText() {
        List<FakeTelegramApi.Posted> messages = api.messages(REPORTER);
        return messages.get(messages.size() - 1).text();
    }

    /** What the bot posts when the command is typed rather than pressed. */
    String typed(Instance instance, String command) {
        instance.desk().poll(instance.bot(), updates.message(REPORTER, REPORTER, command));
        return lastText();
    }

    @Test
    void aLongButtonRunsItsCommandOnAnotherInstanceAndAfterARestart() throws Exception {
        Instance first = start(null);
        first.desk().poll(first.bot(), updates.message(REPORTER, REPORTER, "/menu"));
        String data = buttonData(api.messages(REPORTER).get(0));
        assertThat(data).doesNotContain("Cumbernauld");
        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);

        Instance second = start(first.desk());
        second.desk().poll(second.bot(), updates.buttonPress(REPORTER, REPORTER, data));
        assertThat(api.messages(REPORTER)).hasSize(2);
        String pressed = lastText();
        String expected = typed(second, LONG);
        assertThat(expected).contains("Cumbernauld");
        assertThat(pressed).isEqualTo(expected);

        // A restart: every instance stops, one starts afresh on the same database, and shows another long button
        // first (an in-memory counter would now give that one the first button's reference).
        tearDown();
        open.clear();
        Instance restarted = start(null);
        restarted.desk().poll(restarted.bot(), updates.message(REPORTER, REPORTER, "/other"));
        assertThat(buttonData(api.messages(REPORTER).get(0))).isNotEqualTo(data);
        restarted.desk().poll(restarted.bot(), updates.buttonPress(REPORTER, REPORTER, data));

        assertThat(api.messages(REPORTER)).hasSize(2);
        assertThat(lastText()).isEqualTo(expected);
        assertThat(api.callbackAnswers())
                .allSatisfy(a -> assertThat(a.has("text")).isFalse());
    }

    @Test
    void aButtonWhoseCommandIsNotKeptAnswersThatItHasExpiredAndRunsNothing() throws Exception {
        Instance instance = start(null);
        instance.desk().poll(instance.bot(), updates.message(REPORTER, REPORTER, "/menu"));
        String kept = buttonData(api.messages(REPORTER).get(0));
        String forgotten = "h:" + "A".repeat(22);
        String earlierVersion = "r:1";

        instance.desk()
                .poll(
                        instance.bot(),
                        updates.buttonPress(REPORTER, REPORTER, forgotten),
                        updates.buttonPress(REPORTER, REPORTER, earlierVersion));

        assertThat(kept).isNotEqualTo(forgotten);
        assertThat(api.messages(REPORTER)).as("nothing run").hasSize(1);
        assertThat(api.callbackAnswers())
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.path("text").asText()).startsWith("This button has expired"));
    }

    @Test
    void textFollowingAPhotoRepliesToItWhenAnotherInstanceSendsIt() throws Exception {
        Instance first = start(null);
        Instance second = start(first.desk());
        Picture picture = new Picture("result-kingswood.png", png(800, 418), 800, 418, "alt");
        Reply reply = Reply.picture(picture, "Line one of a long caption\n" + "x".repeat(1500), List.of());

        DeliveryResult photo = first.desk().gateway().send(String.valueOf(REPORTER), reply, 0);
        clock.advance(java.time.Duration.ofSeconds(2));
        DeliveryResult text = second.desk().gateway().send(String.valueOf(REPORTER), reply, 1);

        assertThat(photo).isInstanceOf(DeliveryResult.PartSent.class);
        assertThat(text).isInstanceOf(DeliveryResult.Delivered.class);
        List<FakeTelegramApi.Posted> posted = api.messages(REPORTER);
        assertThat(posted).hasSize(2);
        assertThat(api.replyTo(posted.get(1).messageId()))
                .contains(posted.get(0).messageId());
    }

    private static byte[] png(int width, int height) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_BYTE_BINARY),
                "png",
                out);
        return out.toByteArray();
    }
}
