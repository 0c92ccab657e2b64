package org.resultsdesk.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.resultsdesk.app.ops.DeskMetrics;
import org.resultsdesk.app.ops.OpsServer;
import org.resultsdesk.cards.ChartCardRenderer;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.AlertPictures;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.CardsCommand;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.LocalAlerts;
import org.resultsdesk.core.alerts.NewsPolicy;
import org.resultsdesk.core.alerts.ResultLimits;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StatusCommand;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.alerts.SubscriptionCommands;
import org.resultsdesk.core.byelections.ByElectionCommands;
import org.resultsdesk.core.byelections.ByElectionDiary;
import org.resultsdesk.core.byelections.ByElectionPages;
import org.resultsdesk.core.byelections.Defences;
import org.resultsdesk.core.byelections.SummaryPoster;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.CouncilCommand;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.command.PictureCommands;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.delivery.DeliveryLoop;
import org.resultsdesk.core.delivery.DeliveryWake;
import org.resultsdesk.core.delivery.ReplySender;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.LiveLocalArchive;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.night.ContextAddenda;
import org.resultsdesk.core.night.DueCommand;
import org.resultsdesk.core.night.RecordsCommand;
import org.resultsdesk.core.night.ResultContext;
import org.resultsdesk.core.night.SwingometerCommand;
import org.resultsdesk.core.night.TargetsCommand;
import org.resultsdesk.core.night.Tonight;
import org.resultsdesk.core.night.WatchListCommands;
import org.resultsdesk.core.port.ChannelCards;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.DueBallots;
import org.resultsdesk.core.port.InboundEndpoint;
import org.resultsdesk.core.port.LeaderLease;
import org.resultsdesk.core.port.SendBudget;
import org.resultsdesk.core.quotes.QuoteCards;
import org.resultsdesk.core.quotes.QuoteCommands;
import org.resultsdesk.core.quotes.QuoteService;
import org.resultsdesk.core.retry.Sleeper;
import org.resultsdesk.core.rights.AuditCommand;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.feeds.DemocracyClubApi;
import org.resultsdesk.feeds.DemocracyClubPoller;
import org.resultsdesk.slack.SlackAccount;
import org.resultsdesk.slack.SlackApp;
import org.resultsdesk.slack.SlackChatDirectory;
import org.resultsdesk.slack.SlackGateway;
import org.resultsdesk.slack.SlackHttpEndpoint;
import org.resultsdesk.slack.SlackSettings;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiAuditTrail;
import org.resultsdesk.store.JdbiButtonCommands;
import org.resultsdesk.store.JdbiChannelCards;
import org.resultsdesk.store.JdbiDefenceStore;
import org.resultsdesk.store.JdbiDueBallots;
import org.resultsdesk.store.JdbiLeaderLease;
import org.resultsdesk.store.JdbiQuoteStore;
import org.resultsdesk.store.JdbiReplyThreads;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiSourceMarks;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.store.JdbiSummarySchedule;
import org.resultsdesk.store.JdbiUpdateLedger;
import org.resultsdesk.store.JdbiWatchListStore;
import org.resultsdesk.store.StoreNotifications;
import org.resultsdesk.telegram.TelegramAccount;
import org.resultsdesk.telegram.TelegramBot;
import org.resultsdesk.telegram.TelegramChatDirectory;
import org.resultsdesk.telegram.TelegramClients;
import org.resultsdesk.telegram.TelegramGateway;
import org.resultsdesk.telegram.TelegramLongPoller;
import org.resultsdesk.telegram.TelegramSettings;
import org.resultsdesk.telegram.TelegramWebhook;
import org.resultsdesk.web.WebServer;

/**
 * Everything wired by constructors: the one place that knows every adapter. Building it does no I/O and starts no
 * thread; {@link #start} starts the parts the settings name, and {@link #close} stops every part started, in reverse
 * order, even when one of them fails to stop.
 */
