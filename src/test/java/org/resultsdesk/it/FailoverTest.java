package org.resultsdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.store.TestPostgres;
import org.resultsdesk.telegram.fake.FakeTelegramApi;

/**
 * Two real instances (processes running the app's Main) on one PostgreSQL database, feeding from one inbox and
 * delivering to the fake Bot API and Slack Web API. The leader is killed with SIGKILL in the middle of a burst; the other takes over
 * the feed, and every (declaration, channel) is delivered, none twice that had been recorded as sent.
 */
class FailoverTest {
    static final int CHATS = 6;

    @TempDir
    Path dir;

    @Test
    void theSecondInstanceTakesOverWhenTheLeaderIsKilled() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        try (TestPostgres.Schema schema = TestPostgres.freshSchema("rd_failover");
                FakeTelegramApi telegram = new FakeTelegramApi(Clock.systemUTC());
                FakeSlackApi slack = new FakeSlackApi(Clock.systemUTC());
                Database database = schema.open()) {
            JdbiSubscriptionStore subscriptions = new JdbiSubscriptionStore(database, Clock.systemUTC());
            for (int i = 0; i < CHATS; i++) {
                subscriptions.add(new Subscription(
                        new ChannelRef(Platform.TELEGRAM, String.valueOf(-3_000_000L - i)),
                        Subscription.Kind.ALL,
                        null,
                        "all"));
            }
            List<String> slackChannels = List.of("C0FAILA", "C0FAILB", "C0FAILC");
            slackChannels.forEach(ch -> subscriptions.add(
                    new Subscription(new ChannelRef(Platform.SLACK, ch), Subscription.Kind.ALL, null, "all")));
            JdbiAlertStore outbox = new JdbiAlertStore(database);
            List<Contest> burst = TestData.archive().contestsOf("parl.2019-12-12").stream()
                    .limit(24)
                    .toList();

            Path logA = dir.resolve("a.log");
            Path logB = dir.resolve("b.log");
            Process a = instance(schema, inbox, telegram, slack, logA);
            await().atMost(Duration.ofSeconds(60)).until(() -> contains(logA, "is now leader"));
            Process b = instance(schema, inbox, telegram, slack, logB);
            await().atMost(Duration.ofSeconds(60)).until(() -> contains(logB, "Telegram started"));

            int landed = 0;
            while (telegram.allMessages().size() < 10) {
                land(inbox, burst.get(landed++));
                int seen = telegram.allMessages().size();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> telegram.allMessages().size() > seen);
            }
            a.destroyForcibly().waitFor();
            long killedAt = System.nanoTime();
            Set<String> recordedSent = recordedSent(database);
            await().atMost(Duration.ofSeconds(30)).until(() -> contains(logB, "is now leader"));
            double takeover = (System.nanoTime() - killedAt) / 1e9;
            System.out.printf(
                    "failover: the second instance led the feed %.1f s after the leader was killed%n", takeover);

            while (landed < burst.size()) {
                land(inbox, burst.get(landed++));
            }
            try {
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> declarations(database) == burst.size() && outbox.pendingCount() == 0);
            } finally {
                b.destroyForcibly().waitFor();
            }

            Map<String, Integer> deliveries = DeliveredPairs.count(telegram.allMessages());
            Set<String> expected = DeliveredPairs.expected(
                    java.util.stream.LongStream.range(0, CHATS)
                            .mapToObj(i -> -3_000_000L - i)
                            .toList(),
                    burst);
            Map<String, Integer> slackDeliveries = DeliveredPairs.countSlack(slack.allMessages());
            assertThat(slackDeliveries.keySet()).containsAll(DeliveredPairs.expected(slackChannels, burst));
            deliveries.putAll(slackDeliveries);
            assertThat(takeover).isLessThan(10);
            assertThat(deliveries.keySet()).containsAll(expected);
            assertThat(recordedSent).isNotEmpty();
            recordedSent.forEach(
                    pair -> assertThat(deliveries.get(pair)).as(pair).isEqualTo(1));
        }
    }

    private Process instance(
            TestPostgres.Schema schema, Path inbox, FakeTelegramApi telegram, FakeSlackApi slack, Path log)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Dfile.encoding=UTF-8",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.resultsdesk.app.Main",
                        "--config",
                        defaultsFile(dir).toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("STORE_JDBC_URL", schema.url());
        env.put("STORE_USER", schema.user());
        if (schema.password() != null) {
            env.put("STORE_PASSWORD", schema.password());
        }
        env.put("FEEDS_DIRECTORY", inbox.toString());
        env.put("FEEDS_SETTLE_MILLIS", "100");
        env.put("TELEGRAM_BOT_TOKEN", FakeTelegramApi.TOKEN);
        env.put("TELEGRAM_BOT_USERNAME", FakeTelegramApi.USERNAME);
        env.put("TELEGRAM_API_URL", telegram.baseUrl());
        env.put("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", "failover-test-secret");
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("SLACK_PORT", "0");
        env.put("OPS_PORT", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static void land(Path inbox, Contest contest) throws Exception {
        Path partial = inbox.resolve(contest.seat().gss() + "_1.tsv.part");
        Files.writeString(partial, BundledFeedParser.write(contest), StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(contest.seat().gss() + "_1.tsv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean contains(Path log, String text) throws Exception {
        return Files.exists(log) && Files.readString(log).contains(text);
    }

    private static int declarations(Database database) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM declarations")
                        .mapTo(Integer.class)
                        .one());
    }

    /** Channel and seat of every alert recorded as sent, on either platform. */
    private static Set<String> recordedSent(Database database) {
        Map<String, String> seatById = new HashMap<>();
        TestData.archive()
                .contestsOf("parl.2019-12-12")
                .forEach(c -> seatById.put(c.id(), c.seat().name()));
        return new HashSet<>(database.jdbi()
                .withHandle(h -> h.createQuery("SELECT channel_id, contest_id FROM outbox WHERE status = 'SENT'")
                        .map((rs, ctx) -> rs.getString("channel_id") + "|" + seatById.get(rs.getString("contest_id")))
                        .list()));
    }

    /** An empty configuration file: the defaults and the environment alone. */
    private static Path defaultsFile(Path dir) throws java.io.IOException {
        Path file = dir.resolve("defaults.yml");
        if (!Files.exists(file)) {
            Files.writeString(file, "# the defaults and the environment alone\n");
        }
        return file;
    }
}
