package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.InlineReplies;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.console.ConsoleApp;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.RecordingGateway;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.slack.SlackApp;
import org.resultsdesk.slack.SlackGateway;
import org.resultsdesk.slack.SlackSettings;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiButtonCommands;
import org.resultsdesk.store.JdbiReplyThreads;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiUpdateLedger;
import org.resultsdesk.telegram.TelegramBot;
import org.resultsdesk.telegram.TelegramClients;
import org.resultsdesk.telegram.TelegramGateway;
import org.resultsdesk.telegram.TelegramLongPoller;
import org.resultsdesk.telegram.TelegramSettings;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramHtml;
import org.resultsdesk.telegram.fake.TelegramUpdates;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * What a stranger can send, sent: ten thousand generated commands (regular-expression bombs, brackets, control
 * characters, right-to-left text, 10,000-character arguments) through the console and, fewer, through the Telegram
 * and Slack fakes; every reply type carrying hostile text rendered on both platforms; hostile files dropped into the
 * running app's feed directory. Nothing may die, throw past the boundary, address anyone, or stop the watcher.
 */
class HostileInputTest {
    static final String HOSTILE = "<!channel> <!here> <!everyone> <@U123> <!subteam^S1> <https://evil.example|click>"
            + " @everyone @admin https://evil.example evil.com & &amp; <b>x</b> </pre> \u202eRTL";
    static final ChatContext SLACK_EDITOR =
            new ChatContext(ChatContext.Platform.SLACK, "C0DESK", ChatContext.ChatKind.GROUP, "U0ED", "editor", false);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2024-07-05T03:00:00Z"));
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger("org.resultsdesk");
    ResultsDesk desk;
    FakeTelegramApi telegram;
    FakeSlackApi slack;

    @BeforeEach
    void setUp() throws Exception {
        logs.start();
        root.addAppender(logs);
        Config config = Config.of(
                Map.of("feeds.directory", dir.resolve("inbox").toString(), "feeds.settle-millis", "50"), Map.of());
        desk = TestDesks.following(config, Clock.systemUTC(), TestData.freshArchive(), Database.sqlite(dir));
        telegram = new FakeTelegramApi(clock);
        slack = new FakeSlackApi(clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        root.detachAppender(logs);
        desk.close();
        telegram.close();
        slack.close();
    }

    // ---- commands -------------------------------------------------------------------------------------------------

    static List<String> commands(int count) {
        List<String> prefixes = List.of(
                "/result ",
                "/r ",
                "/snippet ",
                "/seats ",
                "/scoreboard ",
                "/quote ",
                "/quote kingswood ",
                "/quote national ",
                "/quotes ",
                "/quotes approval ",
                "/quote approve ",
                "/quote retract ",
                "/subscribe ",
                "/subscribe region ",
                "/unsubscribe ",
                "/subscriptions ",
                "/status ",
                "/help ",
                "/about ",
                "result ",
                "",
                "/",
                "/result@ResultsDeskBot ");
        List<String> fragments = List.of(
                "kingswood",
                "brighton kemptown",
                "(",
                ")",
                "((((((((((",
                "[",
                "]",
                "{",
                "}",
                HOSTILE,
                "<!channel>",
                "<@U123>",
                "@everyone",
                "&amp;",
                "\u0000",
                "\u0007",
                "\u001b[31m",
                "\t",
                "\u202e",
                "\u200f",
                "\u2028",
                "مرحبا بالعالم",
                "שלום",
                "🎉🌹",
                "\uD83D",
                ":",
                "“",
                "”",
                "\"",
                "'",
                ",",
                ",,,,",
                "a".repeat(60) + "!",
                "(a+)+$",
                ".*.*.*.*=",
                "\\",
                "%s%n%x",
                "${jndi:ldap://x}",
                "(Editor)",
                "2019",
                "2024-02-15",
                "15/02/2024",
                "by-election",
                "general",
                "99999999999999999999",
                "-1",
                "#12",
                "approve",
                "national",
                "on",
                "off",
                "region",
                "all",
                " ".repeat(3000),
                "x".repeat(10_000),
                "kingswood ".repeat(400),
                ": ".repeat(2000),
                "(".repeat(5000) + ")",
                "a,".repeat(2000),
                "\\s*".repeat(500) + "by-election",
                "(Aide): x",
                " & ",
                "St. Helens",
                "ynys mon");
        List<String> separators = List.of(" ", "", ":", ", ", "  ");
        Random random = new Random(14);
        List<String> out = new ArrayList<>(count);
        while (out.size() < count) {
            StringBuilder command = new StringBuilder(prefixes.get(random.nextInt(prefixes.size())));
            int parts = 1 + random.nextInt(5);
            for (int i = 0; i < parts; i++) {
                command.append(fragments.get(random.nextInt(fragments.size())))
                        .append(separators.get(random.nextInt(separators.size())));
            }
            String line = command.toString().replace('\n', ' ').replace('\r', ' ');
            if (!line.strip().equals("/quit") && !line.strip().equals("/exit")) {
                out.add(line);
            }
        }
        return out;
    }

    /** Times every answer; a test prints the slowest rather than asserting a time on a shared machine. */
    static final class Timed implements CommandHandler {
        final CommandHandler handler;
        final AtomicLong slowestNanos = new AtomicLong();
        final AtomicInteger answered = new AtomicInteger();
        volatile String slowest = "";

        Timed(CommandHandler handler) {
            this.handler = handler;
        }

        @Override
        public Reply handle(String text, ChatContext context) {
            long start = System.nanoTime();
            Reply reply = handler.handle(text, context);
            long took = System.nanoTime() - start;
            if (took > slowestNanos.get()) {
                slowestNanos.set(took);
                slowest = text;
            }
            answered.incrementAndGet();
            return reply;
        }
    }

    /** What was logged so far; the appender adds on other threads, under its own lock. */
    List<ILoggingEvent> logged() {
        synchronized (logs) {
            return new ArrayList<>(logs.list);
        }
    }

    List<ILoggingEvent> errors() {
        return logged().stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .toList();
    }

    @Test
    void tenThousandGeneratedCommandsThroughTheConsoleKillNothingAndThrowNothing() throws Exception {
        List<String> commands = commands(10_000);
        Timed timed = new Timed(desk.commands);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        new ConsoleApp(timed)
                .run(
                        new BufferedReader(
                                new StringReader(String.join("\n", commands) + "\n/result" + " kingswood\n")),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        false);
        long took = System.nanoTime() - start;

        System.out.printf(
                "hostile commands: %d through the console in %d ms, slowest answer %d ms (%s)%n",
                timed.answered.get(),
                took / 1_000_000,
                timed.slowestNanos.get() / 1_000_000,
                org.resultsdesk.core.text.LogSafe.escape(timed.slowest));
        assertThat(timed.answered.get())
                .as("every non-blank line answered, the last one too")
                .isEqualTo(commands.stream().filter(c -> !c.isBlank()).count() + 1);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.substring(printed.lastIndexOf("Kingswood by-election, 15 Feb 2024")))
                .as("the console still answers after them all")
                .contains("Overturns a Conservative majority of 11,220");
        assertThat(errors()).as("nothing thrown past the command boundary").isEmpty();
    }

