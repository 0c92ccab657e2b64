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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.resultsdesk.MutableClock;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.AlertDelivery;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.ChannelRef;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.alerts.Subscription;
import org.resultsdesk.core.command.ChatContext.Platform;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.feeds.BundledResults;
import org.resultsdesk.feeds.DirectoryFeedSource;
import org.resultsdesk.slack.SlackApp;
import org.resultsdesk.slack.SlackGateway;
import org.resultsdesk.slack.SlackSettings;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
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
    static final Duration STEP = Duration.ofMillis(500);

    public static void main(String[] args) throws Exception {
        BundledResults.Loaded loaded = BundledResults.read();
        List<Contest> night = loaded.archive().contestsOf("parl.2019-12-12").stream()
                .sorted(Comparator.comparing((Contest c) -> c.declaredAt().orElseThrow())).toList();
        Instant first = night.get(0).declaredAt().orElseThrow();
        Duration realSpan = Duration.between(first, night.get(night.size() - 1).declaredAt().orElseThrow());
        double compression = (double) realSpan.toMillis() / NIGHT.toMillis();

        MutableClock clock = new MutableClock(Instant.parse("2019-12-12T22:00:00Z"));
        Path work = Files.createTempDirectory("results-desk-bench");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        ResultsArchive archive = loaded.archive().without("parl.2019-12-12");

        try (FakeTelegramApi telegram = new FakeTelegramApi(clock); FakeSlackApi slack = new FakeSlackApi(clock);
             Database database = Database.sqlite(work.resolve("db"))) {
            JdbiAlertStore outbox = new JdbiAlertStore(database);
            JdbiSubscriptionStore subscriptions = new JdbiSubscriptionStore(database, clock);
            for (int i = 0; i < TELEGRAM_CHATS; i++) {
                subscriptions.add(new Subscription(new ChannelRef(Platform.TELEGRAM, String.valueOf(-1_000_000L - i)),
                        Subscription.Kind.ALL, null, "all"));
            }
            for (int i = 0; i < SLACK_CHANNELS; i++) {
                subscriptions.add(new Subscription(new ChannelRef(Platform.SLACK, "C" + (100_000 + i)),
                        Subscription.Kind.ALL, null, "all"));
            }
            Map<String, Instant> landed = new HashMap<>();
            DeclarationIngest ingest = new DeclarationIngest(new BundledFeedParser(),
                    new StoreFollower(outbox, archive, new RushBoard()), outbox,
                    new AlertRouter(subscriptions), clock, () -> { });
            DirectoryFeedSource source = new DirectoryFeedSource(inbox, Duration.ofMillis(200), clock, file -> {
                ingest.accept(file);
            });
            AlertComposer composer = new AlertComposer(outbox, archive);
            JdbiSendBudget budget = new JdbiSendBudget(database);
            OkHttpClient http = new OkHttpClient();
            AlertDelivery toTelegram = new AlertDelivery(new TelegramGateway(TelegramClients.create(http,
                    new TelegramSettings(FakeTelegramApi.TOKEN, FakeTelegramApi.USERNAME, HttpUrl.get(telegram.baseUrl()),
                            TelegramSettings.Mode.POLLING, Optional.empty()))), outbox, subscriptions, composer,
                    budget, clock, AlertDelivery.Settings.DEFAULTS, new AlertDelivery.Listener() { });
            SlackSettings slackSettings = new SlackSettings(FakeSlackApi.BOT_TOKEN, "bench", Optional.empty(),
                    slack.apiUrl(), SlackSettings.Mode.HTTP, SlackSettings.Visibility.IN_CHANNEL, Set.of());
            AlertDelivery toSlack = new AlertDelivery(new SlackGateway(SlackApp.slack(slackSettings)
                    .methods(FakeSlackApi.BOT_TOKEN)), outbox, subscriptions, composer, budget, clock,
                    AlertDelivery.Settings.DEFAULTS, new AlertDelivery.Listener() { });

            long wallStart = System.nanoTime();
            Instant start = clock.instant();
            int next = 0;
            int steps = 0;
            boolean draining = true;
            while (next < night.size() || draining) {
                Instant now = clock.instant();
                while (next < night.size() && !start.plusMillis((long) (Duration.between(first,
                        night.get(next).declaredAt().orElseThrow()).toMillis() / compression)).isAfter(now)) {
                    Contest c = night.get(next++);
                    Path partial = inbox.resolve(c.seat().gss() + "_1.tsv.part");
                    Files.writeString(partial, BundledFeedParser.write(c), StandardCharsets.UTF_8);
                    Files.move(partial, inbox.resolve(c.seat().gss() + "_1.tsv"), StandardCopyOption.ATOMIC_MOVE);
                    landed.put(c.seat().name(), now);
                }
                source.scanOnce();
                toTelegram.deliverDue();
                toSlack.deliverDue();
                clock.advance(STEP);
                if (next == night.size() && ++steps % 20 == 0) {
                    draining = outbox.pendingCount() > 0;
                }
            }
            Instant end = clock.instant();
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;

            Map<String, Instant> firstPost = new HashMap<>();
            Set<String> pairs = new HashSet<>();
            int duplicates = 0;
            int telegramPosts = 0;
            int slackPosts = 0;
            for (FakeTelegramApi.Posted p : telegram.allMessages()) {
                telegramPosts++;
                for (String seat : seats(TelegramHtml.text(p.text()))) {
                    firstPost.merge(seat, p.at(), (a, b) -> a.isBefore(b) ? a : b);
                    duplicates += pairs.add("t" + p.chatId() + "|" + seat) ? 0 : 1;
                }
            }
            for (FakeSlackApi.Posted p : slack.allMessages()) {
                slackPosts++;
                for (String seat : seats(p.text())) {
                    firstPost.merge(seat, p.at(), (a, b) -> a.isBefore(b) ? a : b);
                    duplicates += pairs.add("s" + p.channel() + "|" + seat) ? 0 : 1;
                }
            }
            List<Long> latencies = new ArrayList<>();
            landed.forEach((seat, at) -> Optional.ofNullable(firstPost.get(seat))
                    .ifPresent(posted -> latencies.add(Duration.between(at, posted).toMillis())));
            latencies.sort(Long::compare);
            long expectedPairs = (long) night.size() * (TELEGRAM_CHATS + SLACK_CHANNELS);
            Duration lastLanding = Duration.between(start, landed.values().stream().max(Instant::compareTo).orElseThrow());
            Duration total = Duration.between(start, end);
            // The platforms' bound: everything posted at their overall rates, or the night itself, whichever is longer.
            Duration bound = Duration.ofSeconds(Math.max(lastLanding.toSeconds(),
                    Math.max(telegramPosts / 30, slackPosts * 60L / FakeSlackApi.WORKSPACE_PER_MINUTE)));

            System.out.printf("Election night benchmark: GE2019, %d declarations over %s (virtual), %d Telegram groups,"
                    + " %d Slack channels%n", night.size(), NIGHT, TELEGRAM_CHATS, SLACK_CHANNELS);
            System.out.printf("file landing to first post: p50 %.1f s, p99 %.1f s, max %.1f s%n",
                    pct(latencies, 50) / 1000.0, pct(latencies, 99) / 1000.0,
                    latencies.get(latencies.size() - 1) / 1000.0);
            System.out.printf("total delivery time: %s from the first landing; last file landed at %s; platforms'"
                    + " lower bound %s%n", total, lastLanding, bound);
            System.out.printf("posts: Telegram %d, Slack %d (for %d declaration-channel pairs)%n", telegramPosts,
                    slackPosts, expectedPairs);
            System.out.printf("429s received: Telegram %d, Slack %d%n", telegram.throttledCount(), slack.throttledCount());
            System.out.printf("duplicates: %d; losses: %d%n", duplicates, expectedPairs - pairs.size());
            System.out.printf("wall time %.1f s%n", wallSeconds);
        }
    }

    /** The seats whose results a post carries: each line that heads a result names one. */
    static List<String> seats(String text) {
        List<String> seats = new ArrayList<>();
        for (String line : text.split("\n")) {
            int at = line.indexOf(", general election 12 Dec 2019");
            if (at > 0) {
                seats.add(line.substring(0, at));
            }
        }
        return seats;
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
