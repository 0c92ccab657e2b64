package org.resultsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LISTEN/NOTIFY on a real PostgreSQL: each listener runs once on connecting (to catch up on what it missed) and then
 * on each notification on its own channel only; on SQLite there is no one to hear from and nothing runs.
 */
class StoreNotificationsTest {
    @TempDir
    Path dir;

    /** A bound on waiting for another thread, not a timing claim: the test fails only if a wake-up never comes. */
    static final long PATIENCE_SECONDS = 30;

    @Test
    void eachListenerRunsOnConnectingAndOnItsOwnChannelsNotifications() throws Exception {
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (TestPostgres.Schema schema = TestPostgres.freshSchema("rd_notify");
                Database listening = schema.open();
                Database writing = schema.open();
                StoreNotifications notifications = new StoreNotifications(
                                listening,
                                Map.of(
                                        StoreNotifications.DECLARATIONS, () -> heard.add("declarations"),
                                        StoreNotifications.OUTBOX, () -> heard.add("outbox")))
                        .start()) {
            assertThat(java.util.List.of(take(heard), take(heard)))
                    .as("both catch up once listening")
                    .containsExactlyInAnyOrder("declarations", "outbox");

            notify(writing, StoreNotifications.OUTBOX);
            assertThat(take(heard)).isEqualTo("outbox");
            notify(writing, "some_other_channel");
            notify(writing, StoreNotifications.DECLARATIONS);
            assertThat(take(heard)).isEqualTo("declarations");
            assertThat(heard).isEmpty();
        }
    }

    @Test
    void onSqliteNothingListensAndNothingRuns() throws Exception {
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (Database database = Database.sqlite(dir);
                StoreNotifications notifications = new StoreNotifications(
                                database, Map.of(StoreNotifications.OUTBOX, () -> heard.add("outbox")))
                        .start()) {
            assertThat(heard.poll()).isNull();
        }
        assertThat(heard).as("not even the catch-up: there is no thread").isEmpty();
    }

    private static String take(LinkedBlockingQueue<String> heard) throws InterruptedException {
        String next = heard.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(next).as("a wake-up within the test's patience").isNotNull();
        return next;
    }

    private static void notify(Database database, String channel) {
        database.jdbi()
                .useHandle(h -> h.createQuery("SELECT pg_notify(:channel, '')")
                        .bind("channel", channel)
                        .mapTo(String.class)
                        .list());
    }
}