    @Test
    void generatedCommandsThroughTheTelegramAndSlackFakesAnswerEveryoneAndAddressNobody() throws Exception {
        List<String> commands = commands(10_000).subList(0, 300);
        TelegramSettings settings = new TelegramSettings(
                FakeTelegramApi.TOKEN,
                FakeTelegramApi.USERNAME,
                HttpUrl.get(telegram.baseUrl()),
                TelegramSettings.Mode.POLLING,
                Optional.empty());
        TelegramClient client = TelegramClients.create(new OkHttpClient(), settings);
        TelegramGateway telegramGateway = new TelegramGateway(
                client, new JdbiButtonCommands(desk.database), new JdbiReplyThreads(desk.database), clock);
        TelegramBot bot = new TelegramBot(
                client,
                telegramGateway,
                desk.commands,
                new JdbiUpdateLedger(desk.database, clock),
                FakeTelegramApi.USERNAME,
                InlineReplies.on(telegramGateway, new JdbiSendBudget(desk.database), clock));
        TelegramLongPoller poller = new TelegramLongPoller(client, bot, 0, d -> {});
        TelegramUpdates updates = new TelegramUpdates();
        for (int batch = 0; batch < commands.size(); batch += 100) {
            for (int i = batch; i < batch + 100; i++) {
                telegram.queueUpdate(updates.message(1000 + i, 1000 + i, commands.get(i)));
            }
            assertThat(poller.pollOnce()).isZero();
        }
        assertThat(telegram.allMessages().size()).as("answers").isGreaterThan(250);

        SlackGateway gateway = new SlackGateway(SlackApp.slack(slackSettings()).methods(FakeSlackApi.BOT_TOKEN));
        for (String command : commands.subList(0, 150)) {
            clock.advance(Duration.ofSeconds(2));
            assertThat(gateway.send("C0DESK", desk.commands.handle(command, SLACK_EDITOR)))
                    .isInstanceOf(DeliveryResult.Delivered.class);
        }

        assertThat(errors()).isEmpty();
        assertInert(telegram, slack);
    }

