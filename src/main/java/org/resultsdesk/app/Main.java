package org.resultsdesk.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.resultsdesk.console.ConsoleApp;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.feeds.BundledResults;
import org.resultsdesk.feeds.HocResultsConverter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Starts Results Desk: the console by default; the chat adapters when their tokens are configured. */
@Command(name = "results-desk", mixinStandardHelpOptions = true,
        description = "Election results for newsroom chats.",
        subcommands = {Main.ConvertData.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--config", description = "Configuration file (default: ${DEFAULT-VALUE}).",
            defaultValue = "config/results-desk.yml")
    Path configFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Config config = Config.load(configFile, System.getenv());
        ResultsArchive archive = BundledResults.load();
        CommandService commands = new CommandService(archive, new SeatDirectory(archive.seats()));
        boolean interactive = System.console() != null;
        new ConsoleApp(commands).run(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new java.io.PrintStream(System.out, true, StandardCharsets.UTF_8), interactive);
        return 0;
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
            System.out.println("wrote bundled results to " + output);
            return 0;
        }
    }
}
