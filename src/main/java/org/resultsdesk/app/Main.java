package org.resultsdesk.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.resultsdesk.app.ops.OpsServer;
import org.resultsdesk.console.ConsoleApp;
import org.resultsdesk.console.ConsoleGateway;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.night.Tonight;
import org.resultsdesk.core.retry.Sleeper;
import org.resultsdesk.core.text.LogSafe;
import org.resultsdesk.feeds.BundledResults;
import org.resultsdesk.feeds.DeclarationTimesFile;
import org.resultsdesk.feeds.HocResultsConverter;
import org.resultsdesk.feeds.LocalBundledData;
import org.resultsdesk.feeds.LocalResultsConverter;
import org.resultsdesk.feeds.ReplayFeed;
import org.resultsdesk.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Starts Results Desk: the console by default; the chat adapters when their tokens are configured. */
@Command(
        name = "results-desk",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Election results for newsroom chats.",
        subcommands = {Main.Replay.class, Main.ConvertData.class})
public final class Main implements Callable<Integer> {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    /** Set when the process ends by itself, so the shutdown hook tells a signal from a normal end. */
    private static volatile boolean endingByItself;
    /** A setting is missing, malformed or out of range, or there is nothing to do. */
    static final int EXIT_BAD_SETTING = 2;
    /** The database did not answer within store.connect-wait-seconds. */
    static final int EXIT_DATABASE_UNREACHABLE = 3;
    /** A chat platform's API (telegram.api-url, slack.api-url) could not be reached at start. */
    static final int EXIT_PLATFORM_UNREACHABLE = 4;
    /** Read from the working directory when no --config is named. */
    static final Path DEFAULT_CONFIG = Path.of("config", "results-desk.yml");

    @Option(
            names = "--config",
            description = "Configuration file (default: config/results-desk.yml in the working directory, if there).",
            scope = CommandLine.ScopeType.INHERIT)
    Path configFile;