    // ---- every reply type, hostile in every field ---------------------------------------------------------------

    @Test
    void everyReplyTypeWithHostileTextIsInertOnBothPlatforms() throws Exception {
        Contest real = TestData.contest("parl.kingswood.by.2024-02-15", "E14000774");
        List<Candidacy> hostile = new ArrayList<>();
        for (Candidacy c : real.candidates()) {
            hostile.add(new Candidacy(
                    HOSTILE.substring(0, 40),
                    "@everyone evil.com",
                    new Party(c.party().code(), c.party().name() + " <!here> https://evil.example"),
                    c.votes()));
        }
        Contest contest = new Contest(
                real.election(),
                real.seat(),
                real.electorate(),
                real.validVotes(),
                real.invalidVotes(),
                real.declaredAt(),
                hostile);
        desk.alertStore.record(
                Declaration.of(new FeedMessage.Result(contest, 1), "hostile.tsv", clock.instant()), List.of());
        desk.alertStore.record(
                Declaration.of(
                        new FeedMessage.Rush(
                                new Election("parl.2029-05-03", ElectionKind.GENERAL, LocalDate.of(2029, 5, 3)),
                                real.seat(),
                                real.winner().party(),
                                Optional.of(real.candidates().get(1).party()),
                                HOSTILE,
                                1),
                        "rush.xml",
                        clock.instant()),
                List.of());
        desk.follower.catchUp();
        ChatContext console = ChatContext.console();
        String filed = text(desk.commands.handle(
                "/quote kingswood " + HOSTILE.substring(0, 100).replace(":", "") + " (<!here> @admin): " + HOSTILE,
                console));
        assertThat(filed).contains("#1");
        desk.commands.handle("/quote approve 1", console);

        AlertComposer composer = new AlertComposer(desk.alertStore, desk.archive, desk.quoteCards);
        ChannelRef channel = new ChannelRef(ChatContext.Platform.SLACK, "C0DESK");
        Alert result = Alert.pending(channel, contest.id(), 1, Alert.Kind.RESULT, clock.instant());
        Alert correction = Alert.pending(channel, contest.id(), 2, Alert.Kind.CORRECTION, clock.instant());
        Alert rush = Alert.pending(channel, "parl.2029-05-03/E14000774", 1, Alert.Kind.RUSH, clock.instant());
        Alert quote = Alert.pending(channel, "quote/1", 1, Alert.Kind.QUOTE, clock.instant());
        Alert retraction = Alert.pending(channel, "quote/1", 2, Alert.Kind.RETRACTION, clock.instant());
        List<Reply> replies = new ArrayList<>(List.of(
                composer.single(result),
                composer.single(correction),
                composer.single(rush),
                composer.single(quote),
                composer.single(retraction),
                composer.corrected(result),
                composer.digest(java.util.stream.Stream.of(result, correction, rush, quote, retraction)
                        .map(composer::line)
                        .toList()),
                new Reply(
                        List.of(
                                new Reply.Table(HOSTILE, List.of(List.of(HOSTILE, "1"), List.of("2", HOSTILE))),
                                new Reply.Text(HOSTILE)),
                        List.of(new Reply.Suggestion(HOSTILE, "/result kingswood")))));
        for (String command : List.of(
                "/result kingswood",
                "/snippet kingswood",
                "/quotes kingswood",
                "/quotes pending",
                "/seats " + HOSTILE,
                "/result " + HOSTILE,
                "/subscribe " + HOSTILE,
                "/quote kingswood " + HOSTILE)) {
            replies.add(desk.commands.handle(command, console));
        }

        TelegramSettings settings = new TelegramSettings(
                FakeTelegramApi.TOKEN,
                FakeTelegramApi.USERNAME,
                HttpUrl.get(telegram.baseUrl()),
                TelegramSettings.Mode.POLLING,
                Optional.empty());
        TelegramGateway telegramGateway = new TelegramGateway(
                TelegramClients.create(new OkHttpClient(), settings),
                new JdbiButtonCommands(desk.database),
                new JdbiReplyThreads(desk.database),
                clock);
        SlackGateway slackGateway =
                new SlackGateway(SlackApp.slack(slackSettings()).methods(FakeSlackApi.BOT_TOKEN));
        for (Reply reply : replies) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(telegramGateway.send("42", reply)).isInstanceOf(DeliveryResult.Delivered.class);
            DeliveryResult posted = slackGateway.send("C0DESK", reply);
            assertThat(posted).isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(slackGateway.edit("C0DESK", ((DeliveryResult.Delivered) posted).messageId(), reply))
                    .isInstanceOf(DeliveryResult.Delivered.class);
        }
        slack.failNext("C0DESK", "invalid_blocks");
        clock.advance(Duration.ofSeconds(5));
        assertThat(slackGateway.send("C0DESK", replies.get(0)))
                .as("the plain-text retry")
                .isInstanceOf(DeliveryResult.Delivered.class);

