package org.resultsdesk.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.resultsdesk.console.ConsoleApp;
import org.resultsdesk.console.ConsoleGateway;
import org.resultsdesk.core.alerts.ChannelRef;
import org.resultsdesk.core.alerts.Subscription;
import org.resultsdesk.core.command.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.feeds.BundledResults;
import org.resultsdesk.feeds.DeclarationTimesFile;
import org.resultsdesk.feeds.HocResultsConverter;
import org.resultsdesk.feeds.ReplayFeed;
import org.resultsdesk.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Starts Results Desk: the console by default; the chat adapters when their tokens are configured. */
@Command(name = "results-desk", mixinStandardHelpOptions = true,
        description = "Election results for newsroom chats.",
        subcommands = {Main.Replay.class, Main.ConvertData.class})
public final class Main implements Callable<Integer> {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Option(names = "--config", description = "Configuration file (default: ${DEFAULT-VALUE}).",
            defaultValue = "config/results-desk.yml", scope = CommandLine.ScopeType.INHERIT)
    Path configFile;

    public static void main(String[] args) {
        // The JDK HTTP server (Telegram webhook, Slack endpoint) otherwise waits on delayed ACKs: 40 ms a reply.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // Cards are drawn off-screen: no display, and no toolkit looking for one.
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = new CommandLine(new Main());
        // A bad or missing setting is one clear line naming the key, not a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
                System.err.println("results-desk: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Config config = Config.load(configFile, System.getenv());
        ResultsArchive archive = BundledResults.load();
        try (ResultsDesk desk = new ResultsDesk(config, Clock.systemUTC(), archive, ResultsDesk.openDatabase(config),
                ResultsDesk.feedParser(config, archive))) {
            // On SIGTERM: stop taking work, let each delivery pass finish and record what it sent, release the lease.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    desk.close();
                } catch (Exception e) {
                    System.err.println("results-desk: shutdown: " + e);
                }
            }, "shutdown"));
            desk.deliverTo(new ConsoleGateway(OUT));
            OkHttpClient http = new OkHttpClient();
            desk.startTelegram(config, http);
            desk.startSlack(config);
            desk.startLeaderWork(config, http);
            try {
                desk.startOps(config);
            } catch (java.net.BindException e) {
                System.err.println("ops port " + config.get("ops.port", "8081") + " (OPS_PORT) is in use; health and"
                        + " metrics are off for this run");
            }
            new ConsoleApp(desk.commands).run(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), OUT,
                    System.console() != null);
            if (desk.hasChatAdapters()) {
                OUT.println("Console input closed; serving chats until stopped.");
                new java.util.concurrent.CountDownLatch(1).await();
            }
        }
        return 0;
    }

    @Command(name = "replay", description = "Replay an election night from the bundled data through the feed path"
            + " into the console: the newsroom's rehearsal and the demo.")
    static final class Replay implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Option(names = "--election", defaultValue = "parl.2019-12-12",
                description = "Election id to replay (default: ${DEFAULT-VALUE}).")
        String election;

        @Option(names = "--speed", description = "Times faster than real time (default: replay.speed, 60).")
        Double speed;

        @Option(names = "--limit", description = "Stop after this many declarations.")
        Integer limit;

        @Override
        public Integer call() throws Exception {
            Config config = Config.load(parent.configFile, System.getenv());
            ResultsArchive archive = BundledResults.load();
            List<Contest> contests = archive.contestsOf(election);
            if (contests.isEmpty()) {
                System.err.println("No bundled election " + election + ". Try parl.2019-12-12.");
                return 2;
            }
            ResultsArchive night = archive.without(election);
            double factor = speed != null ? speed : Double.parseDouble(config.get("replay.speed", "60"));
            Path rehearsal = Files.createTempDirectory("results-desk-replay");
            Path inbox = rehearsal.resolve("inbox");
            Config rehearsalConfig = config.with("feeds.directory", inbox.toString()).with("feeds.urls", "")
                    .with("feeds.settle-millis", "100").with("night.election", election);
            if (config.get("night.declaration-times").isEmpty()) {
                // The rehearsal's provisional times are the night's real ones.
                Path times = rehearsal.resolve("declaration-times.csv");
                Files.writeString(times, DeclarationTimesFile.write(contests));
                rehearsalConfig = rehearsalConfig.with("night.declaration-times", times.toString());
            }
            try (ResultsDesk desk = new ResultsDesk(rehearsalConfig, Clock.systemUTC(), night,
                    Database.sqlite(rehearsal), ResultsDesk.feedParser(rehearsalConfig, night))) {
                ChannelRef console = new ChannelRef(ChatContext.Platform.CONSOLE, "console");
                desk.subscriptions.add(new Subscription(console, Subscription.Kind.ALL, null, "every declaration"));
                desk.deliverTo(new ConsoleGateway(OUT));
                desk.startLeaderWork(rehearsalConfig, new OkHttpClient());
                ReplayFeed replay = new ReplayFeed(contests, factor, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
                if (limit != null) {
                    replay = replay.first(limit);
                }
                OUT.println("Replaying " + replay.size() + " declarations of " + election + " at " + factor + "x.");
                replay.play(file -> writeInto(inbox, file));
                while (desk.feedFilesIngested() < replay.size() || desk.alertStore.pendingCount() > 0) {
                    Thread.sleep(Duration.ofMillis(100).toMillis());
                }
                OUT.println("Replay finished: " + replay.size() + " declarations.");
            }
            return 0;
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

    @Command(name = "convert-data",
            description = "Convert the Commons Library CSVs into the bundled resources (a build-time step).")
    static final class ConvertData implements Callable<Integer> {
        @Parameters(index = "0", description = "The shared data folder, e.g. ../shared/data")
        Path sharedData;

        @Parameters(index = "1", description = "Where to write, normally src/main/resources/data")
        Path output;

        @Override
        public Integer call() throws Exception {
            HocResultsConverter.convert(sharedData, output);
            OUT.println("wrote bundled results to " + output);
            return 0;
        }
    }
}
