package org.resultsdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.resultsdesk.InlineReplies;
import org.resultsdesk.MutableClock;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiButtonCommands;
import org.resultsdesk.store.JdbiReplyThreads;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiUpdateLedger;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram as the tests meet it: the fake Bot API on the test's clock, the real TelegramBots client (long polling)
 * and our gateway pointed at it, and bots that answer through them with replies sent inline. Close it after the test.
 */
public final class TelegramDesk implements AutoCloseable {
    private final MutableClock clock;
    private final FakeTelegramApi api;
    private final TelegramClient client;
    private final TelegramGateway gateway;
    private final boolean ownsApi;

    /** A desk whose buttons and reply threads are kept in {@code database}, as every instance's are. */
    public TelegramDesk(MutableClock clock, Database database) throws IOException {
        this(clock, new FakeTelegramApi(clock), database, true);
    }

    private TelegramDesk(MutableClock clock, FakeTelegramApi api, Database database, boolean ownsApi) {
        this.clock = clock;
        this.api = api;
        this.ownsApi = ownsApi;
        this.client = TelegramClients.create(
                new OkHttpClient(),
                new TelegramSettings(
                        FakeTelegramApi.TOKEN,
                        FakeTelegramApi.USERNAME,
                        HttpUrl.get(api.baseUrl()),
                        TelegramSettings.Mode.POLLING,
                        Optional.empty()));
        this.gateway =
                new TelegramGateway(client, new JdbiButtonCommands(database), new JdbiReplyThreads(database), clock);
    }

    /** Another instance of the bot on the same fake Bot API, with its own client and gateway over {@code database}. */
    public TelegramDesk on(Database database) {
        return new TelegramDesk(clock, api, database, false);
    }

    public FakeTelegramApi api() {
        return api;
    }

    public TelegramClient client() {
        return client;
    }

    public TelegramGateway gateway() {
        return gateway;
    }

    /**
     * A bot answering with {@code commands}, keeping its ledger of seen updates and its send budget in
     * {@code database}, and sending replies on the caller's thread ({@link InlineReplies}).
     */
    public TelegramBot bot(CommandHandler commands, Database database) {
        return new TelegramBot(
                client,
                gateway,
                commands,
                new JdbiUpdateLedger(database, clock),
                FakeTelegramApi.USERNAME,
                InlineReplies.on(gateway, new JdbiSendBudget(database), clock));
    }

    /** Queues {@code updates} at the fake and has {@code bot} take them in one poll, which must not ask to wait. */
    public void poll(TelegramBot bot, ObjectNode... updates) {
        for (ObjectNode update : updates) {
            api.queueUpdate(update);
        }
        assertThat(new TelegramLongPoller(client, bot, 0, d -> {}).pollOnce()).isZero();
    }

    @Override
    public void close() {
        if (ownsApi) {
            api.close();
        }
    }
}