        assertThat(telegram.messages(42)).hasSizeGreaterThanOrEqualTo(replies.size());
        assertThat(telegram.messages(42).get(0).text()).contains("@\u2060everyone evil.\u2060com");
        assertThat(slack.chatRequests()).hasSizeGreaterThanOrEqualTo(2 * replies.size() + 1);
        assertInert(telegram, slack);
    }

    private static final Pattern TELEGRAM_MENTION = Pattern.compile("@[A-Za-z0-9_]");
    private static final Pattern TELEGRAM_LINK = Pattern.compile("://|[A-Za-z0-9]\\.[A-Za-z]");

    /** Nothing in any payload could notify anyone or carry a link: the fakes saw every request. */
    static void assertInert(FakeTelegramApi telegram, FakeSlackApi slack) {
        for (JsonNode request : telegram.sendRequests()) {
            String html = request.path("text").asText();
            String shown =
                    request.path("parse_mode").asText("").equalsIgnoreCase("HTML") ? TelegramHtml.text(html) : html;
            assertThat(shown).doesNotContainPattern(TELEGRAM_MENTION).doesNotContainPattern(TELEGRAM_LINK);
            assertThat(html).doesNotContain("<a ").doesNotContain("tg://");
            JsonNode preview = request.path("link_preview_options");
            assertThat(preview.isTextual() ? preview.asText() : preview.toString())
                    .contains("\"is_disabled\":true");
        }
        for (Map<String, String> request : slack.chatRequests()) {
            assertThat(request.get("text")).as("top-level text").doesNotContain("<");
            assertThat(request.getOrDefault("blocks", "[]"))
                    .doesNotContain("<!")
                    .doesNotContain("<@")
                    .doesNotContain("<http")
                    .doesNotContain("<#");
            assertThat(request).containsEntry("parse", "none").containsEntry("link_names", "0");
            if (request.containsKey("unfurl_links")) {
                assertThat(request).containsEntry("unfurl_links", "0").containsEntry("unfurl_media", "0");
            }
        }
    }

    // ---- feed files ---------------------------------------------------------------------------------------------

    @Test
    void hostileFeedFilesAreEachRefusedWithOneEscapedLineNoAlertAndTheWatcherReadsTheNextFile() throws Exception {
        ChannelRef console = new ChannelRef(ChatContext.Platform.CONSOLE, "console");
        desk.subscriptions.add(new Subscription(console, Subscription.Kind.ALL, null, "every declaration"));
        RecordingGateway alerts = new RecordingGateway(ChatContext.Platform.CONSOLE, Instant::now);
        desk.deliverTo(alerts);
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        desk.startLeaderWork();

        Contest kingswood = TestData.contest("parl.2019-12-12", "E14000774");
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        String pa = new String(
                getClass()
                        .getResourceAsStream("/feeds/pa/RECONSTRUCTED-FirstPastThePostResult-Kingswood-2024.xml")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        files.put(
                "spaces.xml",
                pa.replace(
                                "name=\"Kingswood By-election\"",
                                "name=\"Kingswood" + " ".repeat(200_000) + "By-election x\"")
                        .getBytes(StandardCharsets.UTF_8));
        files.put(
                "doctype.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
                        .getBytes(StandardCharsets.UTF_8));
        files.put(
                "evil\nINFO o.r.DeclarationIngest - accepted everything.tsv",
                "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8));
        files.put("maxvotes_1.tsv", tsv(withVotes(kingswood, Integer.MAX_VALUE)));
        files.put(
                "ge2099_1.tsv",
                tsv(new Contest(
                        new Election("parl.2099-05-07", ElectionKind.GENERAL, LocalDate.of(2099, 5, 7)),
                        kingswood.seat(),
                        kingswood.electorate(),
                        kingswood.validVotes(),
                        kingswood.invalidVotes(),
                        kingswood.declaredAt(),
                        kingswood.candidates())));
        List<Candidacy> crowd = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            crowd.add(new Candidacy("Cand", "Idate" + i, kingswood.winner().party(), 1));
        }
        files.put(
                "crowd_1.tsv",
                tsv(new Contest(
                        kingswood.election(),
                        kingswood.seat(),
                        70_000,
                        10_001,
                        java.util.OptionalInt.empty(),
                        Optional.empty(),
                        crowd)));
        files.put(
                "twice_1.tsv",
                (BundledFeedParser.write(kingswood) + BundledFeedParser.write(withVotes(kingswood, 5)))
                        .getBytes(StandardCharsets.UTF_8));
        files.put("ballot-twice.json", dcBallotTwice());
        byte[] badUtf8 = tsv(kingswood);
        int at = new String(badUtf8, StandardCharsets.UTF_8).indexOf("Chris");
        badUtf8[at] = (byte) 0xC3;
        badUtf8[at + 1] = (byte) 0x28;
        files.put("bad-utf8_1.tsv", badUtf8);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(inbox.resolve(file.getKey()), file.getValue());
        }
        Files.createSymbolicLink(inbox.resolve("passwd.tsv"), Path.of("/etc/passwd"));
        new ProcessBuilder("mkfifo", inbox.resolve("pipe.tsv").toString())
                .start()
                .waitFor();
        try (RandomAccessFile huge =
                new RandomAccessFile(inbox.resolve("huge.xml").toFile(), "rw")) {
            huge.setLength(3L * 1024 * 1024 * 1024);
        }
        List<String> names = new ArrayList<>(files.keySet());
        names.addAll(List.of("passwd.tsv", "pipe.tsv", "huge.xml"));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> names.stream().allMatch(n -> !linesNaming(n).isEmpty()));
        byte[] good = ("\uFEFF" + BundledFeedParser.write(kingswood)).getBytes(StandardCharsets.UTF_8);
        Files.write(inbox.resolve("bom_1.tsv"), good);
        await().atMost(Duration.ofSeconds(60)).until(() -> alerts.sent.size() == 1);

        for (String name : names) {
            assertThat(linesNaming(name)).as(name).hasSize(1);
        }
        assertThat(linesNaming("ballot-twice.json").get(0)).contains("twice, as messages 1 and 2");
        assertThat(linesNaming("maxvotes_1.tsv").get(0)).contains("more than 300000");
        assertThat(linesNaming("ge2099_1.tsv").get(0)).contains("outside");
        assertThat(linesNaming("crowd_1.tsv").get(0)).contains("10001 candidates");
        assertThat(linesNaming("passwd.tsv").get(0)).doesNotContain("root:");
        assertThat(logged())
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("\n") || m.contains("root:x:0:0:root:/root"));
        assertThat(alerts.sent)
                .singleElement()
                .satisfies(s -> assertThat(text(s.reply()) + s.reply().parts()).contains("Kingswood"));
        assertThat(desk.feedWatcherHealthy()).isTrue();
    }

    private List<String> linesNaming(String fileName) {
        String escaped = org.resultsdesk.core.text.LogSafe.escape(fileName);
        return logged().stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(" " + escaped + ":"))
                .toList();
    }

    private static Contest withVotes(Contest c, int votes) {
        List<Candidacy> candidates = c.candidates().stream()
                .map(k -> new Candidacy(k.givenName(), k.familyName(), k.party(), votes))
                .toList();
        return new Contest(
                c.election(),
                c.seat(),
                c.electorate(),
                (int) Math.min(Integer.MAX_VALUE, (long) votes * candidates.size()),
                c.invalidVotes(),
                c.declaredAt(),
                candidates);
    }

    private static byte[] tsv(Contest contest) {
        return BundledFeedParser.write(contest).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] dcBallotTwice() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root =
                (ObjectNode) json.readTree(getClass().getResourceAsStream("/feeds/dc/parl-kingswood-result-set.json"));
        ArrayNode results = (ArrayNode) root.path("results");
        ObjectNode copy = results.get(0).deepCopy();
        ((ObjectNode) copy.path("candidate_results").get(0)).put("num_ballots", 11_000);
        results.add(copy);
        return json.writeValueAsBytes(root);
    }

    private SlackSettings slackSettings() {
        return new SlackSettings(
                FakeSlackApi.BOT_TOKEN,
                "secret",
                Optional.empty(),
                slack.apiUrl(),
                SlackSettings.Mode.HTTP,
                SlackSettings.Visibility.IN_CHANNEL,
                java.util.Set.of("U0ED"));
    }

    private static String text(Reply reply) {
        return reply.parts().stream()
                .filter(p -> p instanceof Reply.Text)
                .map(p -> ((Reply.Text) p).text())
                .reduce("", (a, b) -> a + b);
    }
}