    public static void main(String[] args) {
        // Cards are drawn off-screen: no display, and no toolkit looking for one.
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = new CommandLine(new Main());
        // A bad or missing setting is one clear line naming the key, not a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
                System.err.println("results-desk: " + e.getMessage());
                return EXIT_BAD_SETTING;
            }
            if (e instanceof DatabaseStartup.Unreachable) {
                System.err.println("results-desk: " + e.getMessage());
                return EXIT_DATABASE_UNREACHABLE;
            }
            if (e instanceof PlatformAccounts.Unreachable) {
                System.err.println("results-desk: " + e.getMessage());
                return EXIT_PLATFORM_UNREACHABLE;
            }
            throw e;
        });
        try {
            chooseLogFormat(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("results-desk: " + e.getMessage());
            System.exit(EXIT_BAD_SETTING);
        }
        int code = cli.execute(args);
        endingByItself = true;
        System.exit(code);
    }

    /** LOGGING_FORMAT in any case, for logback.xml, which names its appenders TEXT and JSON; before the first log line. */
    static void chooseLogFormat(Map<String, String> environment) {
        System.setProperty(
                "LOGGING_FORMAT",
                Config.of(Map.of(), environment).getChoice("logging.format", "TEXT", Set.of("TEXT", "JSON")));
    }

    /**
     * The configuration: the file named with --config (an error when it is missing), else config/results-desk.yml in
     * the working directory (said in the log when it is not there), overlaid with the environment. A key in the file
     * that is no setting stops the start; a variable that only looks like one is logged.
     */
    Config loadConfig() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
        Path file = configFile != null ? configFile : DEFAULT_CONFIG;
        if (configFile != null && !Files.exists(configFile)) {
            throw new IllegalArgumentException("--config " + configFile + ": no such file; name an existing file,"
                    + " or leave --config out to run on " + DEFAULT_CONFIG + " (if there) and the environment");
        }
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("--config " + configFile + " is not a file; name the YAML file");
        }
        if (configFile == null && !Files.exists(file)) {
            log.warn(
                    "no {} in {}: running on the defaults and the environment; name a file with --config",
                    DEFAULT_CONFIG,
                    Path.of("").toAbsolutePath());
        }
        readConfig = Files.exists(file) ? java.util.Optional.of(file) : java.util.Optional.empty();
        Config config = Config.load(file, System.getenv());
        List<String> unknown = KeyCheck.unknownFileKeys(config, file.toString());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join("\nresults-desk: ", unknown));
        }
        KeyCheck.unknownVariables(System.getenv()).forEach(log::warn);
        return config;
    }

    /** The configuration file loadConfig read, if it found one. */
    private java.util.Optional<Path> readConfig = java.util.Optional.empty();

    /**
     * Names the configuration file read, in one line; said once the settings have passed their checks, so a start
     * that fails on a setting is still the one line naming it.
     */
    void logConfigRead() {
        readConfig.ifPresent(file -> org.slf4j.LoggerFactory.getLogger(Main.class)
                .info("configuration: {}", file.toAbsolutePath().normalize()));
    }

    @Override
    public Integer call() throws Exception {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
        // Start-up does three slow things at once, each on its own thread (the machine may have two cores): the
        // bundled data, which needs no setting and so begins before they are read (logged only once the settings
        // have passed), the operations port and the database; the council results wait until the desk has started,
        // unless a local query asks for them first.
        Background<BundledResults.Timed> bundled = Background.start("bundled-data", BundledResults::readTimed);
        // The history the first /result's context lines read: loaded beside the rest rather than on the first command.
        Background.start("history", org.resultsdesk.core.history.GeneralElectionHistory::bundled);
        // Every setting is read once, and checked, before anything starts: a bad one ends the start with one line.
        Settings settings = Settings.from(loadConfig());
        StartupChecks.run(settings);
        logConfigRead();
        Background<LocalArchive> localArchive = Background.deferred("local-data", LocalBundledData::load);
        Background<java.util.Optional<OpsServer>> opsStarting =
                Background.start("ops-start", () -> startOps(settings.ops().port(), log));
        Database database;
        try {
            database = DatabaseStartup.open(settings.store(), Clock.systemUTC(), Sleeper.SYSTEM);
        } catch (RuntimeException e) {
            opsStarting.get().ifPresent(OpsServer::close);
            throw e;
        }
        OpsServer ops;
        ResultsArchive archive;
        try {
            ops = opsStarting.get().orElse(null);
            archive = BundledResults.logged(bundled.get());
        } catch (Exception e) {
            opsStarting.get().ifPresent(OpsServer::close);
            database.close();
            throw e;
        }
        Tonight tonight = FeedParsers.tonight(settings.night(), archive);
        try (ResultsDesk desk =
                new ResultsDesk(settings, Clock.systemUTC(), archive, localArchive::join, database, tonight)) {
            // On SIGTERM: stop taking work, let each delivery pass finish and record what it sent, release the lease.
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                if (!endingByItself) {
                                    log.info(
                                            "stopping on a signal (SIGTERM or Ctrl-C): finishing deliveries, releasing the lease");
                                }
                                try {
                                    desk.close();
                                } catch (Exception e) {
                                    System.err.println("results-desk: shutdown: " + e);
                                }
                            },
                            "shutdown"));
            desk.deliverTo(new ConsoleGateway(OUT));
            desk.start(java.util.Optional.ofNullable(ops));
            localArchive.begin();
            boolean interactive = System.console() != null;
            if (interactive) {
                // Log lines would break into the prompt: from here on they go to a file.
                Path logFile =
                        ConsoleLogging.toFile(settings.store().dataDirectory().resolve(ConsoleLogging.FILE_NAME));
                OUT.println("The log goes to " + logFile.toAbsolutePath() + " while the console is open.");
            }
            int lines = new ConsoleApp(desk.commands)
                    .run(
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                            OUT,
                            interactive);
            boolean chats = settings.anyChat();
            if (chats || settings.feeds().any() || settings.democracyClub().enabled()) {
                OUT.println("Console input closed; serving " + (chats ? "chats" : "feeds") + " until stopped.");
                new java.util.concurrent.CountDownLatch(1).await();
            } else if (lines == 0 && !interactive) {
                System.err.println("results-desk: nothing to do: no chat token (TELEGRAM_BOT_TOKEN, SLACK_BOT_TOKEN),"
                        + " no feed (FEEDS_DIRECTORY, FEEDS_URLS) and no console input; set one, or pipe commands in");
                return EXIT_BAD_SETTING;
            }
        }
        return 0;
    }

    /** The operations port, or none when the port is taken (health and metrics are then off for the run). */
    private static java.util.Optional<OpsServer> startOps(int port, org.slf4j.Logger log) throws java.io.IOException {
        try {
            OpsServer ops = OpsServer.starting(port);
            log.info("operations on port {}: /healthz, /readyz, /metrics", ops.port());
            return java.util.Optional.of(ops);
        } catch (java.net.BindException e) {
            log.warn("ops port {} (OPS_PORT) is in use; health and metrics are off for this run", port);
            return java.util.Optional.empty();
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            versionProvider = Main.Version.class,
            description = "Replay an election night from the bundled data through the feed path"
                    + " into the console: the newsroom's rehearsal and the demo. It runs on a throwaway database"
                    + " in a temporary directory, deleted however the replay ends.")
    static final class Replay implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Option(
                names = "--election",
                defaultValue = "parl.2019-12-12",
                description = "Election id to replay (default: ${DEFAULT-VALUE}); a local night is local.<polling day>,"
                        + " as local.2025-05-01; a wrong one lists those on file.")
        String election;

        @Parameters(
                arity = "0..2",
                paramLabel = "local YEAR",
                description =
                        "Replay a local election night instead: 'replay local 2025' is --election local.2025-05-01.")
        List<String> local = List.of();

        @Option(
                names = "--speed",
                description = "Times faster than real time, more than 0 (default: replay.speed, 60).")
        Double speed;

        @Option(names = "--limit", description = "Stop after this many declarations, 1 or more.")
        Integer limit;

        @Option(
                names = {"-v", "--verbose"},
                description = "Log every declaration and alert as well.")
        boolean verbose;

        @Override
        public Integer call() throws Exception {
            Config config = parent.loadConfig();
            if (!verbose) {
                ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.resultsdesk"))
                        .setLevel(ch.qos.logback.classic.Level.WARN);
            }
            if (speed != null && (!(speed > 0) || speed.isInfinite())) {
                System.err.println("results-desk: --speed must be a number more than 0, not " + speed);
                return EXIT_BAD_SETTING;
            }
            // replay.speed is checked as every setting is: a bad one ends the start with one line.
            double factor = speed != null ? speed : Settings.Replay.from(config).speed();
            if (limit != null && limit < 1) {
                System.err.println("results-desk: --limit must be 1 or more, not " + limit);
                return EXIT_BAD_SETTING;
            }
            if (!local.isEmpty()) {
                if (local.size() != 2
                        || !local.get(0).equalsIgnoreCase("local")
                        || !local.get(1).matches("\\d{4}")) {
                    System.err.println("results-desk: replay takes 'local <year>', as 'replay local 2025'");
                    return EXIT_BAD_SETTING;
                }
                election = "local." + local.get(1);
            }
            if (election.startsWith("local.")) {
                return replayLocal(config, factor);
            }
            ResultsArchive archive = BundledResults.load();
            List<Contest> contests = archive.contestsOf(election);
            if (contests.isEmpty()) {
                System.err.println(
                        "results-desk: no bundled election " + LogSafe.escape(election) + ". " + replayable(archive));
                return EXIT_BAD_SETTING;
            }
            Path rehearsal = Files.createTempDirectory("results-desk-replay");
            // From here on, whichever way the replay ends (finished, failed, Ctrl-C), the directory goes.
            Rehearsal run = new Rehearsal(rehearsal);
            Runtime.getRuntime().addShutdownHook(run.onSignal);
            try {
                return play(config, archive, contests, factor, run);
            } finally {
                run.end();
                try {
                    Runtime.getRuntime().removeShutdownHook(run.onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // Stopped by a signal: the hook is ending the rehearsal.
                }
            }
        }

        private int play(Config config, ResultsArchive archive, List<Contest> contests, double factor, Rehearsal run)
                throws Exception {
            Path inbox = Files.createDirectories(run.directory.resolve("inbox"));
            Config rehearsalConfig = config.with("feeds.directory", inbox.toString())
                    .with("feeds.urls", "")
                    .with("feeds.settle-millis", "100")
                    .with("night.election", election)
                    // A replayed night is old by the calendar and still news to the rehearsal.
                    .with("alerts.old-election-days", "0");
            if (config.get("night.declaration-times").isEmpty()) {
                // The rehearsal's provisional times are the night's real ones.
                Path times = run.directory.resolve("declaration-times.csv");
                Files.writeString(times, DeclarationTimesFile.write(contests));
                rehearsalConfig = rehearsalConfig.with("night.declaration-times", times.toString());
            }
            ResultsArchive night = archive.without(election);
            Settings settings = Settings.from(rehearsalConfig);
            ResultsDesk desk = new ResultsDesk(
                    settings,
                    Clock.systemUTC(),
                    night,
                    Database.sqlite(run.directory),
                    FeedParsers.tonight(settings.night(), night));
            run.desk.set(desk);
            ReplayFeed replay = new ReplayFeed(contests, factor, Clock.systemUTC(), Sleeper.SYSTEM);
            if (limit != null) {
                replay = replay.first(limit);
            }
            Instant firstDeclared = contests.stream()
                    .flatMap(c -> c.declaredAt().stream())
                    .min(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            Instant started = Instant.now();
            ReplayProgress progress = new ReplayProgress(
                    OUT,
                    System.console() != null,
                    replay.size(),
                    () -> new ReplayProgress.Snapshot(
                            desk.feedFilesIngested(),
                            (long) desk.metrics.total("resultsdesk_alerts_queued_total"),
                            (long) desk.metrics.total("resultsdesk_alerts_sent_total"),
                            firstDeclared.plusMillis((long)
                                    (Duration.between(started, Instant.now()).toMillis() * factor))));
            run.progress.set(progress);
            try {
                ChannelRef console = new ChannelRef(ChatContext.Platform.CONSOLE, "console");
                desk.subscriptions.add(new Subscription(console, Subscription.Kind.ALL, null, "every declaration"));
                desk.deliverTo(new ConsoleGateway(OUT));
                // The rehearsal plays into the console alone: no chat platform is started, whatever is configured.
                desk.followStore();
                desk.startLeaderWork();
                OUT.println("Replaying " + replay.size() + " declarations of " + election + " at " + factor + "x.");
                progress.start(Duration.ofSeconds(1), Duration.ofSeconds(5));
                replay.play(file -> writeInto(inbox, file));
                while (desk.feedFilesIngested() < replay.size() || desk.alertStore.pendingCount() > 0) {
                    Thread.sleep(Duration.ofMillis(100).toMillis());
                }
                run.finished.set(true);
                progress.summary("Replay finished");
            } finally {
                progress.close();
            }
            return 0;
        }

        /**
         * A local night, council by council: "local.2025-05-01", or "local.2025" for the year's polling day. The
         * declaration times are invented (the Library's files have none) and the output says so.
         */
        private int replayLocal(Config config, double factor) throws Exception {
            org.resultsdesk.core.model.LocalArchive full = org.resultsdesk.feeds.LocalBundledData.load();
            String wanted = election.substring("local.".length());
            java.util.Optional<java.time.LocalDate> day = full.pollingDays().stream()
                    .filter(d -> d.toString().equals(wanted)
                            || String.valueOf(d.getYear()).equals(wanted))
                    .filter(d -> !full.councilsVotingOn(d).isEmpty())
                    .findFirst();
            if (day.isEmpty()) {
                System.err.println("results-desk: no bundled local election " + LogSafe.escape(election)
                        + ". Local nights on file: "
                        + String.join(
                                ", ",
                                full.pollingDays().stream()
                                        .filter(d -> !full.councilsVotingOn(d).isEmpty())
                                        .map(d -> "local." + d)
                                        .toList())
                        + ".");
                return EXIT_BAD_SETTING;
            }
            election = "local." + day.get();
            Path rehearsal = Files.createTempDirectory("results-desk-replay");
            Rehearsal run = new Rehearsal(rehearsal);
            Runtime.getRuntime().addShutdownHook(run.onSignal);
            try {
                return playLocal(config, full, day.get(), factor, run);
            } finally {
                run.end();
                try {
                    Runtime.getRuntime().removeShutdownHook(run.onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // Stopped by a signal: the hook is ending the rehearsal.
                }
            }
        }

        private int playLocal(
                Config config,
                org.resultsdesk.core.model.LocalArchive full,
                java.time.LocalDate day,
                double factor,
                Rehearsal run)
                throws Exception {
            Path inbox = Files.createDirectories(run.directory.resolve("inbox"));
            Config rehearsalConfig = config.with("feeds.directory", inbox.toString())
                    .with("feeds.urls", "")
                    .with("feeds.settle-millis", "100")
                    .with("alerts.old-election-days", "0");
            Settings settings = Settings.from(rehearsalConfig);
            ResultsArchive archive = BundledResults.load();
            // The night taken out of what the desk knows; the full data says which wards each council has up.
            org.resultsdesk.core.model.LiveLocalArchive night = new org.resultsdesk.core.model.LiveLocalArchive(
                    () -> full.without(day), java.util.Optional.of(() -> full));
            ResultsDesk desk = new ResultsDesk(
                    settings,
                    Clock.systemUTC(),
                    archive,
                    night,
                    Database.sqlite(run.directory),
                    FeedParsers.tonight(settings.night(), archive));
            run.desk.set(desk);
            org.resultsdesk.feeds.LocalReplayFeed replay = new org.resultsdesk.feeds.LocalReplayFeed(
                    day, full.contests(), factor, Clock.systemUTC(), Sleeper.SYSTEM);
            if (limit != null) {
                replay = replay.first(limit);
            }
            Instant firstDeclared = replay.firstDeclared();
            Instant started = Instant.now();
            ReplayProgress progress = new ReplayProgress(
                    OUT,
                    System.console() != null,
                    replay.size(),
                    () -> new ReplayProgress.Snapshot(
                            desk.feedFilesIngested(),
                            (long) desk.metrics.total("resultsdesk_alerts_queued_total"),
                            (long) desk.metrics.total("resultsdesk_alerts_sent_total"),
                            firstDeclared.plusMillis((long)
                                    (Duration.between(started, Instant.now()).toMillis() * factor))));
            run.progress.set(progress);
            try {
                ChannelRef console = new ChannelRef(ChatContext.Platform.CONSOLE, "console");
                desk.subscriptions.add(
                        new Subscription(console, Subscription.Kind.COUNCILS, null, "every council's declaration"));
                desk.deliverTo(new ConsoleGateway(OUT));
                desk.followStore();
                desk.startLeaderWork();
                OUT.println("Replaying " + election + ": " + replay.size() + " councils, " + replay.wards()
                        + " wards and divisions, council by council, at " + factor + "x.");
                OUT.println("The Library's files give no declaration times: the councils are spread evenly, by name,"
                        + " from " + "11pm on polling day to 6pm the next day (UK time)"
                        + ". The console follows every council's"
                        + " declaration; /result and /council answer for every ward as it comes in.");
                progress.start(Duration.ofSeconds(1), Duration.ofSeconds(5));
                replay.play(file -> writeInto(inbox, file));
                while (desk.feedFilesIngested() < replay.size() || desk.alertStore.pendingCount() > 0) {
                    Thread.sleep(Duration.ofMillis(100).toMillis());
                }
                run.finished.set(true);
                progress.summary("Replay finished");
            } finally {
                progress.close();
            }
            return 0;
        }

        /** The elections a replay can play, general elections first, for the line that answers a wrong id. */
        static String replayable(ResultsArchive archive) {
            java.util.Map<Boolean, List<String>> byKind = archive.elections().stream()
                    .sorted(java.util.Comparator.comparing(org.resultsdesk.core.model.Election::date))
                    .collect(java.util.stream.Collectors.partitioningBy(
                            e -> e.kind() == org.resultsdesk.core.model.ElectionKind.GENERAL,
                            java.util.stream.Collectors.mapping(
                                    org.resultsdesk.core.model.Election::id, java.util.stream.Collectors.toList())));
            return "General elections on file: " + String.join(", ", byKind.get(true))
                    + (byKind.get(false).isEmpty() ? "" : "; by-elections: " + String.join(", ", byKind.get(false)))
                    + ". Only parl.2019-12-12 has declaration times; the others declare all at once. Local nights:"
                    + " replay local 2021, 2022, 2024 or 2025.";
        }

        /** One rehearsal's throwaway directory and what must be closed before it is deleted. */
        private static final class Rehearsal {
            final Path directory;
            final java.util.concurrent.atomic.AtomicReference<ResultsDesk> desk =
                    new java.util.concurrent.atomic.AtomicReference<>();
            final java.util.concurrent.atomic.AtomicReference<ReplayProgress> progress =
                    new java.util.concurrent.atomic.AtomicReference<>();
            final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
            /** Set once the end has begun, by the replay itself or by a signal, so it runs once. */
            final java.util.concurrent.atomic.AtomicBoolean ending = new java.util.concurrent.atomic.AtomicBoolean();

            final Thread onSignal;

            Rehearsal(Path directory) {
                this.directory = directory;
                this.onSignal = new Thread(
                        () -> {
                            ReplayProgress shown = progress.get();
                            if (!finished.get() && shown != null && !ending.get()) {
                                shown.summary("Replay stopped");
                            }
                            end();
                        },
                        "replay-stop");
            }

            void end() {
                if (!ending.compareAndSet(false, true)) {
                    return;
                }
                ResultsDesk open = desk.get();
                if (open != null) {
                    try {
                        open.close();
                    } catch (Exception e) {
                        System.err.println("results-desk: replay: " + e.getMessage());
                    }
                }
                try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (java.io.IOException e) {
                    System.err.println("results-desk: could not delete the replay's throwaway files in " + directory);
                }
            }
        }

        /** As a feed sync does it: written under a temporary name, then renamed into place. */
        private static void writeInto(Path inbox, org.resultsdesk.core.port.FeedFile file) {
            try {
                Path partial = inbox.resolve(file.name() + ".part");
                Files.write(partial, file.content());
                Files.move(partial, inbox.resolve(file.name()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The version the build wrote into the jar's manifest; "development build" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"results-desk " + (version != null ? version : "development build")};
        }
    }

    @Command(
            name = "convert-data",
            mixinStandardHelpOptions = true,
            versionProvider = Main.Version.class,
            description = "Convert the Commons Library CSVs into the bundled resources (a build-time step).")
    static final class ConvertData implements Callable<Integer> {
        @Parameters(index = "0", description = "The shared data folder, e.g. ../shared/data")
        Path sharedData;

        @Parameters(index = "1", description = "Where to write, normally src/main/resources/data")
        Path output;

        @Override
        public Integer call() throws Exception {
            HocResultsConverter.convert(sharedData, output);
            LocalResultsConverter.convert(sharedData, output)
                    .forEach(correction -> OUT.println("corrected: " + correction));
            OUT.println("wrote bundled results to " + output);
            return 0;
        }
    }
}
