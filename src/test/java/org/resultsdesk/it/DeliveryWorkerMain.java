package org.resultsdesk.it;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.delivery.DeliveryLoop;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiButtonCommands;
import org.resultsdesk.store.JdbiReplyThreads;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.telegram.TelegramClients;
import org.resultsdesk.telegram.TelegramGateway;
import org.resultsdesk.telegram.TelegramSettings;
import org.resultsdesk.telegram.fake.FakeTelegramApi;

/**
 * A delivery worker in a process of its own, for the kill-and-restart test: it drains the outbox of an SQLite file
 * to a Telegram API until it is killed. Arguments: data directory, Bot API base URL.
 */
public final class DeliveryWorkerMain {
    private DeliveryWorkerMain() {}

    public static void main(String[] args) throws Exception {
        Database database = Database.sqlite(Path.of(args[0]));
        JdbiAlertStore outbox = new JdbiAlertStore(database);
        TelegramGateway gateway = new TelegramGateway(
                TelegramClients.create(
                        new OkHttpClient(),
                        new TelegramSettings(
                                FakeTelegramApi.TOKEN,
                                FakeTelegramApi.USERNAME,
                                HttpUrl.get(args[1]),
                                TelegramSettings.Mode.POLLING,
                                Optional.empty())),
                new JdbiButtonCommands(database),
                new JdbiReplyThreads(database),
                Clock.systemUTC());
        AlertDelivery delivery = new AlertDelivery(
                gateway,
                outbox,
                new JdbiSubscriptionStore(database, Clock.systemUTC()),
                new AlertComposer(outbox, TestData.archive()),
                new JdbiSendBudget(database),
                Clock.systemUTC(),
                new AlertDelivery.Settings(Duration.ofSeconds(2), 25, 8, 200, "worker"),
                new AlertDelivery.Listener() {});
        new DeliveryLoop("telegram", delivery, Clock.systemUTC(), Duration.ofMillis(100)).start();
        System.out.println("worker ready");
        Thread.currentThread().join();
    }
}
