package org.resultsdesk.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramHtml;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * Real time, the real app (Main, in its own process, on an SQLite file) and the strict Telegram fake (30 a second for
 * the bot, 20 a minute a group, one a second a chat, each over a sliding window, refused with 429): how fast the
 * desk is at those limits. A benchmark, not a test: it prints its figures.
 *
 * <ul>
 *   <li>answers: {@code /result} asked in 300 private chats one after another (faster than the bot's 30 a second,
 *       so the platform's limit shows), and in 300 more asked 25 a second, from the update being queued to the
 *       answer's sendMessage reaching the fake: p50 and p99;
 *   <li>rename: 50 feed files renamed into the folder one at a time, each to its alert's sendMessage: p50, p99;
 *   <li>burst: 40 results landing together to 30 groups that follow everything (and again to 100 groups, with
 *       {@code /result} asked in private chats meanwhile): the last (group, result) pair's post after the last file
 *       landed, the posts it took, 429s received, and any window the posts broke by the fake's own log; the
 *       answers meanwhile are asked five a second, as a busy desk would.
 * </ul>
 *
 * <pre>
 * mvn -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.resultsdesk.it.BurstBenchmark"
 * </pre>
 *
 * <p>Name scenarios after the class to run only those: {@code answers}, {@code burst30}, {@code burst100}.
 */
public final class BurstBenchmark {
    static final long EDITOR = 900_001;
    static final long FIRST_GROUP = -4_100_000L;
    static final long FIRST_PRIVATE = 5_100_000L;

    private final Path dir;
    private final FakeTelegramApi telegram;
    private final TelegramUpdates updates = new TelegramUpdates();

    private BurstBenchmark(Path dir, FakeTelegramApi telegram) {
        this.dir = dir;
        this.telegram = telegram;
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("burst-bench");
        System.out.println("logs under " + root);
        List<String> only = List.of(args);
        if (only.isEmpty() || only.contains("answers")) {
            run(root.resolve("answers"), b -> b.answersAndRename());
        }
        if (only.isEmpty() || only.contains("burst30")) {
            run(root.resolve("burst30"), b -> b.burst(30, false));
        }
        if (only.isEmpty() || only.contains("burst100")) {
            run(root.resolve("burst100"), b -> b.burst(100, true));
        }
        System.exit(0); // the fake's HTTP server threads would keep the JVM up
    }

    interface Scenario {
        void run(BurstBenchmark bench) throws Exception;
    }

    private static void run(Path dir, Scenario scenario) throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        try (FakeTelegramApi telegram = new FakeTelegramApi(Clock.systemUTC())) {
            scenario.run(new BurstBenchmark(dir, telegram));
        }
    }

    private Instance start() throws Exception {
        Instance desk = Instance.start(
                "desk",
                dir,
                Map.of(
                        "STORE_DATA_DIRECTORY",
                        dir.resolve("data").toString(),
                        "FEEDS_DIRECTORY",
                        dir.resolve("inbox").toString(),
                        "TELEGRAM_BOT_TOKEN",
                        FakeTelegramApi.TOKEN,
                        "TELEGRAM_BOT_USERNAME",
                        FakeTelegramApi.USERNAME,
                        "TELEGRAM_API_URL",
                        telegram.baseUrl(),
                        "OPS_PORT",
                        "0",
                        "RESULTS_DESK_LOG_LEVEL",
                        "INFO",
                        "JAVA_TOOL_OPTIONS",
                        System.getProperty("bench.jvm", "")));
        await(Duration.ofSeconds(120), () -> logged(desk, "is now leader"));
        return desk;
    }

    private void answersAndRename() throws Exception {
        try (Instance desk = start()) {
            // Warm up the path once, as any instance is warm by the time a night is busy.
            ask(FIRST_PRIVATE - 1);
            List<Long> answers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                answers.add(ask(FIRST_PRIVATE + i));
            }
            print("/result in 300 private chats one after another", answers);
            List<Long> paced = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long started = System.nanoTime();
                paced.add(ask(FIRST_PRIVATE + 300 + i));
                // 25 a second: beneath the bot's 30, so what is measured is the desk, not the platform's limit
                Thread.sleep(Math.max(0, 40 - (System.nanoTime() - started) / 1_000_000));
            }
            print("/result in 300 private chats, asked 25 a second", paced);

            FutureElection night = new FutureElection(51);
            long chat = FIRST_PRIVATE - 2;
            follow(chat);
            List<Long> renames = new ArrayList<>();
            for (int i = 0; i < night.contests.size(); i++) {
                Contest c = night.contests.get(i);
                String headline = night.headline(c);
                Thread.sleep(1100); // the chat's one a second is not what is measured
                long landed = System.currentTimeMillis();
                FutureElection.land(dir.resolve("inbox"), c, 1);
                await(Duration.ofSeconds(30), () -> firstPost(chat, headline) != null);
                if (i > 0) { // the first file also warms the path
                    renames.add(firstPost(chat, headline).at().toEpochMilli() - landed);
                }
            }
            print("feed file renamed into the folder to its alert's sendMessage, 50 files one at a time", renames);
            System.out.println("429s received: " + telegram.throttledCount());
        }
    }

    private void burst(int groups, boolean askMeanwhile) throws Exception {
        try (Instance desk = start()) {
            for (int g = 0; g < groups; g++) {
                follow(FIRST_GROUP - g);
            }
            int before = telegram.allMessages().size();
            ask(FIRST_PRIVATE - 1);
            FutureElection night = new FutureElection(40);
            for (Contest c : night.contests) {
                FutureElection.land(dir.resolve("inbox"), c, 1);
            }
            long landed = System.currentTimeMillis();
            List<Long> answers = new ArrayList<>();
            String suffix = night.headlineSuffix();
            BooleanSupplier allThere = () -> pairs(suffix).size() == groups * night.contests.size();
            for (int i = 0; askMeanwhile && i < 300 && !allThere.getAsBoolean(); i++) {
                long started = System.nanoTime();
                answers.add(ask(FIRST_PRIVATE + 1000 + i));
                // Five a second, a busy desk: answers go ahead of alerts, so asked at the bot's whole 30 a second
                // they would hold every alert back for as long as they were asked, by design.
                Thread.sleep(Math.max(0, 200 - (System.nanoTime() - started) / 1_000_000));
            }
            await(Duration.ofSeconds(180), allThere);
            Map<String, Instant> pairs = pairs(suffix);
            long last = pairs.values().stream()
                            .mapToLong(Instant::toEpochMilli)
                            .max()
                            .orElseThrow()
                    - landed;
            long posts = telegram.allMessages().stream()
                    .skip(before)
                    .filter(p -> p.chatId() < 0)
                    .count();
            System.out.printf(
                    Locale.ROOT,
                    "burst: 40 results landing together to %d groups: last pair %.2f s after the last file, %d posts,"
                            + " %d x 429, %d window violations in the fake's log%n",
                    groups,
                    last / 1000.0,
                    posts,
                    telegram.throttledCount(),
                    violations());
            if (Boolean.getBoolean("bench.timeline")) {
                telegram.allMessages().stream()
                        .skip(before)
                        .filter(p -> p.chatId() < 0)
                        .forEach(p -> System.out.printf(
                                Locale.ROOT,
                                "  %+.3f s %d: %s%n",
                                (p.at().toEpochMilli() - landed) / 1000.0,
                                p.chatId(),
                                TelegramHtml.text(p.text()).lines().findFirst().orElse("")));
            }
            if (askMeanwhile) {
                print("/result in private chats while the " + groups + " groups are fed", answers);
            }
            if (!System.getProperty("bench.jvm", "").isEmpty()) {
                desk.terminate(); // lets a flight recording asked for in bench.jvm be written
            }
        }
    }

    /** The chat's administrator subscribes it to everything, and waits for the confirmation. */
    private void follow(long chat) throws Exception {
        telegram.setAdministrators(chat, EDITOR);
        telegram.queueUpdate(updates.message(chat, EDITOR, "/subscribe all"));
        await(
                Duration.ofSeconds(60),
                () -> telegram.messages(chat).stream().anyMatch(m -> m.text().contains("now follows")));
    }

    /** Asks /result kingswood in a private chat: ms from the update being queued to the answer reaching the fake. */
    private long ask(long chat) throws Exception {
        long asked = System.currentTimeMillis();
        telegram.queueUpdate(updates.message(chat, chat, "/result kingswood"));
        await(Duration.ofSeconds(30), () -> !telegram.messages(chat).isEmpty());
        return telegram.messages(chat).get(0).at().toEpochMilli() - asked;
    }

    private FakeTelegramApi.Posted firstPost(long chat, String headline) {
        return telegram.messages(chat).stream()
                .filter(m -> TelegramHtml.text(m.text()).contains(headline))
                .findFirst()
                .orElse(null);
    }

    /** "group|seat" to when the group first had that seat's result. */
    private Map<String, Instant> pairs(String suffix) {
        Map<String, Instant> pairs = new HashMap<>();
        for (FakeTelegramApi.Posted p : telegram.allMessages()) {
            if (p.chatId() < 0) {
                PostedSeats.seats(TelegramHtml.text(p.text()), suffix)
                        .forEach(seat -> pairs.putIfAbsent(p.chatId() + "|" + seat, p.at()));
            }
        }
        return pairs;
    }

    /** Posts beyond a limit in some window, by the fake's log: the bot's 30 a second, a group's 20 a minute. */
    private int violations() {
        List<FakeTelegramApi.Posted> all = telegram.allMessages();
        int over =
                overLimit(all.stream().map(p -> p.at().toEpochMilli()).sorted().toList(), 30, 1000);
        Map<Long, List<Long>> perChat = new HashMap<>();
        all.forEach(
                p -> perChat.computeIfAbsent(p.chatId(), c -> new ArrayList<>()).add(p.at().toEpochMilli()));
        for (Map.Entry<Long, List<Long>> chat : perChat.entrySet()) {
            List<Long> times = chat.getValue().stream().sorted().toList();
            over += overLimit(times, 1, 1000);
            if (chat.getKey() < 0) {
                over += overLimit(times, 20, 60_000);
            }
        }
        return over;
    }

    private static int overLimit(List<Long> sorted, int count, long window) {
        int over = 0;
        for (int i = count; i < sorted.size(); i++) {
            if (sorted.get(i) - sorted.get(i - count) < window) {
                over++;
            }
        }
        return over;
    }

    private static void print(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(
                Locale.ROOT,
                "%s: p50 %d ms, p99 %d ms, max %d ms (%d samples)%n",
                what,
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.get(sorted.size() - 1),
                sorted.size());
    }

    private static boolean logged(Instance desk, String text) {
        try {
            return desk.logged(text);
        } catch (Exception e) {
            return false;
        }
    }

    private static void await(Duration within, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done within " + within);
            }
            Thread.sleep(2);
        }
    }
}
