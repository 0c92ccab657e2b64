package org.resultsdesk.app;

import com.slack.api.Slack;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.resultsdesk.app.ops.DeskMetrics;
import org.resultsdesk.app.ops.OpsServer;
import org.resultsdesk.cards.ChartCardRenderer;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.AlertPictures;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.CardsCommand;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.IngestOutcome;
import org.resultsdesk.core.alerts.ResultLimits;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StatusCommand;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.alerts.SubscriptionCommands;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.CouncilCommand;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.command.PictureCommands;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.delivery.DeliveryLoop;
import org.resultsdesk.core.delivery.ReplySender;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.night.ContextAddenda;
import org.resultsdesk.core.night.DueCommand;
import org.resultsdesk.core.night.ExpectedTimes;
import org.resultsdesk.core.night.RecordsCommand;
import org.resultsdesk.core.night.ResultContext;
import org.resultsdesk.core.night.SwingometerCommand;
import org.resultsdesk.core.night.TargetsCommand;
import org.resultsdesk.core.night.Tonight;
import org.resultsdesk.core.night.WatchListCommands;
import org.resultsdesk.core.port.ChannelCards;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.core.port.LeaderLease;
import org.resultsdesk.core.port.SendBudget;
import org.resultsdesk.core.quotes.QuoteCards;
import org.resultsdesk.core.quotes.QuoteCommands;
import org.resultsdesk.core.quotes.QuoteService;
import org.resultsdesk.core.rights.AuditCommand;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.feeds.DeclarationTimesFile;
import org.resultsdesk.feeds.DemocracyClubFeedParser;
import org.resultsdesk.feeds.DirectoryFeedSource;
import org.resultsdesk.feeds.FeedFormatDetector;
import org.resultsdesk.feeds.HocElectionManagerFeedParser;
import org.resultsdesk.feeds.HttpFeedPoller;
import org.resultsdesk.feeds.PaXmlFeedParser;
import org.resultsdesk.feeds.SeatResolver;
import org.resultsdesk.slack.SlackApp;
import org.resultsdesk.slack.SlackChatDirectory;
import org.resultsdesk.slack.SlackGateway;
import org.resultsdesk.slack.SlackHttpEndpoint;
import org.resultsdesk.slack.SlackSettings;
import org.resultsdesk.slack.SlackSignature;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiAuditTrail;
import org.resultsdesk.store.JdbiChannelCards;
import org.resultsdesk.store.JdbiLeaderLease;
import org.resultsdesk.store.JdbiQuoteStore;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.store.JdbiUpdateLedger;
import org.resultsdesk.store.JdbiWatchListStore;
import org.resultsdesk.store.StoreNotifications;
import org.resultsdesk.telegram.TelegramBot;
import org.resultsdesk.telegram.TelegramChatDirectory;
import org.resultsdesk.telegram.TelegramClients;
import org.resultsdesk.telegram.TelegramGateway;
import org.resultsdesk.telegram.TelegramLongPoller;
import org.resultsdesk.telegram.TelegramSettings;
import org.resultsdesk.telegram.TelegramWebhook;
import org.resultsdesk.web.WebServer;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Everything wired by constructors: the one place that knows every adapter. */
public final class ResultsDesk implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResultsDesk.class);
    /** The date the Election manager feed and the night desk assume when none is configured. */
    static final String NEXT_GENERAL_ELECTION = "2029-08-15";

    final Clock clock;
    final ResultsArchive archive;
    final SeatDirectory seats;
    final LocalResults local;
    final Database database;
    final JdbiAlertStore alertStore;
    final JdbiSubscriptionStore subscriptions;
    final JdbiUpdateLedger updateLedger;
    final StoreFollower follower;
    final SendBudget budget;
    final String instance = instanceName();
    final JdbiQuoteStore quoteStore;
    final JdbiWatchListStore watchLists;
    final Tonight tonight;
    final ResultContext resultContext;
    final QuoteCards quoteCards;
    final Cards cards = new Cards(new ChartCardRenderer());
    final ChannelCards channelCards;
    final Rights rights;
    final CommandHandler commands;
    final DeskMetrics metrics;
    final DeclarationIngest ingest;
    private final Duration lease;
    private final List<DeliveryLoop> loops = new ArrayList<>();
    private final List<AutoCloseable> sources = new ArrayList<>();
    private final AtomicInteger feedFiles = new AtomicInteger();
    private Optional<java.util.function.Supplier<TelegramLongPoller>> telegramPolling = Optional.empty();
    private final LeaderLease leaderLease;
    private final ScheduledExecutorService following = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "store-follower");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;
    /** Readiness checks beyond the database and the feed, added by the chat adapters as they start. */
    private final Map<String, BooleanSupplier> platformChecks = new LinkedHashMap<>();
    /** The port each web server listens on, by role (slack, telegram), for logs and tests. */
    private final Map<String, Integer> webPorts = new java.util.concurrent.ConcurrentHashMap<>();
    /** The feed directory's watcher while this instance runs it (the leader, with feeds.directory set). */
    private final AtomicReference<DirectoryFeedSource> feedWatcher = new AtomicReference<>();

    ResultsDesk(Config config, Clock clock, ResultsArchive archive, Database database, FeedParser parser) {
        this(config, clock, archive, LocalArchive.empty(), database, parser);
    }

    ResultsDesk(
            Config config,
            Clock clock,
            ResultsArchive archive,
            LocalArchive localArchive,
            Database database,
            FeedParser parser) {
        this.clock = clock;
        this.local = new LocalResults(localArchive, new LocalCalculator(multiMemberMethod(config)));
        this.archive = archive;
        this.seats = new SeatDirectory(archive.seats());
        this.database = database;
        this.alertStore = new JdbiAlertStore(database);
        this.subscriptions = new JdbiSubscriptionStore(database, clock);
        this.updateLedger = new JdbiUpdateLedger(database, clock);
        this.lease = Duration.ofSeconds(config.getInt("delivery.lease-seconds", 30));
        this.budget = new JdbiSendBudget(database);
        this.follower = new StoreFollower(alertStore, archive, new RushBoard());
        this.leaderLease = new JdbiLeaderLease(
                database, "feeds", instance, Duration.ofSeconds(config.getInt("leader.lease-seconds", 5)), clock);
        this.quoteStore = new JdbiQuoteStore(database);
        this.quoteCards = new QuoteCards(quoteStore, archive);
        this.channelCards = new JdbiChannelCards(database, clock);
        AlertRouter router = new AlertRouter(subscriptions);
        QuoteService quotes = new QuoteService(quoteStore, alertStore, router, archive, clock, this::wakeDelivery);
        this.metrics = new DeskMetrics(alertStore::pendingCount);
        metrics.bindPool(database);
        metrics.gauge(
                "resultsdesk_leader",
                "1 while this instance holds the lease for the feeds and Telegram polling",
                () -> leaderLease.isLeader() ? 1 : 0);
        metrics.gauge(
                "resultsdesk_paused_channels",
                "channels paused because they are gone",
                () -> alertStore.pausedChannels().size());
        this.rights = new Rights(new JdbiAuditTrail(database), clock);
        this.watchLists = new JdbiWatchListStore(database, clock);
        this.tonight = tonight(config, archive);
        this.resultContext = new ResultContext(tonight);
        this.commands = metrics.timed(new CommandService(
                archive,
                seats,
                new ContextAddenda(resultContext, quoteCards),
                local,
                new CouncilCommand(local),
                new SubscriptionCommands(subscriptions, seats, archive, rights),
                new QuoteCommands(quotes, quoteStore, archive, seats, rights),
                new StatusCommand(alertStore, this::activity, leaderLease::holder, clock, rights),
                new AuditCommand(rights),
                new DueCommand(tonight, watchLists, clock),
                new TargetsCommand(tonight),
                new SwingometerCommand(tonight),
                new RecordsCommand(tonight),
                new WatchListCommands(tonight, watchLists, seats, rights),
                new PictureCommands(archive, seats, cards),
                new CardsCommand(channelCards, rights)));
        this.ingest = new DeclarationIngest(
                parser,
                follower,
                alertStore,
                router,
                clock,
                this::wakeDelivery,
                leaderLease::fence,
                ResultLimits.DEFAULTS.withMaxDaysAhead(
                        config.getInt("feeds.max-days-ahead", ResultLimits.DEFAULTS.maxDaysAhead())));
        follower.catchUp();
        follow();
    }

    /** The setting local.multi-member-method: top-candidate (the default) or average (docs/local-elections.md). */
    static MultiMemberMethod multiMemberMethod(Config config) {
        String choice =
                config.getChoice("local.multi-member-method", "top-candidate", Set.of("TOP-CANDIDATE", "AVERAGE"));
        return choice.equals("AVERAGE") ? MultiMemberMethod.AVERAGE : MultiMemberMethod.TOP_CANDIDATE;
    }

    /**
     * Keeps this instance's view in step with the store: at once when another instance notifies (PostgreSQL), and
     * every second anyway, so a missed notification costs at most a second.
     */
    private void follow() {
        following.scheduleWithFixedDelay(this::catchUp, 1, 1, TimeUnit.SECONDS);
        sources.add(new StoreNotifications(
                        database,
                        Map.of(
                                StoreNotifications.DECLARATIONS,
                                () -> following.execute(this::catchUp),
                                StoreNotifications.OUTBOX,
                                this::wakeDelivery))
                .start());
        sources.add(following::shutdownNow);
    }

    private void catchUp() {
        try {
            follower.catchUp();
        } catch (RuntimeException e) {
            LOG.warn("could not catch up with the store: {}", e.toString());
        }
    }

    /**
     * The election in progress (night.election, else the general election the Election manager feed assumes) with
     * its expected declaration times from night.declaration-times when the desk has that file.
     */
    static Tonight tonight(Config config, ResultsArchive archive) {
        Election election = Tonight.election(
                archive,
                config.get(
                        "night.election", "parl." + config.get("feeds.election-manager.date", NEXT_GENERAL_ELECTION)));
        ExpectedTimes times = config.get("night.declaration-times")
                .map(file -> DeclarationTimesFile.read(Path.of(file), election, new SeatResolver(archive)))
                .orElse(ExpectedTimes.NONE);
        return new Tonight(archive, election, times);
    }

    /** Every feed format the bot reads, told apart by content. */
    static FeedParser feedParser(Config config, ResultsArchive archive) {
        SeatResolver seats = new SeatResolver(archive);
        LocalDate date = config.getDate("feeds.election-manager.date", LocalDate.parse(NEXT_GENERAL_ELECTION));
        return new FeedFormatDetector(
                new PaXmlFeedParser(seats),
                new BundledFeedParser(),
                new DemocracyClubFeedParser(seats),
                new HocElectionManagerFeedParser(new Election("parl." + date, ElectionKind.GENERAL, date), seats));
    }

    /**
     * Starts the leader-only work under a lease (PostgreSQL advisory lock with several instances; always granted on
     * SQLite): the feed sources, and Telegram long polling when configured.
     */
    void startLeaderWork(Config config, OkHttpClient http) {
        FeedSettings.from(config);
        sources.add(new LeaderSupervisor(
                        leaderLease,
                        () -> {
                            List<AutoCloseable> work = new ArrayList<>();
                            startFeeds(config, http, work);
                            telegramPolling.ifPresent(
                                    poller -> work.add(poller.get().start()));
                            return new LeaderSupervisor.Running() {
                                @Override
                                public void close() throws Exception {
                                    for (AutoCloseable w : work) {
                                        w.close();
                                    }
                                }

                                /** A leader whose feed watcher has stopped gives the lease up to an instance that can read. */
                                @Override
                                public boolean healthy() {
                                    return feedWatcherHealthy();
                                }
                            };
                        },
                        clock)
                .start(Duration.ofSeconds(1)));
    }

    /** Whether this instance leads the feeds now, by its own lease. */
    boolean leads() {
        return leaderLease.isLeader();
    }

    /** Who leads the feeds now, by the store. */
    Optional<String> leader() {
        return leaderLease.holder();
    }

    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "instance");
        return host + "/" + ProcessHandle.current().pid();
    }

    /** The feed settings, read and checked at start-up so a bad one stops the start with one line. */
    record FeedSettings(Optional<Path> directory, Duration settle, List<HttpUrl> urls, Duration poll) {
        static FeedSettings from(Config config) {
            List<HttpUrl> urls = config.get("feeds.urls").stream()
                    .flatMap(u -> Arrays.stream(u.split(",")))
                    .map(String::strip)
                    .filter(u -> !u.isEmpty())
                    .map(u -> Optional.ofNullable(HttpUrl.parse(u))
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "configuration key feeds.urls (FEEDS_URLS) has an invalid URL: '" + u + "'")))
                    .toList();
            return new FeedSettings(
                    config.get("feeds.directory").map(Path::of),
                    Duration.ofMillis(config.getInt("feeds.settle-millis", 500, 0)),
                    urls,
                    Duration.ofSeconds(config.getInt("feeds.poll-seconds", 5, 1)));
        }

        boolean any() {
            return directory.isPresent() || !urls.isEmpty();
        }
    }

    /** Starts the configured feed sources: a watched directory and polled URLs, each optional. */
    void startFeeds(Config config, OkHttpClient http, List<AutoCloseable> sources) throws IOException {
        FeedSettings feeds = FeedSettings.from(config);
        long maxFileBytes = config.getInt("feeds.max-file-bytes", (int) DirectoryFeedSource.DEFAULT_MAX_FILE_BYTES, 1);
        if (feeds.directory().isPresent()) {
            DirectoryFeedSource watcher = new DirectoryFeedSource(
                            feeds.directory().get(), feeds.settle(), clock, this::ingestFile, maxFileBytes)
                    .start(Duration.ofMillis(250));
            feedWatcher.set(watcher);
            sources.add(() -> {
                feedWatcher.compareAndSet(watcher, null);
                watcher.close();
            });
        }
        if (!feeds.urls().isEmpty()) {
            sources.add(new HttpFeedPoller(http, feeds.urls(), feeds.poll(), clock, this::ingestFile, maxFileBytes)
                    .start());
        }
    }

    void ingestFile(FeedFile file) {
        // Fenced inside the ingest transaction: a deposed leader's write is refused and the file left for the new one.
        IngestOutcome outcome = ingest.accept(file);
        metrics.ingested(outcome);
        leaderLease.noteFeedFile(clock.instant());
        feedFiles.incrementAndGet();
    }

    /** From the store, so every instance tells the same story: the leader's last file and the last declaration. */
    StatusCommand.Activity activity() {
        Optional<Declaration> latest = follower.latest();
        return new StatusCommand.Activity(
                leaderLease.lastFeedFile(), latest.map(Declaration::contestId), latest.map(Declaration::receivedAt));
    }

    /** Starts the operations port: health, readiness (database, feed freshness) and metrics. */
    OpsServer startOps(Config config) throws IOException {
        return startOps(config, OpsServer.starting(config.getInt("ops.port", 8081)));
    }

    /** Hands the operations port opened while the database was starting its checks and metrics. */
    OpsServer startOps(Config config, OpsServer ops) {
        Duration stale = Duration.ofSeconds(config.getInt("ops.feed-stale-seconds", 0));
        Instant started = clock.instant();
        Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();
        readiness.put("database", database::isReachable);
        readiness.putAll(platformChecks);
        readiness.put("feed-watcher", this::feedWatcherHealthy);
        if (!stale.isZero()) {
            readiness.put(
                    "feed",
                    () -> Duration.between(activity().lastFeedFile().orElse(started), clock.instant())
                                    .compareTo(stale)
                            <= 0);
        }
        ops.serve(readiness, metrics);
        sources.add(ops);
        return ops;
    }

    /** The port the web server of a role ("slack", "telegram") listens on. */
    int webPort(String role) {
        return webPorts.get(role);
    }

    /** False when this instance should be watching the feed directory and its watcher has stopped or is stuck. */
    boolean feedWatcherHealthy() {
        DirectoryFeedSource watcher = feedWatcher.get();
        return watcher == null || watcher.isRunning();
    }

    /** Feed files taken in so far, whatever became of them. */
    int feedFilesIngested() {
        return feedFiles.get();
    }

    boolean hasChatAdapters() {
        return loops.stream().anyMatch(l -> !l.name().equals("console"));
    }

    /** Starts Telegram when a bot token is configured: replies to commands, and alerts through the outbox. */
    void startTelegram(Config config, OkHttpClient http) throws IOException {
        Optional<TelegramSettings> settings = TelegramConfig.settings(config);
        if (settings.isEmpty()) {
            return;
        }
        TelegramClient client = TelegramClients.create(http, settings.get());
        TelegramGateway gateway = new TelegramGateway(TelegramClients.forSending(http, settings.get()));
        ReplySender replies = ReplySender.pooled(gateway, budget, clock, 4, Duration.ofMinutes(1));
        sources.add(replies);
        rights.enable(RightsConfig.telegram(config), new TelegramChatDirectory(client, clock));
        TelegramBot bot = new TelegramBot(
                client, gateway, commands, updateLedger, settings.get().botUsername(), replies);
        deliverTo(gateway);
        platformChecks.put("telegram", new CachedCheck(clock, Duration.ofMinutes(1), () -> {
            try {
                return client.execute(new org.telegram.telegrambots.meta.api.methods.GetMe()) != null;
            } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException e) {
                return false;
            }
        }));
        if (settings.get().mode() == TelegramSettings.Mode.POLLING) {
            // Started with the leader-only work: Telegram allows one poller per token.
            telegramPolling =
                    Optional.of(() -> new TelegramLongPoller(client, bot, 25, d -> Thread.sleep(d.toMillis())));
        } else {
            WebServer server = WebServer.start(
                    "telegram",
                    null,
                    config.getInt("telegram.webhook-port", 8443),
                    Map.of(
                            config.get("telegram.webhook-path", "/telegram"),
                            new TelegramWebhook(
                                    settings.get().webhookSecret().orElseThrow(),
                                    bot,
                                    WebServer.Limits.DEFAULT.maxBodyBytes())),
                    WebServer.Limits.DEFAULT);
            sources.add(server);
            webPorts.put("telegram", server.port());
        }
        LOG.info("Telegram started: {}", settings.get());
    }

    /** Starts Slack when a bot token is configured: HTTP endpoint or Socket Mode, and alerts through the outbox. */
    void startSlack(Config config) throws Exception {
        Optional<SlackSettings> settings = SlackConfig.settings(config);
        if (settings.isEmpty()) {
            return;
        }
        Slack slack = SlackApp.slack(settings.get());
        rights.enable(
                RightsConfig.slack(config, settings.get().editorUserIds()),
                new SlackChatDirectory(slack.methods(settings.get().botToken()), clock));
        SlackGateway gateway = new SlackGateway(slack.methods(settings.get().botToken()));
        ReplySender pictures = ReplySender.pooled(gateway, budget, clock, 2, Duration.ofMinutes(1));
        sources.add(pictures);
        SlackApp app = new SlackApp(settings.get(), slack, commands, pictures);
        deliverTo(gateway);
        platformChecks.put("slack", new CachedCheck(clock, Duration.ofMinutes(1), () -> {
            try {
                return slack.methods(settings.get().botToken()).authTest(r -> r).isOk();
            } catch (IOException | com.slack.api.methods.SlackApiException e) {
                return false;
            }
        }));
        if (settings.get().mode() == SlackSettings.Mode.HTTP) {
            WebServer server = WebServer.start(
                    "slack",
                    null,
                    config.getInt("slack.port", 3000),
                    Map.of(
                            config.get("slack.path", "/slack/events"),
                            new SlackHttpEndpoint(
                                    app,
                                    new SlackSignature(settings.get().signingSecret(), clock),
                                    WebServer.Limits.DEFAULT.maxBodyBytes())),
                    WebServer.Limits.DEFAULT);
            sources.add(server);
            webPorts.put("slack", server.port());
        } else {
            SocketModeApp socket = new SocketModeApp(settings.get().appToken().orElseThrow(), app.app());
            socket.startAsync();
            sources.add(socket::close);
        }
        sources.add(app::close);
        LOG.info("Slack started: {}", settings.get());
    }

    /** Starts a delivery worker for a platform's gateway, paced by the limits the gateway declares. */
    void deliverTo(ChatGateway gateway) {
        AlertDelivery delivery = new AlertDelivery(
                gateway,
                alertStore,
                subscriptions,
                new AlertComposer(
                        alertStore, archive, quoteCards, resultContext, AlertPictures.cards(channelCards, cards)),
                budget,
                clock,
                new AlertDelivery.Settings(lease, 25, 8, 20, instance),
                metrics);
        loops.add(new DeliveryLoop(gateway.platform().name().toLowerCase(), delivery, clock, Duration.ofSeconds(2))
                .start());
    }

    private void wakeDelivery() {
        loops.forEach(DeliveryLoop::wake);
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable source : sources) {
            source.close();
        }
        for (DeliveryLoop loop : loops) {
            loop.close();
        }
        database.close();
    }
}
