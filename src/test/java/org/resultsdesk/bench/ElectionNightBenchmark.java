package org.resultsdesk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.resultsdesk.MutableClock;
import org.resultsdesk.cards.ChartCardRenderer;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.AlertPictures;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.CardSource;
import org.resultsdesk.core.alerts.ContextSource;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.feeds.BundledResults;
import org.resultsdesk.feeds.DirectoryFeedSource;
import org.resultsdesk.slack.SlackApp;
import org.resultsdesk.slack.SlackGateway;
import org.resultsdesk.slack.SlackSettings;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiButtonCommands;
import org.resultsdesk.store.JdbiChannelCards;
import org.resultsdesk.store.JdbiReplyThreads;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.telegram.TelegramClients;
import org.resultsdesk.telegram.TelegramGateway;
import org.resultsdesk.telegram.TelegramSettings;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramHtml;

/**
 * Replays the GE2019 night (650 declarations at their real times, compressed into 8 hours) through the real feed
 * path (files landing in a watched directory, parser, store, outbox) to 300 Telegram groups and 100 Slack channels
 * that follow every seat, on the fake platforms and the real clients, and prints what a newsroom would ask: how soon
 * after a file lands its result is posted, how long the whole night takes against the platforms' limits, 429s,
 * duplicates and losses. Time is virtual (one clock drives the replay, the limiters and the fakes), so the figures
 * measure the delivery policy against the platforms' rules, not this machine's speed. Run: see the README.
 */
public final class ElectionNightBenchmark {
    static final int TELEGRAM_CHATS = 300;
    static final int SLACK_CHANNELS = 100;
    static final Duration NIGHT = Duration.ofHours(8);
    static final Duration SETTLE = Duration.ofMillis(200);
    static final Duration IDLE = Duration.ofSeconds(2);

    /**
     * {@code sqlite} (the default): one instance on an SQLite file. {@code postgres <jdbc-url>}: two instances sharing
     * that PostgreSQL database (each with its own pool, stores and delivery workers; the first also reads the feed),
     * in a fresh schema that is dropped afterwards. {@code cards} (after either): every third channel has result cards
     * on, so its single alerts go as pictures.
     */
    public static void main(String[] args) throws Exception {
        int code = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        // The SDKs leave non-daemon threads behind (OkHttp's dispatcher, the Slack client's executors), which would
        // keep the JVM alive after the figures are printed.
        System.exit(code);
    }

