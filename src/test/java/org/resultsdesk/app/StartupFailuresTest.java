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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.store.TestPostgres;

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
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> Files.readString(log).contains("(attempt 2)"));
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

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Outcome run(Map<String, String> settings, String input) throws Exception {
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        ProcessBuilder builder = builder(settings).redirectOutput(out.toFile()).redirectError(err.toFile());
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

    private ProcessBuilder builder(Map<String, String> settings) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                "org.resultsdesk.app.Main",
                "--config",
                dir.resolve("none.yml").toString());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.matches("(TELEGRAM|SLACK|STORE|FEEDS|OPS|LOGGING|REPLAY|DELIVERY)_.*"));
        env.put("STORE_DATA_DIRECTORY", dir.resolve("data").toString());
        env.put("OPS_PORT", "0");
        env.putAll(settings);
        return builder;
    }
}
