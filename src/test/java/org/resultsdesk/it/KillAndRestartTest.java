package org.resultsdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.telegram.fake.FakeTelegramApi;

/**
 * The delivery process is killed (SIGKILL) in the middle of a burst and started again on the same database: every
 * (declaration, channel) pair arrives, and nothing recorded as sent before the kill is sent a second time.
 */
class KillAndRestartTest {
    static final int CHATS = 8;

    @TempDir
    Path dir;

    @Test
    void aKilledWorkerLosesNothingAndRepeatsNothingItRecordedAsSent() throws Exception {
        try (FakeTelegramApi telegram = new FakeTelegramApi(Clock.systemUTC());
                Database database = Database.sqlite(dir)) {
            JdbiAlertStore outbox = new JdbiAlertStore(database);
            JdbiSubscriptionStore subscriptions = new JdbiSubscriptionStore(database, Clock.systemUTC());
            for (int i = 0; i < CHATS; i++) {
                subscriptions.add(new Subscription(
                        new ChannelRef(Platform.TELEGRAM, String.valueOf(-2_000_000L - i)),
                        Subscription.Kind.ALL,
                        null,
                        "all"));
            }
            DeclarationIngest ingest = new DeclarationIngest(
                    new BundledFeedParser(),
                    new StoreFollower(outbox, TestData.freshArchive(), new RushBoard()),
                    outbox,
                    new AlertRouter(subscriptions),
                    Clock.systemUTC(),
                    () -> {},
                    () -> org.resultsdesk.core.port.Fence.NONE,
                    org.resultsdesk.core.alerts.ResultLimits.DEFAULTS,
                    // The 2019 night replayed as news, whatever today's date.
                    org.resultsdesk.core.alerts.NewsPolicy.DEFAULTS.withOldElectionDays(0));
            List<Contest> burst = TestData.archive().contestsOf("parl.2019-12-12").stream()
                    .limit(40)
                    .toList();

            Process first = worker(telegram);
            int landed = 0;
            while (telegram.allMessages().size() < 12) {
                int before = telegram.allMessages().size();
                land(ingest, burst.get(landed++));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> telegram.allMessages().size() > before);
            }
            first.destroyForcibly().waitFor();
            Set<String> recordedSent = recordedSentPairs(database.jdbi());
            int postedBeforeKill = telegram.allMessages().size();

            while (landed < burst.size()) {
                land(ingest, burst.get(landed++));
            }
            Process second = worker(telegram);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> outbox.pendingCount() == 0);
            } finally {
                second.destroyForcibly().waitFor();
            }

            Map<String, Integer> deliveries = DeliveredPairs.count(telegram.allMessages());
            Set<String> expected = DeliveredPairs.expected(
                    java.util.stream.LongStream.range(0, CHATS)
                            .mapToObj(i -> -2_000_000L - i)
                            .toList(),
                    burst);
            assertThat(postedBeforeKill).isGreaterThanOrEqualTo(12);
            assertThat(recordedSent)
                    .as("some alerts were recorded as sent before the kill")
                    .isNotEmpty();
            assertThat(deliveries.keySet()).as("every pair delivered").containsAll(expected);
            for (String pair : recordedSent) {
                assertThat(deliveries.get(pair)).as("sent once: " + pair).isEqualTo(1);
            }
        }
    }

    private static void land(DeclarationIngest ingest, Contest contest) {
        ingest.accept(new FeedFile(
                contest.seat().gss() + "_1.tsv",
                BundledFeedParser.write(contest).getBytes(StandardCharsets.UTF_8),
                Instant.now()));
    }

    /** Chat and seat of every alert the dead worker had recorded as sent. */
    private static Set<String> recordedSentPairs(Jdbi jdbi) {
        Map<String, String> seatById = new HashMap<>();
        TestData.archive()
                .contestsOf("parl.2019-12-12")
                .forEach(c -> seatById.put(c.id(), c.seat().name()));
        return new HashSet<>(jdbi.withHandle(
                h -> h.createQuery("SELECT channel_id, contest_id FROM outbox WHERE status = 'SENT'")
                        .map((rs, ctx) -> rs.getString("channel_id") + "|" + seatById.get(rs.getString("contest_id")))
                        .list()));
    }

    private Process worker(FakeTelegramApi telegram) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("worker-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(
                        java,
                        "-Dfile.encoding=UTF-8",
                        "-cp",
                        System.getProperty("java.class.path"),
                        DeliveryWorkerMain.class.getName(),
                        dir.toString(),
                        telegram.baseUrl())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(log) && Files.readString(log).contains("worker ready"));
        return process;
    }
}