public final class ResultsDesk implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResultsDesk.class);

    final Settings settings;
    final Clock clock;
    final ResultsArchive archive;
    final SeatDirectory seats;
    final LocalResults local;
    final LiveLocalArchive localLive;
    final Database database;
    final JdbiAlertStore alertStore;
    final JdbiSubscriptionStore subscriptions;
    final JdbiUpdateLedger updateLedger;
    final StoreFollower follower;
    final SendBudget budget;
    final String instance = instanceName();
    final JdbiQuoteStore quoteStore;
    final JdbiWatchListStore watchLists;
    final JdbiDefenceStore defences;
    final JdbiSummarySchedule summarySchedule;
    final SummaryPoster summaries;

    final Tonight tonight;
    final ResultContext resultContext;
    final QuoteCards quoteCards;
    final Cards cards = new Cards(new ChartCardRenderer());
    final ChannelCards channelCards;
    final Rights rights;
    final CommandHandler commands;
    final DeskMetrics metrics;
    final DeclarationIngest ingest;
    // One client for every outbound call; its TLS set-up (the trust store) is built beside the rest of the start.
    private final Background<OkHttpClient> http = Background.start("http-client", OkHttpClient::new);
    private final FeedIntake intake;
    private final FeedSources feeds;
    /** The ballots due as Democracy Club lists them (the week's by-elections), kept in the store. */
    final DueBallots byElections;
    /** Democracy Club's poller, leader-only work, when enabled. */
    private final Optional<DemocracyClubPoller> democracyClub;

    private final Readiness readiness;
    private final LeaderLease leaderLease;
    private final Parts parts = new Parts();
    private final List<DeliveryLoop> loops = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Optional<java.util.function.Supplier<TelegramLongPoller>> telegramPolling = Optional.empty();
    /** The port each web server listens on, by role (slack, telegram), for logs and tests. */
    private final java.util.Map<String, Integer> webPorts = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Wires the application on an open database (which it owns from now on, and closes last) for the night in
     * {@code tonight}, read from its times file beforehand.
     */
    ResultsDesk(Settings settings, Clock clock, ResultsArchive archive, Database database, Tonight tonight) {
        this(settings, clock, archive, LocalArchive::empty, database, tonight);
    }

    /** With the local results (council wards and divisions) the /result, /snippet and /council commands answer. */
    ResultsDesk(
            Settings settings,
            Clock clock,
            ResultsArchive archive,
            java.util.function.Supplier<LocalArchive> localArchive,
            Database database,
            Tonight tonight) {
        this(settings, clock, archive, new LiveLocalArchive(localArchive), database, tonight);
    }

    /** With the local results as given: a rehearsal's, whose plan says which wards each council has up. */
    ResultsDesk(
            Settings settings,
            Clock clock,
            ResultsArchive archive,
            LiveLocalArchive localArchive,
            Database database,
            Tonight tonight) {
        this.settings = settings;
        this.clock = clock;
        this.localLive = localArchive;
        this.defences = new JdbiDefenceStore(database);
        this.local = new LocalResults(
                localArchive,
                new LocalCalculator(settings.local().multiMemberMethod()),
                new Defences(defences, localArchive));
        this.archive = archive;
        this.seats = new SeatDirectory(archive.seats());
        this.database = parts.add("database", database);
        parts.add("http client", () -> {
            OkHttpClient client = http.join();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        });
        this.alertStore = new JdbiAlertStore(database);
        this.subscriptions = new JdbiSubscriptionStore(database, clock);
        this.updateLedger = new JdbiUpdateLedger(database, clock);
        this.budget = new JdbiSendBudget(database);
        this.follower = new StoreFollower(alertStore, archive, new RushBoard(), localLive);
        this.leaderLease = new JdbiLeaderLease(
                database, "feeds", instance, settings.leader().lease(), clock);
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
        this.tonight = tonight;
        this.resultContext = new ResultContext(tonight);
        CouncilCommand councils = new CouncilCommand(local, java.util.Optional.of(cards));
        this.byElections = new JdbiDueBallots(database);
        ByElectionDiary diary = new ByElectionDiary(byElections, localArchive, archive);
        ByElectionPages pages = new ByElectionPages(local, archive);
        this.summarySchedule = new JdbiSummarySchedule(database, clock);
        this.summaries = new SummaryPoster(diary, pages, summarySchedule, alertStore, clock, this::wakeDelivery);
        this.commands = metrics.timed(new CommandService(
                archive,
                seats,
                clock,
                new ContextAddenda(resultContext, quoteCards),
                local,
                councils,
                new SubscriptionCommands(subscriptions, seats, archive, rights, local),
                new QuoteCommands(quotes, quoteStore, archive, seats, rights),
                new StatusCommand(
                        alertStore,
                        this::activity,
                        leaderLease::holder,
                        clock,
                        rights,
                        () -> List.of(DueCommand.timesStatus(tonight))),
                new AuditCommand(rights),
                new DueCommand(tonight, watchLists, clock),
                new TargetsCommand(tonight),
                new SwingometerCommand(tonight),
                new RecordsCommand(tonight),
                new WatchListCommands(tonight, watchLists, seats, rights, clock),
                new PictureCommands(archive, seats, cards, java.util.Optional.of(councils)),
                new ByElectionCommands(local, diary, pages, byElections, defences, summarySchedule, rights, clock),
                new CardsCommand(channelCards, rights)));
        DeliveryWake feedWake = new DeliveryWake(this::wakeDelivery, clock, Duration.ofSeconds(1));
        this.ingest = new DeclarationIngest(
                FeedParsers.of(settings.feeds(), archive, localLive),
                follower,
                alertStore,
                router,
                clock,
                feedWake::alertsQueued,
                leaderLease::fence,
                ResultLimits.DEFAULTS.withMaxDaysAhead(settings.feeds().maxDaysAhead()),
                NewsPolicy.DEFAULTS.withOldElectionDays(settings.feeds().oldElectionDays()));
        this.intake = new FeedIntake(ingest, metrics, leaderLease, clock);
        this.feeds = new FeedSources(settings.feeds(), http::join, clock, intake::accept, feedWake::together);
        Settings.DemocracyClub dc = settings.democracyClub();
        this.democracyClub = dc.enabled()
                ? Optional.of(new DemocracyClubPoller(
                        new DemocracyClubApi(
                                http.join(),
                                dc.baseUrl(),
                                dc.apiKey(),
                                dc.timeout(),
                                DemocracyClubApi.Limits.DEFAULTS,
                                localLive),
                        new JdbiSourceMarks(database, clock),
                        byElections,
                        intake::accept,
                        clock,
                        new DemocracyClubPoller.Schedule(dc.interval(), dc.quietInterval(), dc.quietInterval(), 7, 21),
                        DemocracyClubPoller.BACK_OFF))
                : Optional.empty();
        this.readiness = new Readiness(clock, database::isReachable);
    }

    /**
     * Starts every part the settings name, in order: following the store, Telegram and Slack (each checked with its
     * platform first), the leader-only work (feeds, Telegram polling), and the operations port when given.
     */
    void start(Optional<OpsServer> ops) throws Exception {
        // Owned from the start, so it is closed even when a later part fails to start; served once all have.
        ops.ifPresent(o -> parts.add("operations port", o));
        followStore();
        scheduleSummaries();
        startTelegram();
        startSlack();
        startLeaderWork();
        ops.ifPresent(this::serveOps);
    }

    /**
     * Keeps this instance's view in step with the store: caught up now, then at once when another instance notifies
     * (PostgreSQL), and every second anyway, so a missed notification costs at most a second.
     */
    void followStore() {
        follower.catchUp();
        ScheduledExecutorService following = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-follower");
            t.setDaemon(true);
            return t;
        });
        parts.add("store follower", following::shutdownNow);
        following.scheduleWithFixedDelay(this::catchUp, 1, 1, TimeUnit.SECONDS);
        parts.add(
                "store notifications",
                new StoreNotifications(
                                database,
                                java.util.Map.of(
                                        StoreNotifications.DECLARATIONS,
                                        () -> following.execute(this::catchUp),
                                        StoreNotifications.OUTBOX,
                                        this::wakeDelivery))
                        .start());
    }

    /**
     * Every minute, queues the week's by-election summary to the chats it is scheduled for once the week's results are
     * all in; the outbox takes each chat's summary once a week, so every instance may check.
     */
    void scheduleSummaries() {
        ScheduledExecutorService checking = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "by-election-summaries");
            t.setDaemon(true);
            return t;
        });
        parts.add("by-election summaries", checking::shutdownNow);
        checking.scheduleWithFixedDelay(
                () -> {
                    try {
                        summaries.postIfDue();
                    } catch (RuntimeException e) {
                        LOG.warn("could not check the by-election summary: {}", e.toString());
                    }
                },
                1,
                60,
                TimeUnit.SECONDS);
    }

    private void catchUp() {
        try {
            follower.catchUp();
        } catch (RuntimeException e) {
            LOG.warn("could not catch up with the store: {}", e.toString());
        }
    }

    /**
     * Starts the leader-only work under a lease (PostgreSQL advisory lock with several instances; always granted on
     * SQLite): the feed sources, and Telegram long polling when configured.
     */
    void startLeaderWork() {
        parts.add(
                "leader-only work",
                new LeaderSupervisor(
                                leaderLease,
                                () -> {
                                    List<AutoCloseable> work = new ArrayList<>(feeds.start());
                                    telegramPolling.ifPresent(
                                            poller -> work.add(poller.get().start()));
                                    democracyClub.ifPresent(poller -> work.add(poller.start(Duration.ofSeconds(1))));
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
                                            return feeds.healthy();
                                        }
                                    };
                                },
                                clock)
                        // Four times a second: how soon a follower sees a dead leader's session gone.
                        .start(Duration.ofMillis(250)));
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

    /** Takes in one feed file as a feed source does. */
    void ingestFile(org.resultsdesk.core.port.FeedFile file) {
        intake.accept(file);
    }

    /** From the store, so every instance tells the same story: the leader's last file and the last declaration. */
    StatusCommand.Activity activity() {
        Optional<Declaration> latest = follower.latest();
        return new StatusCommand.Activity(
                leaderLease.lastFeedFile(), latest.map(Declaration::contestId), latest.map(Declaration::receivedAt));
    }

    /** Opens the operations port of the settings and serves it: health, readiness (database, feed) and metrics. */
    OpsServer startOps() throws java.io.IOException {
        return startOps(OpsServer.starting(settings.ops().port()));
    }

    /** Hands the operations port opened while the database was starting its checks and metrics. */
    OpsServer startOps(OpsServer ops) {
        parts.add("operations port", ops);
        return serveOps(ops);
    }

    private OpsServer serveOps(OpsServer ops) {
        ops.serve(
                readiness.withFeed(
                        feeds::healthy,
                        () -> activity().lastFeedFile(),
                        settings.ops().feedStale(),
                        clock.instant()),
                metrics);
        return ops;
    }

    /** The port the web server of a role ("slack", "telegram") listens on. */
    int webPort(String role) {
        return webPorts.get(role);
    }

    /** False when this instance should be watching the feed directory and its watcher has stopped or is stuck. */
    boolean feedWatcherHealthy() {
        return feeds.healthy();
    }

    /** Feed files taken in so far, whatever became of them. */
    int feedFilesIngested() {
        return intake.count();
    }

    boolean hasChatAdapters() {
        return loops.stream().anyMatch(l -> !l.name().equals("console"));
    }

    /**
     * Starts Telegram when configured: the token is checked with Telegram first (a refused token or an API out of
     * reach stops the start with one line), then replies to commands, and alerts through the outbox.
     */
    void startTelegram() throws java.io.IOException {
        if (settings.telegram().isEmpty()) {
            return;
        }
        Settings.Telegram telegram = settings.telegram().get();
        var client = TelegramClients.create(http.join(), telegram.client());
        TelegramAccount account = new TelegramAccount(TelegramClients.forSending(http.join(), telegram.client()));
        PlatformAccounts.require(
                account.check(),
                PlatformAccounts.TELEGRAM,
                telegram.client().apiUrl().toString());
        TelegramGateway gateway = new TelegramGateway(
                TelegramClients.forSending(http.join(), telegram.client()),
                new JdbiButtonCommands(database),
                new JdbiReplyThreads(database),
                clock);
        ReplySender replies =
                parts.add("telegram replies", ReplySender.pooled(gateway, budget, clock, 4, Duration.ofMinutes(1)));
        rights.enable(telegram.rights(), new TelegramChatDirectory(client, clock));
        TelegramBot bot = new TelegramBot(
                client, gateway, commands, updateLedger, telegram.client().botUsername(), replies);
        deliverTo(gateway);
        readiness.platform("telegram", () -> account.check().answered());
        if (telegram.client().mode() == TelegramSettings.Mode.POLLING) {
            // Started with the leader-only work: Telegram allows one poller per token.
            telegramPolling = Optional.of(() -> new TelegramLongPoller(client, bot, 25, Sleeper.SYSTEM));
        } else {
            listen(
                    "telegram",
                    "telegram.webhook-port",
                    telegram.webhookPort(),
                    telegram.webhookPath(),
                    new TelegramWebhook(telegram.client().webhookSecret().orElseThrow(), bot));
        }
        LOG.info("Telegram started: {}", telegram.client());
    }

    /**
     * Starts Slack when configured: the token is checked with Slack first, then the HTTP endpoint or Socket Mode,
     * and alerts through the outbox.
     */
    void startSlack() throws Exception {
        if (settings.slack().isEmpty()) {
            return;
        }
        Settings.Slack slack = settings.slack().get();
        var client = SlackApp.slack(slack.client());
        var methods = client.methods(slack.client().botToken());
        SlackAccount account = new SlackAccount(methods);
        PlatformAccounts.require(
                account.check(), PlatformAccounts.SLACK, slack.client().apiUrl());
        rights.enable(slack.rights(), new SlackChatDirectory(methods, clock));
        SlackGateway gateway = new SlackGateway(methods);
        ReplySender pictures =
                parts.add("slack pictures", ReplySender.pooled(gateway, budget, clock, 2, Duration.ofMinutes(1)));
        SlackApp app = new SlackApp(slack.client(), client, commands, pictures);
        parts.add("slack app", app::close);
        deliverTo(gateway);
        readiness.platform("slack", () -> account.check().answered());
        if (slack.client().mode() == SlackSettings.Mode.HTTP) {
            listen(
                    "slack",
                    "slack.port",
                    slack.port(),
                    slack.path(),
                    new SlackHttpEndpoint(
                            app,
                            new org.resultsdesk.slack.SlackSignature(
                                    slack.client().signingSecret(), clock)));
        } else {
            parts.add("slack socket mode", app.startSocketMode());
        }
        LOG.info("Slack started: {}", slack.client());
    }

    /** Serves one platform's endpoint on its port; a port another process holds is a bad setting, one line. */
    private void listen(String role, String portKey, int port, String path, InboundEndpoint endpoint)
            throws java.io.IOException {
        try {
            WebServer server = parts.add(
                    role + " endpoint",
                    WebServer.start(role, null, port, java.util.Map.of(path, endpoint), WebServer.Limits.DEFAULT));
            webPorts.put(role, server.port());
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException("configuration key " + portKey + " (" + Config.envName(portKey)
                    + "): port " + port + " is in use by another process; choose a free port or stop the other"
                    + " process");
        }
    }

    /** Starts a delivery worker for a platform's gateway, paced by the limits the gateway declares. */
    void deliverTo(ChatGateway gateway) {
        AlertDelivery delivery = new AlertDelivery(
                gateway,
                alertStore,
                subscriptions,
                new AlertComposer(
                        alertStore,
                        archive,
                        quoteCards,
                        resultContext,
                        AlertPictures.cards(channelCards, cards),
                        new LocalAlerts(local, localLive, this::catchUp),
                        summaries),
                budget,
                clock,
                AlertDelivery.Settings.DEFAULTS
                        .withLease(settings.delivery().claimLease())
                        .withOwner(instance),
                metrics);
        DeliveryLoop loop = new DeliveryLoop(
                gateway.platform().name().toLowerCase(java.util.Locale.ROOT), delivery, clock, Duration.ofSeconds(2));
        parts.add(loop.name() + " delivery", loop::close);
        loops.add(loop.start());
    }

    /** Adds a part to stop with the rest (before every part started earlier). */
    <T extends AutoCloseable> T own(String name, T part) {
        return parts.add(name, part);
    }

    private void wakeDelivery() {
        loops.forEach(DeliveryLoop::wake);
    }

    @Override
    public void close() throws Exception {
        parts.close();
    }
}
