package org.resultsdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.delivery.ReplySender;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiButtonCommands;
import org.resultsdesk.store.JdbiReplyThreads;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiUpdateLedger;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * Replies on the real worker pool, in real time: a chat that Telegram throttles waits out its retry-after on its own,
 * and a reporter in another chat is answered meanwhile.
 */
class ThrottledRepliesTest {
    static final long THROTTLED = 7001;
    static final long OTHER = 7002;

    @TempDir
    Path dir;

    @Test
    void aThrottledChatDelaysNoOtherChatsAnswer() throws Exception {
        try (FakeTelegramApi api = new FakeTelegramApi(Clock.systemUTC());
                Database database = Database.sqlite(dir)) {
            TelegramGateway gateway = new TelegramGateway(
                    TelegramClients.create(
                            new OkHttpClient(),
                            new TelegramSettings(
                                    FakeTelegramApi.TOKEN,
                                    FakeTelegramApi.USERNAME,
                                    HttpUrl.get(api.baseUrl()),
                                    TelegramSettings.Mode.POLLING,
                                    Optional.empty())),
                    new JdbiButtonCommands(database),
                    new JdbiReplyThreads(database),
                    Clock.systemUTC());
            try (ReplySender replies = ReplySender.pooled(
                    gateway, new JdbiSendBudget(database), Clock.systemUTC(), 2, Duration.ofMinutes(1))) {
                org.telegram.telegrambots.meta.generics.TelegramClient client = TelegramClients.create(
                        new OkHttpClient(),
                        new TelegramSettings(
                                FakeTelegramApi.TOKEN,
                                FakeTelegramApi.USERNAME,
                                HttpUrl.get(api.baseUrl()),
                                TelegramSettings.Mode.POLLING,
                                Optional.empty()));
                TelegramBot bot = new TelegramBot(
                        client,
                        gateway,
                        new CommandService(
                                TestData.archive(),
                                new SeatDirectory(TestData.archive().seats())),
                        new JdbiUpdateLedger(database, Clock.systemUTC()),
                        FakeTelegramApi.USERNAME,
                        replies);
                TelegramUpdates updates = new TelegramUpdates();
                api.failNext(THROTTLED, FakeTelegramApi.Failure.THROTTLED_DESCRIPTION_ONLY);

                api.queueUpdate(updates.message(THROTTLED, THROTTLED, "/result kingswood"));
                api.queueUpdate(updates.message(OTHER, OTHER, "/result wellingborough"));
                new TelegramLongPoller(client, bot, 0, d -> {}).pollOnce();

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> api.messages(THROTTLED).size() == 1);
                assertThat(api.messages(OTHER))
                        .singleElement()
                        .satisfies(m -> assertThat(m.text()).contains("Wellingborough"));
                assertThat(Duration.between(
                                api.messages(OTHER).get(0).at(),
                                api.messages(THROTTLED).get(0).at()))
                        .as("the other chat was answered while the throttled one waited out its retry-after")
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(8));
            }
        }
    }
}