    private static void run(String[] args) throws Exception {
        boolean postgres = args.length > 0 && args[0].equals("postgres");
        boolean withCards = List.of(args).contains("cards");
        BundledResults.Loaded loaded = BundledResults.read();
        List<Contest> night = loaded.archive().contestsOf("parl.2019-12-12").stream()
                .sorted(Comparator.comparing((Contest c) -> c.declaredAt().orElseThrow()))
                .toList();
        Instant first = night.get(0).declaredAt().orElseThrow();
        Duration realSpan =
                Duration.between(first, night.get(night.size() - 1).declaredAt().orElseThrow());
        double compression = (double) realSpan.toMillis() / NIGHT.toMillis();

        MutableClock clock = new MutableClock(Instant.parse("2019-12-12T22:00:00Z"));
        Path work = Files.createTempDirectory("results-desk-bench");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        ResultsArchive archive = loaded.archive().without("parl.2019-12-12");
        String schema = "rd_bench_" + Long.toHexString(System.nanoTime());
        List<Database> databases = new ArrayList<>();
        if (postgres) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(args[1], "postgres", "")) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            String url = args[1] + (args[1].contains("?") ? "&" : "?") + "currentSchema=" + schema;
            databases.add(Database.open(url, "postgres", null));
            databases.add(Database.open(url, "postgres", null));
        } else {
            databases.add(Database.sqlite(work.resolve("db")));
        }

        try (FakeTelegramApi telegram = new FakeTelegramApi(clock);
                FakeSlackApi slack = new FakeSlackApi(clock)) {
            Database database = databases.get(0);
            JdbiAlertStore outbox = new JdbiAlertStore(database);
            JdbiSubscriptionStore subscriptions = new JdbiSubscriptionStore(database, clock);
            List<String> telegramChats = new ArrayList<>();
            List<String> slackChannels = new ArrayList<>();
            for (int i = 0; i < TELEGRAM_CHATS; i++) {
                telegramChats.add(String.valueOf(-1_000_000L - i));
                subscriptions.add(new Subscription(
                        new ChannelRef(Platform.TELEGRAM, telegramChats.get(i)), Subscription.Kind.ALL, null, "all"));
            }
            for (int i = 0; i < SLACK_CHANNELS; i++) {
                slackChannels.add("C" + (100_000 + i));
                subscriptions.add(new Subscription(
                        new ChannelRef(Platform.SLACK, slackChannels.get(i)), Subscription.Kind.ALL, null, "all"));
            }
            JdbiChannelCards channelCards = new JdbiChannelCards(database, clock);
            if (withCards) {
                for (int i = 0; i < TELEGRAM_CHATS; i += 3) {
                    channelCards.setCards(new ChannelRef(Platform.TELEGRAM, telegramChats.get(i)), true);
                }
                for (int i = 0; i < SLACK_CHANNELS; i += 3) {
                    channelCards.setCards(new ChannelRef(Platform.SLACK, slackChannels.get(i)), true);
                }
            }
            Cards cards = new Cards(new ChartCardRenderer());
            Map<String, Instant> landed = new HashMap<>();
            AtomicBoolean ingested = new AtomicBoolean();
            DeclarationIngest ingest = new DeclarationIngest(
                    new BundledFeedParser(),
                    new StoreFollower(outbox, archive, new RushBoard()),
                    outbox,
                    new AlertRouter(subscriptions),
                    clock,
                    () -> ingested.set(true));
            DirectoryFeedSource source = new DirectoryFeedSource(inbox, SETTLE, clock, file -> {
                ingest.accept(file);
            });
            OkHttpClient http = new OkHttpClient();
            SlackSettings slackSettings = new SlackSettings(
                    FakeSlackApi.BOT_TOKEN,
                    "bench",
                    Optional.empty(),
                    slack.apiUrl(),
                    SlackSettings.Mode.HTTP,
                    SlackSettings.Visibility.IN_CHANNEL,
                    Set.of());
            AtomicInteger takenOver = new AtomicInteger();
            AlertDelivery.Listener takeovers = new AlertDelivery.Listener() {
                @Override
                public void takenOver(Platform platform, int alerts) {
                    takenOver.addAndGet(alerts);
                }
            };
            List<AlertDelivery> workers = new ArrayList<>();
            for (int i = 0; i < databases.size(); i++) {
                JdbiAlertStore store = new JdbiAlertStore(databases.get(i));
                AlertComposer composer = new AlertComposer(
                        store,
                        archive,
                        CardSource.NONE,
                        ContextSource.NONE,
                        AlertPictures.cards(new JdbiChannelCards(databases.get(i), clock), cards));
                JdbiSendBudget budget = new JdbiSendBudget(databases.get(i));
                AlertDelivery.Settings settings = AlertDelivery.Settings.DEFAULTS.withOwner("instance-" + i);
                workers.add(new AlertDelivery(
                        new TelegramGateway(
                                TelegramClients.create(
                                        http,
                                        new TelegramSettings(
                                                FakeTelegramApi.TOKEN,
                                                FakeTelegramApi.USERNAME,
                                                HttpUrl.get(telegram.baseUrl()),
                                                TelegramSettings.Mode.POLLING,
                                                Optional.empty())),
                                new JdbiButtonCommands(databases.get(i)),
                                new JdbiReplyThreads(databases.get(i)),
                                clock),
                        store,
                        new JdbiSubscriptionStore(databases.get(i), clock),
                        composer,
                        budget,
                        clock,
                        settings,
                        takeovers));
                workers.add(new AlertDelivery(
                        new SlackGateway(SlackApp.slack(slackSettings).methods(FakeSlackApi.BOT_TOKEN)),
                        store,
                        new JdbiSubscriptionStore(databases.get(i), clock),
                        composer,
                        budget,
                        clock,
                        settings,
                        takeovers));
            }

            long wallStart = System.nanoTime();
            Instant start = clock.instant();
            List<Instant> landings = night.stream()
                    .map(c -> start.plusMillis(
                            (long) (Duration.between(first, c.declaredAt().orElseThrow())
                                            .toMillis()
                                    / compression)))
                    .toList();
            int next = 0;
            long reported = 0;
            Map<AlertDelivery, Instant> wakeAt = new HashMap<>();
            workers.forEach(w -> wakeAt.put(w, start));
            while (true) {
                Instant now = clock.instant();
                Set<Path> landedNow = new HashSet<>();
                while (next < night.size() && !landings.get(next).isAfter(now)) {
                    Contest c = night.get(next++);
                    Path partial = inbox.resolve(c.seat().gss() + "_1.tsv.part");
                    Path file = inbox.resolve(c.seat().gss() + "_1.tsv");
                    Files.writeString(partial, BundledFeedParser.write(c), StandardCharsets.UTF_8);
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                    landed.put(c.seat().name(), now);
                    landedNow.add(file);
                }
                if (Duration.between(start, now).toMinutes() >= reported + 30) {
                    reported += 30;
                    System.err.printf(
                            "%s into the night (virtual), %d of %d landed, %.0f s wall%n",
                            Duration.ofMinutes(reported), next, night.size(), (System.nanoTime() - wallStart) / 1e9);
                }
                if (!landedNow.isEmpty()) {
                    // What the directory's change events deliver: files renamed in, read without settling.
                    source.arrivedWhole(landedNow);
                }
                // Time jumps to whatever happens next: a landing, an alert due, a limit freeing up.
                Instant soonest = next < night.size() ? landings.get(next) : null;
                // Each worker runs as its instance's delivery loop would: when woken by an ingest (or, on PostgreSQL,
                // by the other instance's notification), when the next alert it knows of falls due, or after idling
                // for two seconds; again at once while it has due work left; and the instances take turns.
                boolean woken = ingested.getAndSet(false);
                List<AlertDelivery> busy = new ArrayList<>();
                for (AlertDelivery worker : workers) {
                    if (woken || !wakeAt.get(worker).isAfter(now)) {
                        busy.add(worker);
                    }
                }
                boolean firstPass = true;
                while (!busy.isEmpty()) {
                    for (Iterator<AlertDelivery> it = busy.iterator(); it.hasNext(); ) {
                        AlertDelivery worker = it.next();
                        // As DeliveryLoop does: the pass a wake-up starts takes any claim it holds afresh.
                        Instant due = worker.deliverDue(woken && firstPass).orElse(null);
                        if (due == null || due.isAfter(now)) {
                            wakeAt.put(worker, due == null || due.isAfter(now.plus(IDLE)) ? now.plus(IDLE) : due);
                            it.remove();
                        }
                    }
                    firstPass = false;
                }
                for (Instant at : wakeAt.values()) {
                    soonest = earliest(soonest, at);
                }
                if (next == night.size() && outbox.pendingCount() == 0) {
                    break;
                }
                clock.advance(Duration.ofMillis(
                        soonest == null
                                ? 1
                                : Math.max(1, Duration.between(now, soonest).toMillis())));
            }
            Instant end = clock.instant();
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;

            Map<String, Instant> firstPost = new HashMap<>();
            Map<String, Instant> pairPost = new HashMap<>();
            int duplicates = 0;
            int telegramPosts = 0;
            int slackPosts = 0;
            for (FakeTelegramApi.Posted p : telegram.allMessages()) {
                telegramPosts++;
                for (String seat : seats(TelegramHtml.text(p.text()))) {
                    firstPost.merge(seat, p.at(), (a, b) -> a.isBefore(b) ? a : b);
                    duplicates += pairPost.putIfAbsent(p.chatId() + "|" + seat, p.at()) == null ? 0 : 1;
                }
            }
            for (FakeSlackApi.Posted p : slack.allMessages()) {
                slackPosts++;
                for (String seat : seats(p.text())) {
                    firstPost.merge(seat, p.at(), (a, b) -> a.isBefore(b) ? a : b);
                    duplicates += pairPost.putIfAbsent(p.channel() + "|" + seat, p.at()) == null ? 0 : 1;
                }
            }
            List<Long> latencies = new ArrayList<>();
            landed.forEach((seat, at) -> Optional.ofNullable(firstPost.get(seat))
                    .ifPresent(
                            posted -> latencies.add(Duration.between(at, posted).toMillis())));
            latencies.sort(Long::compare);
            long expectedPairs = (long) night.size() * (TELEGRAM_CHATS + SLACK_CHANNELS);
            Duration lastLanding = Duration.between(
                    start, landed.values().stream().max(Instant::compareTo).orElseThrow());
            Duration total = Duration.between(start, end);

            System.out.printf(
                    "Election night benchmark (%s%s): GE2019, %d declarations over %s (virtual), %d Telegram"
                            + " groups, %d Slack channels%n",
                    postgres ? "two instances sharing PostgreSQL" : "one instance on" + " SQLite",
                    withCards ? ", result cards in every third channel" : "",
                    night.size(),
                    NIGHT,
                    TELEGRAM_CHATS,
                    SLACK_CHANNELS);
            System.out.printf(
                    "file landing to first post: p50 %.1f s, p99 %.1f s, max %.1f s%n",
                    pct(latencies, 50) / 1000.0,
                    pct(latencies, 99) / 1000.0,
                    latencies.get(latencies.size() - 1) / 1000.0);
            pairLatency(
                    "Telegram",
                    pairPost,
                    landed,
                    telegramChats,
                    new IdealSchedule(TelegramGateway.BOT_API_LIMITS).postTimes(landed, telegramChats));
            pairLatency(
                    "Slack",
                    pairPost,
                    landed,
                    slackChannels,
                    new IdealSchedule(SlackGateway.WEB_API_LIMITS).postTimes(landed, slackChannels));
            System.out.printf(
                    "total delivery time: %s from the first landing; last file landed at %s%n", total, lastLanding);
            System.out.printf(
                    "posts: Telegram %d, Slack %d (for %d declaration-channel pairs)%n",
                    telegramPosts, slackPosts, expectedPairs);
            System.out.printf(
                    "of which pictures: Telegram %d photos, Slack %d uploads%n",
                    telegram.allMessages().stream()
                            .filter(p -> telegram.photo(p.messageId()).isPresent())
                            .count(),
                    slack.uploads().size());
            System.out.printf(
                    "429s received: Telegram %d, Slack %d%n", telegram.throttledCount(), slack.throttledCount());
            System.out.printf("duplicates: %d; losses: %d%n", duplicates, expectedPairs - pairPost.size());
            System.out.printf("alerts that waited for a claim to run out: %d%n", takenOver.get());
            System.out.printf("wall time %.1f s%n", wallSeconds);
        } finally {
            for (Database d : databases) {
                d.close();
            }
            if (postgres) {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(args[1], "postgres", "")) {
                    c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    /** Each pair's latency from its file landing to its post, beside the ideal schedule's bound for that pair. */
    private static void pairLatency(
            String platform,
            Map<String, Instant> posted,
            Map<String, Instant> landed,
            List<String> channels,
            Map<String, Instant> ideal) {
        List<Long> actual = new ArrayList<>();
        List<Long> bound = new ArrayList<>();
        for (String channel : channels) {
            landed.forEach((seat, at) -> {
                Instant post = posted.get(channel + "|" + seat);
                if (post != null) {
                    actual.add(Duration.between(at, post).toMillis());
                }
                bound.add(Duration.between(at, ideal.get(channel + "|" + seat)).toMillis());
            });
        }
        actual.sort(Long::compare);
        bound.sort(Long::compare);
        System.out.printf(
                "%s pair latency: p50 %.1f s, p99 %.1f s, max %.1f s; the platform's bound: p50 %.1f s,"
                        + " p99 %.1f s, max %.1f s; p99 ratio %.2f%n",
                platform,
                pct(actual, 50) / 1000.0,
                pct(actual, 99) / 1000.0,
                actual.get(actual.size() - 1) / 1000.0,
                pct(bound, 50) / 1000.0,
                pct(bound, 99) / 1000.0,
                bound.get(bound.size() - 1) / 1000.0,
                (double) pct(actual, 99) / Math.max(1, pct(bound, 99)));
    }

    /** The seats whose results a post carries: each line that heads a result names one. */
    static List<String> seats(String text) {
        return org.resultsdesk.it.PostedSeats.seats(text, ", general election 12 Dec 2019");
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
