package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.TestPostgres;
import org.resultsdesk.telegram.fake.FakeTelegramApi;

/**
 * The app's Main in a process of its own, started as an operator would start it with something wrong: each failure
 * is one line naming the key and the reason, the documented exit code, no stack trace and no secret.
 */
class StartupFailuresTest {
    static final String SECRET = "hunter2-not-for-logs";

    @TempDir
    Path dir;

    record Outcome(int exitCode, String stdout, String stderr) {}

    @Test
    void aSettleTimeThatIsNotANumberIsOneLineAndExitCode2() throws Exception {
        Outcome outcome = run(Map.of("FEEDS_SETTLE_MILLIS", "soon"), "");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr())
                .isEqualTo("results-desk: configuration key feeds.settle-millis"
                        + " (FEEDS_SETTLE_MILLIS) must be a whole number, not 'soon'\n");
    }

    @Test
    void aFeedUrlThatIsNotAUrlIsOneLineAndExitCode2() throws Exception {
        Outcome outcome = run(Map.of("FEEDS_URLS", "https://feeds.example/results, not a url"), "");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr())
                .isEqualTo("results-desk: configuration key feeds.urls (FEEDS_URLS) has an"
                        + " invalid URL: 'not a url'\n");
    }

    @Test
    void aMalformedJdbcUrlIsNamedWithItsPasswordMasked() throws Exception {
        Outcome outcome = run(Map.of("STORE_JDBC_URL", "postgres://desk:" + SECRET + "@db:5432/results"), "");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr())
                .isEqualTo(
                        "results-desk: configuration key store.jdbc-url (STORE_JDBC_URL) must"
                                + " be a JDBC URL such as jdbc:postgresql://db:5432/results, not 'postgres://desk:***@db:5432/results'\n");
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(SECRET);
    }

    @Test
    void aLogFormatIsReadInAnyCaseAndAnUnknownOneRefused() throws Exception {
        Outcome json = run(Map.of("LOGGING_FORMAT", "json"), "/result kingswood\n");
        assertThat(json.exitCode()).isZero();
        assertThat(json.stdout()).contains("Kingswood");
        assertThat(json.stderr().lines().filter(l -> !l.isBlank()).toList())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .startsWith("{")
                        .contains("\"level\":\"")
                        .endsWith("}"));

        Outcome xml = run(Map.of("LOGGING_FORMAT", "xml"), "");
        assertThat(xml.exitCode()).isEqualTo(2);
        assertThat(xml.stderr())
                .isEqualTo("results-desk: configuration key logging.format (LOGGING_FORMAT) must be"
                        + " one of json, text, not 'xml'\n");
    }

    @Test
    void withNothingToDoItSaysSoAndExitsWith2() throws Exception {
        Outcome outcome = run(Map.of(), "");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()
                        .lines()
                        .filter(l -> l.startsWith("results-desk:"))
                        .toList())
                .containsExactly(
                        "results-desk: nothing to do: no chat token (TELEGRAM_BOT_TOKEN, SLACK_BOT_TOKEN), no feed"
                                + " (FEEDS_DIRECTORY, FEEDS_URLS) and no console input; set one, or pipe commands in");
        assertThat(outcome.stderr()).doesNotContain("\tat ");
    }

    @Test
    void aDatabaseThatNeverAnswersIsRetriedThenOneLineAndExitCode3() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/results?password=" + SECRET;
        Outcome outcome =
                run(Map.of("STORE_JDBC_URL", url, "STORE_PASSWORD", SECRET, "STORE_CONNECT_WAIT_SECONDS", "3"), "");

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stderr())
                .as("one line an attempt")
                .contains("database jdbc:postgresql://127.0.0.1:" + closedPort + "/results?password=*** not reachable")
                .contains("(attempt 1)");
        String last = outcome.stderr().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last)
                .startsWith(
                        "results-desk: database jdbc:postgresql://127.0.0.1:" + closedPort
                                + "/results?password=*** (STORE_JDBC_URL) did not answer within 3 s (store.connect-wait-seconds): ");
        assertThat(outcome.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(SECRET);
    }

    @Test
    void aDatabaseThatComesUpLateIsWaitedForWhileHealthAnswersAndReadinessSaysStarting() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Path log = dir.resolve("late.log");
        try (TestPostgres.Schema schema = TestPostgres.freshSchema("rd_late");
                TcpProxy proxy = new TcpProxy(TestPostgres.port())) {
            proxy.cut();
            Map<String, String> env = new HashMap<>(Map.of(
                    "STORE_JDBC_URL",
                    schema.urlThroughPort(proxy.port()),
                    "STORE_USER",
                    schema.user(),
                    "STORE_PASSWORD",
                    SECRET,
                    "STORE_CONNECT_WAIT_SECONDS",
                    "300",
                    "FEEDS_DIRECTORY",
                    Files.createDirectories(dir.resolve("inbox")).toString()));
            Process process = start(env, log);
            try {
                // The operations port starts beside the database, so either may come first.
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> Files.readString(log).contains("(attempt 2)")
                                && Files.readString(log).contains("operations on port"));
                Matcher port = Pattern.compile("operations on port (\\d+)").matcher(Files.readString(log));
                assertThat(port.find()).isTrue();
                URI ops = URI.create("http://127.0.0.1:" + port.group(1));
                assertThat(get(http, ops.resolve("/healthz")).statusCode()).isEqualTo(200);
                HttpResponse<String> starting = get(http, ops.resolve("/readyz"));
                assertThat(starting.statusCode()).isEqualTo(503);
                assertThat(starting.body()).contains("database: starting");

                proxy.restore();
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> get(http, ops.resolve("/readyz")).statusCode() == 200);
                assertThat(get(http, ops.resolve("/readyz")).body()).contains("database: ok");
                assertThat(process.isAlive()).isTrue();
            } finally {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(output).doesNotContain(SECRET);
            assertThat(output).contains("stopping on a signal");
        }
    }

    // ---- mistakes in set-up: each one line naming the key and what to do, the documented code, and promptly ----

    /**
     * The process ended by itself inside this: it did not retry or wait for something that will not come. Generous,
     * for a loaded machine (a JVM start, the bundled data and the database's migrations come first); not a measure.
     */
    static final Duration PROMPTLY = Duration.ofSeconds(100);

    private Outcome runTimed(ProcessBuilder builder) throws Exception {
        long started = System.nanoTime();
        Outcome outcome = run(builder, "");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("ended by itself, without retrying")
                .isLessThan(PROMPTLY);
        return outcome;
    }

    private Outcome runTimed(Map<String, String> settings) throws Exception {
        return runTimed(builder(settings));
    }

    @Test
    void aFeedDirectoryThatDoesNotExistIsAnErrorUnlessCreatingItIsAskedFor() throws Exception {
        Path missing = dir.resolve("nonexistent").resolve("feeds");
        Outcome outcome = runTimed(Map.of("FEEDS_DIRECTORY", missing.toString()));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr())
                .isEqualTo("results-desk: configuration key feeds.directory (FEEDS_DIRECTORY) names " + missing
                        + ", which does not exist: correct the path, create the directory, or set"
                        + " feeds.create-directory (FEEDS_CREATE_DIRECTORY) to true\n");
        assertThat(missing).doesNotExist();

        Path log = dir.resolve("created.log");
        Process process = start(Map.of("FEEDS_DIRECTORY", missing.toString(), "FEEDS_CREATE_DIRECTORY", "true"), log);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.readString(log).contains("watching " + missing));
            assertThat(missing).isDirectory();
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    @Test
    void aFeedDirectoryThatIsAFileIsOneLineNotARetryLoop() throws Exception {
        Path file = Files.writeString(dir.resolve("feeds.txt"), "not a directory");
        Outcome outcome = runTimed(Map.of("FEEDS_DIRECTORY", file.toString()));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr())
                .isEqualTo("results-desk: configuration key feeds.directory (FEEDS_DIRECTORY) names " + file
                        + ", which is a file, not a directory: name the directory the feed sync writes into\n");
    }

    @Test
    void aPortOutOfRangeIsOneLine() throws Exception {
        Outcome outcome = runTimed(Map.of("OPS_PORT", "99999"));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr())
                .isEqualTo("results-desk: configuration key ops.port (OPS_PORT) must be a port from 1 to 65535"
                        + " (0: any free port), not 99999\n");
    }

    @Test
    void aConfigFileNamedAndMissingIsAnError() throws Exception {
        Path nope = dir.resolve("nope.yml");
        Outcome outcome = runTimed(builder(List.of("--config", nope.toString()), Map.of()));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr())
                .isEqualTo("results-desk: --config " + nope + ": no such file; name an existing file, or leave"
                        + " --config out to run on config/results-desk.yml (if there) and the environment\n");
    }

    @Test
    void aMisspeltKeyIsReportedWithTheNearestKey() throws Exception {
        Path file = Files.writeString(
                dir.resolve("typo.yml"), "feeds:\n  directroy: /srv/feeds\nops:\n  port: 0\nshape: round\n");
        Outcome outcome = runTimed(builder(List.of("--config", file.toString()), Map.of()));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr().lines().toList())
                .containsExactly(
                        "results-desk: unknown configuration key feeds.directroy in " + file
                                + ": did you mean feeds.directory?",
                        "results-desk: unknown configuration key shape in " + file
                                + ": see docs/configuration.md for the keys there are");
    }

    @Test
    void runFromAnotherFolderTheMissingDefaultFileIsSaid() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        ProcessBuilder builder = builder(List.of(), Map.of()).directory(elsewhere.toFile());
        Outcome outcome = run(builder, "/result kingswood\n");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains("Kingswood");
        assertThat(outcome.stderr())
                .contains("no config/results-desk.yml in " + elsewhere.toRealPath()
                        + ": running on the defaults and the environment; name a file with --config");
    }

    @Test
    void aTelegramTokenTheApiRefusesIsOneLineNamingTheKey() throws Exception {
        try (FakeTelegramApi telegram = new FakeTelegramApi(java.time.Clock.systemUTC())) {
            Outcome outcome = runTimed(Map.of(
                    "TELEGRAM_BOT_TOKEN",
                    "654321:" + SECRET,
                    "TELEGRAM_BOT_USERNAME",
                    FakeTelegramApi.USERNAME,
                    "TELEGRAM_API_URL",
                    telegram.baseUrl()));

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(lines(outcome))
                    .containsExactly(
                            "results-desk: configuration key telegram.bot-token (TELEGRAM_BOT_TOKEN) was"
                                    + " refused by Telegram: unauthorised (401); copy the bot's token from @BotFather (/mybots)");
            assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(SECRET);
        }
    }

    @Test
    void aTelegramApiThatCannotBeReachedIsOneLineAndExitCode4() throws Exception {
        String url = "http://127.0.0.1:" + closedPort();
        Outcome outcome = runTimed(Map.of(
                "TELEGRAM_BOT_TOKEN", FakeTelegramApi.TOKEN,
                "TELEGRAM_BOT_USERNAME", FakeTelegramApi.USERNAME,
                "TELEGRAM_API_URL", url));

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(lines(outcome))
                .containsExactly("results-desk: Telegram at " + url + "/ (telegram.api-url, TELEGRAM_API_URL) cannot"
                        + " be reached: connection refused; check the URL and the network, then start again");
    }

    @Test
    void aSlackTokenTheApiRefusesIsOneLineNamingTheKey() throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi(java.time.Clock.systemUTC())) {
            Outcome outcome = runTimed(Map.of(
                    "SLACK_BOT_TOKEN",
                    "xoxb-" + SECRET,
                    "SLACK_SIGNING_SECRET",
                    "a-signing-secret",
                    "SLACK_API_URL",
                    slack.apiUrl(),
                    "SLACK_PORT",
                    "0"));

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(lines(outcome))
                    .containsExactly("results-desk: configuration key slack.bot-token (SLACK_BOT_TOKEN) was refused by"
                            + " Slack: unauthorised (invalid_auth); copy the Bot User OAuth Token (xoxb-...) from the"
                            + " app's OAuth & Permissions page");
            assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(SECRET);
        }
    }

    @Test
    void aSlackApiThatCannotBeReachedIsOneLineAndExitCode4() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/api/";
        Outcome outcome = runTimed(Map.of(
                "SLACK_BOT_TOKEN",
                FakeSlackApi.BOT_TOKEN,
                "SLACK_SIGNING_SECRET",
                "a-signing-secret",
                "SLACK_API_URL",
                url,
                "SLACK_PORT",
                "0"));

        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(lines(outcome))
                .containsExactly("results-desk: Slack at " + url + " (slack.api-url, SLACK_API_URL) cannot be"
                        + " reached: connection refused; check the URL and the network, then start again");
    }

    @Test
    void aSlackPortAnotherProcessHoldsIsOneLine() throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi(java.time.Clock.systemUTC());
                ServerSocket taken = new ServerSocket(0)) {
            Outcome outcome = runTimed(Map.of(
                    "SLACK_BOT_TOKEN",
                    FakeSlackApi.BOT_TOKEN,
                    "SLACK_SIGNING_SECRET",
                    "a-signing-secret",
                    "SLACK_API_URL",
                    slack.apiUrl(),
                    "SLACK_PORT",
                    String.valueOf(taken.getLocalPort())));

            assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
            assertThat(lines(outcome))
                    .containsExactly("results-desk: configuration key slack.port (SLACK_PORT): port "
                            + taken.getLocalPort() + " is in use by another process; choose a free port or stop the"
                            + " other process");
        }
    }

    @Test
    void socketModeWithoutItsAppTokenBlamesOnlyThatAndNeverAsksForTheSigningSecret() throws Exception {
        Outcome outcome = runTimed(Map.of("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN, "SLACK_MODE", "socket"));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr())
                .isEqualTo("results-desk: configuration key slack.app-token (SLACK_APP_TOKEN) is required in socket"
                        + " mode: an app-level token (xapp-...) with the connections:write scope\n");
    }

    /** The lines that are the start's verdict (log lines before it may come and go). */
    private static List<String> lines(Outcome outcome) {
        return outcome.stderr()
                .lines()
                .filter(l -> l.startsWith("results-desk:"))
                .toList();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Outcome run(Map<String, String> settings, String input) throws Exception {
        return run(builder(settings), input);
    }

    private Outcome run(ProcessBuilder builder, String input) throws Exception {
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end; stderr: " + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Process start(Map<String, String> settings, Path log) throws IOException {
        Process process = builder(settings)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        return process;
    }

    private ProcessBuilder builder(Map<String, String> settings) throws IOException {
        return builder(List.of("--config", defaultsFile(dir).toString()), settings);
    }

    /** Main with these arguments and settings in the environment, and nothing else of ours there. */
    ProcessBuilder builder(List<String> arguments, Map<String, String> settings) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                "org.resultsdesk.app.Main"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(k -> k.matches("(TELEGRAM|SLACK|STORE|FEEDS|OPS|LOGGING|REPLAY|DELIVERY|LEADER|NIGHT)_.*"));
        env.put("STORE_DATA_DIRECTORY", dir.resolve("data").toString());
        env.put("OPS_PORT", "0");
        env.putAll(settings);
        return builder;
    }

    /** An empty configuration file: the defaults and the environment alone. */
    private static Path defaultsFile(Path dir) throws java.io.IOException {
        Path file = dir.resolve("defaults.yml");
        if (!Files.exists(file)) {
            Files.writeString(file, "# the defaults and the environment alone\n");
        }
        return file;
    }
}
