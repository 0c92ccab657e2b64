package org.resultsdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.slack.SlackSignature;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.TestPostgres;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramHtml;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * Two instances (the app's Main, in two processes) share one PostgreSQL database on a night that is not in the
 * bundled data. Editors subscribe their groups through the Telegram fake, as they would; results land as files.
 * The leader is killed, or frozen and thawed, mid-night: every (declaration, channel) pair arrives, none twice, a
 * deposed leader writes nothing, and whichever instance is asked answers with what the other stored.
 */
class SharedNightTest {
    static final long EDITOR = 900_001;
    static final long REPORTER = 900_002;
    static final String SLACK_SECRET = "shared-night-signing-secret";
    static final List<Long> GROUPS = List.of(-4_000_001L, -4_000_002L, -4_000_003L);

    @TempDir
    Path dir;

    TestPostgres.Schema schema;
    Path inbox;
    FakeTelegramApi telegram;
    FakeSlackApi slack;
    Database database;
    final TelegramUpdates updates = new TelegramUpdates();
    final FutureElection night = new FutureElection(25);

    @BeforeEach
    void setUp() throws Exception {
        schema = TestPostgres.freshSchema("rd_shared");
        inbox = Files.createDirectories(dir.resolve("inbox"));
        telegram = new FakeTelegramApi(Clock.systemUTC());
        slack = new FakeSlackApi(Clock.systemUTC());
        database = schema.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
        telegram.close();
        slack.close();
        schema.close();
    }

    @Test
    void aLeaderKilledMidDeliveryLosesNothingAndTheSurvivorAnswersWithTheStoredFigures() throws Exception {
        try (Instance one = instance("a", freePort());
                Instance two = instance("b", freePort())) {
            Instance a = leaderOf(one, two);
            Instance b = a == one ? two : one;
            subscribeGroups();

            int landed = 0;
            while (delivered().values().stream().mapToInt(Integer::intValue).sum() < 8) {
                FutureElection.land(inbox, night.contests.get(landed++), 1);
                int before = delivered().size();
                await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() > before);
            }
            a.kill();
            Set<String> inFlightAtTheKill = inFlight();
            await().atMost(Duration.ofSeconds(120)).until(() -> b.logged("is now leader"));
            assertThat(b.log().lines().filter(l -> l.contains("is now leader")))
                    .as("taken over because the killed leader's session ended, not because its lease ran out")
                    .singleElement()
                    .asString()
                    .contains(TAKEN_FROM_A_DEAD_SESSION);
            while (landed < night.contests.size()) {
                FutureElection.land(inbox, night.contests.get(landed++), 1);
            }
            await().atMost(Duration.ofSeconds(180))
                    .until(() -> declarations() == night.contests.size() && pending() == 0);

            Map<String, Integer> pairs = delivered();
            dump();
            assertThat(pairs.keySet()).containsExactlyInAnyOrderElementsOf(expected(night.contests));
            pairs.forEach((pair, times) -> {
                if (!inFlightAtTheKill.contains(pair)) {
                    assertThat(times)
                            .as(pair + " (in flight at the kill: " + inFlightAtTheKill + ")")
                            .isEqualTo(1);
                }
            });

            Contest last = night.contests.get(night.contests.size() - 1);
            telegram.queueUpdate(
                    updates.message(REPORTER, REPORTER, "/result " + last.seat().name()));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !telegram.messages(REPORTER).isEmpty());
            assertThat(TelegramHtml.text(telegram.messages(REPORTER).get(0).text()))
                    .contains(night.headline(last))
                    .contains(String.format(Locale.UK, "majority %,d", FutureElection.majority(last)));
        }
    }

    @Test
    void aFrozenLeaderIsReplacedAndWhenItWakesItWritesAndSendsNothing() throws Exception {
        Map<String, Integer> slackPorts = Map.of("a", freePort(), "b", freePort());
        try (Instance one = instance("a", slackPorts.get("a"));
                Instance two = instance("b", slackPorts.get("b"))) {
            Instance a = leaderOf(one, two);
            Instance b = a == one ? two : one;
            int slackPortOfA = slackPorts.get(a.name);
            subscribeGroups();
            List<Contest> before = night.contests.subList(0, 5);
            for (Contest c : before) {
                FutureElection.land(inbox, c, 1);
            }
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> delivered().keySet().containsAll(expected(before)) && pending() == 0);
            long acceptedByA = a.count("accepted ");

            a.freeze();
            long frozenAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(120)).until(() -> b.logged("is now leader"));
            assertThat(b.log().lines().filter(l -> l.contains("is now leader")))
                    .as("a frozen leader's session lives on: taken over only when its lease ran out")
                    .singleElement()
                    .asString()
                    .doesNotContain(TAKEN_FROM_A_DEAD_SESSION);
            System.out.printf(
                    "freeze: the second instance led the feed %.1f s after the leader was frozen%n",
                    (System.nanoTime() - frozenAt) / 1e9);
            List<Contest> during = night.contests.subList(5, 10);
            for (Contest c : during) {
                FutureElection.land(inbox, c, 1);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> declarations() == 10 && pending() == 0);

            a.thaw();
            await().atMost(Duration.ofSeconds(30)).until(() -> a.logged("lost the feeds lease"));
            List<Contest> after = night.contests.subList(10, 12);
            for (Contest c : after) {
                FutureElection.land(inbox, c, 1);
            }
            Contest corrected = night.recounted(night.contests.get(0), 700);
            FutureElection.land(inbox, corrected, 2);
            await().atMost(Duration.ofSeconds(90)).until(() -> declarations() == 13 && pending() == 0);

            assertThat(a.count("accepted "))
                    .as("the thawed instance ingested nothing")
                    .isEqualTo(acceptedByA);
            Map<String, Integer> pairs = delivered();
            dump();
            assertThat(pairs.keySet()).containsExactlyInAnyOrderElementsOf(expected(night.contests.subList(0, 12)));
            assertThat(pairs)
                    .as("nothing sent twice")
                    .allSatisfy((pair, times) -> assertThat(times).as(pair).isEqualTo(1));

            // The correction was read by b; a, which no longer leads, answers with it from the store.
            long asked = System.nanoTime();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> slashResult(slackPortOfA, corrected)
                            .contains(String.format(Locale.UK, "majority %,d", FutureElection.majority(corrected))));
            System.out.printf(
                    "the other instance answered with the correction within %.2f s of being asked%n",
                    (System.nanoTime() - asked) / 1e9);

            String status = slash(slackPortOfA, DESK_EDITOR, "/resultsdesk", "status");
            assertThat(status)
                    .as("the instance that no longer reads the feed tells the store's story")
                    .contains("Feed: last file")
                    .contains("Last declaration: "
                            + corrected.id().substring(0, corrected.id().indexOf('/') + 1))
                    .contains("Feed leader: " + b.name + "/")
                    .contains("Alerts waiting: 0");
        }
    }

    static final String DESK_EDITOR = "U0EDITOR";
    /** What JdbiLeaderLease logs when it took the lease because no live session held the lease's lock. */
    static final String TAKEN_FROM_A_DEAD_SESSION = "no live session held the lease's lock";

    private Instance instance(String name, int slackPort) throws Exception {
        return Instance.start(
                name,
                dir,
                Map.ofEntries(
                        Map.entry("STORE_JDBC_URL", schema.url()),
                        Map.entry("STORE_USER", schema.user()),
                        Map.entry("STORE_PASSWORD", schema.password() == null ? "" : schema.password()),
                        Map.entry("FEEDS_DIRECTORY", inbox.toString()),
                        Map.entry("FEEDS_SETTLE_MILLIS", "100"),
                        Map.entry("TELEGRAM_BOT_TOKEN", FakeTelegramApi.TOKEN),
                        Map.entry("TELEGRAM_BOT_USERNAME", FakeTelegramApi.USERNAME),
                        Map.entry("TELEGRAM_API_URL", telegram.baseUrl()),
                        Map.entry("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN),
                        Map.entry("SLACK_SIGNING_SECRET", SLACK_SECRET),
                        Map.entry("SLACK_API_URL", slack.apiUrl()),
                        Map.entry("SLACK_PORT", String.valueOf(slackPort)),
                        Map.entry("SLACK_EDITOR_USER_IDS", DESK_EDITOR),
                        Map.entry("OPS_PORT", "0"),
                        Map.entry("RESULTS_DESK_LOG_LEVEL", Boolean.getBoolean("it.logs") ? "DEBUG" : "INFO")));
    }

    /** With {@code -Dit.logs=true}: every post and outbox row, for reading a failure. */
    private void dump() {
        if (Boolean.getBoolean("it.logs")) {
            GROUPS.forEach(g -> telegram.messages(g)
                    .forEach(m -> System.out.println("POST " + g + " " + m.at() + " #" + m.messageId() + " "
                            + TelegramHtml.text(m.text()).lines().limit(4).toList())));
            List<Map<String, Object>> rows = database.jdbi()
                    .withHandle(h -> h.createQuery("SELECT id,"
                                    + " channel_id, contest_id, revision, kind, status, message_id, claimed_by, attempts, last_error"
                                    + " FROM outbox ORDER BY id")
                            .mapToMap()
                            .list());
            rows.forEach(r -> System.out.println("ROW " + r));
        }
    }

    /** Whichever of the two took the lease first, once both are serving chats. */
    private static Instance leaderOf(Instance one, Instance two) {
        await().atMost(Duration.ofSeconds(120)).until(() -> one.logged("is now leader") || two.logged("is now leader"));
        await().atMost(Duration.ofSeconds(120)).until(() -> one.logged("Slack started") && two.logged("Slack started"));
        try {
            return one.logged("is now leader") ? one : two;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each group's administrator subscribes it to every seat, through the Telegram fake, as editors do. */
    private void subscribeGroups() {
        for (long group : GROUPS) {
            telegram.setAdministrators(group, EDITOR);
            telegram.queueUpdate(updates.message(group, EDITOR, "/subscribe all"));
        }
        await().atMost(Duration.ofSeconds(120))
                .until(() -> GROUPS.stream()
                        .allMatch(g -> telegram.messages(g).stream()
                                .anyMatch(m -> m.text().contains("now follows"))));
    }

    /** "group|seat" to how many posts carried that seat's result of tonight's election to that group. */
    private Map<String, Integer> delivered() {
        Map<String, Integer> pairs = new HashMap<>();
        String suffix = night.headlineSuffix();
        for (FakeTelegramApi.Posted p : telegram.allMessages()) {
            if (TelegramHtml.text(p.text()).startsWith("Correction:")) {
                continue;
            }
            for (String seat : PostedSeats.seats(TelegramHtml.text(p.text()), suffix)) {
                pairs.merge(p.chatId() + "|" + seat, 1, Integer::sum);
            }
        }
        return pairs;
    }

    private Set<String> expected(List<Contest> contests) {
        Set<String> expected = new HashSet<>();
        GROUPS.forEach(
                g -> contests.forEach(c -> expected.add(g + "|" + c.seat().name())));
        return expected;
    }

    private Set<String> inFlight() {
        Map<String, String> seats = night.contests.stream()
                .collect(Collectors.toMap(Contest::id, c -> c.seat().name()));
        return new HashSet<>(database.jdbi()
                .withHandle(h -> h.createQuery("SELECT channel_id, contest_id FROM outbox WHERE status = 'IN_FLIGHT'")
                        .map((rs, ctx) -> rs.getString("channel_id") + "|" + seats.get(rs.getString("contest_id")))
                        .list()));
    }

    private int declarations() {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM declarations")
                        .mapTo(Integer.class)
                        .one());
    }

    private int pending() {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'IN_FLIGHT')")
                        .mapTo(Integer.class)
                        .one());
    }

    /** /result for the contest's seat, asked of one instance's Slack endpoint, really signed; the answer's text. */
    private String slashResult(int port, Contest contest) throws Exception {
        return slash(port, "U0REPORTER", "/result", contest.seat().name());
    }

    /** A slash command asked of one instance's Slack endpoint by a user, really signed; the answer's text. */
    private String slash(int port, String user, String command, String text) throws Exception {
        String body = Map.of(
                        "team_id",
                        "T0NEWS",
                        "channel_id",
                        "C0DESK",
                        "user_id",
                        user,
                        "command",
                        command,
                        "text",
                        text,
                        "response_url",
                        slack.responseUrl("shared"))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String ts = String.valueOf(Clock.systemUTC().instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header(
                        "X-Slack-Signature",
                        new SlackSignature(SLACK_SECRET, Clock.systemUTC())
                                .sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
