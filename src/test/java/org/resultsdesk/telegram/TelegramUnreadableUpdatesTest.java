package org.resultsdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.store.Database;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * Updates TelegramBots cannot read must not stop polling: each is skipped and logged, the others in its batch are
 * answered, and the offset (a long) moves past them all, including ids at and beyond 2^31.
 */
class TelegramUnreadableUpdatesTest {
    static final long CHAT = 42L;

    @TempDir
    Path dir;

    TelegramDesk telegram;
    FakeTelegramApi api;
    Database database;
    TelegramLongPoller poller;
    final TelegramUpdates updates = new TelegramUpdates();
    final MutableClock clock = new MutableClock(Instant.parse("2024-02-16T02:00:00Z"));

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(dir);
        telegram = new TelegramDesk(clock, database);
        api = telegram.api();
        TelegramBot bot = telegram.bot(
                new CommandService(
                        TestData.archive(), new SeatDirectory(TestData.archive().seats())),
                database);
        poller = new TelegramLongPoller(telegram.client(), bot, 0, d -> {});
    }

    @AfterEach
    void tearDown() {
        telegram.close();
        database.close();
    }

    ObjectNode message(long updateId, String text) {
        return updates.message(CHAT, CHAT, text).put("update_id", updateId);
    }

    @Test
    void unreadableUpdatesAreSkippedAndTheRestOfTheBatchIsAnswered() {
        api.queueUpdate(message(10, "/result kingswood"));
        api.queueUpdate(updates.message(CHAT, CHAT, "/result x")
                .put("update_id", 11)
                .set("message", updates.message(CHAT, CHAT, "x").path("message").deepCopy()));
        ObjectNode chatIdNotANumber = message(12, "/result kingswood");
        ((ObjectNode) chatIdNotANumber.path("message").path("chat")).put("id", "not-a-number");
        api.queueUpdate(chatIdNotANumber);
        ObjectNode textAsObject = message(13, "ignored");
        ((ObjectNode) textAsObject.path("message")).putObject("text").put("evil", true);
        api.queueUpdate(textAsObject);
        ObjectNode dateAsString = message(14, "/result kingswood");
        ((ObjectNode) dateAsString.path("message")).put("date", "yesterday");
        api.queueUpdate(dateAsString);
        ObjectNode paidMedia = api.json().createObjectNode().put("update_id", 15);
        paidMedia.putObject("purchased_paid_media").put("paid_media_payload", "p");
        api.queueUpdate(paidMedia);
        api.queueUpdate(message(16, "/result wellingborough"));

        assertThat(poller.pollOnce()).isZero();

        assertThat(api.messages(CHAT))
                .extracting(FakeTelegramApi.Posted::text)
                .anySatisfy(t -> assertThat(t).contains("Kingswood by-election"))
                .anySatisfy(t -> assertThat(t).contains("Wellingborough by-election"));
        assertThat(poller.offset()).isEqualTo(17);
    }

    @Test
    void updateIdsAtAndPastTwoToTheThirtyOneKeepPollingWithACorrectOffset() {
        api.queueUpdate(message(Integer.MAX_VALUE, "/result kingswood"));
        api.queueUpdate(message(1L << 31, "/result wellingborough"));
        assertThat(poller.pollOnce()).isZero();
        assertThat(poller.offset()).isEqualTo((1L << 31) + 1);
        assertThat(api.messages(CHAT))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Kingswood"));

        api.queueUpdate(message((1L << 31) + 1, "/result wellingborough"));
        assertThat(poller.pollOnce()).isZero();
        assertThat(poller.offset()).isEqualTo((1L << 31) + 2);
        assertThat(api.messages(CHAT))
                .as("update ids past 2^31 cannot be read by TelegramBots")
                .hasSize(1);
        assertThat(api.calls().stream().filter(c -> c.equals("getupdates")).count())
                .as("no busy loop: one call a poll")
                .isEqualTo(2);

        api.queueUpdate(message((1L << 31) + 5, "/about"));
        assertThat(poller.pollOnce()).isZero();
        assertThat(poller.offset()).isEqualTo((1L << 31) + 6);
    }
}
