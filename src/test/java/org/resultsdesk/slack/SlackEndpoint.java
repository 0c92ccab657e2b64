package org.resultsdesk.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.resultsdesk.web.WebServer;

/**
 * A Slack app served the way Slack reaches it: our web endpoint on a free local port, checking request signatures
 * made with the signing secret on the test's clock. Close it after the test.
 */
public final class SlackEndpoint implements AutoCloseable {
    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock;
    private final SlackSignature signature;
    private final WebServer server;
    private final URI uri;

    public SlackEndpoint(SlackApp app, String signingSecret, Clock clock) throws IOException {
        this.clock = clock;
        this.signature = new SlackSignature(signingSecret, clock);
        this.server = WebServer.start(
                "slack",
                "127.0.0.1",
                0,
                Map.of("/slack/events", new SlackHttpEndpoint(app, signature)),
                WebServer.Limits.DEFAULT);
        this.uri = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
    }

    /** The signature the endpoint checks, for signing requests by hand. */
    SlackSignature signature() {
        return signature;
    }

    /** A form-encoded body as Slack posts it (a slash command's fields, or {@code payload} for a button). */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * A slash command's form as Slack posts it: {@code command} ("/result") with {@code text}, typed by {@code user}
     * (U0REPORTER) in {@code channel} (C0DESK), their names the ids' lower-cased tails ("reporter", "desk").
     */
    public static String slashCommand(String channel, String user, String command, String text, String responseUrl) {
        return form(Map.of(
                "token",
                "x",
                "team_id",
                "T0NEWS",
                "team_domain",
                "newsroom",
                "channel_id",
                channel,
                "channel_name",
                channel.substring(2).toLowerCase(java.util.Locale.ROOT),
                "user_id",
                user,
                "user_name",
                user.substring(2).toLowerCase(java.util.Locale.ROOT),
                "command",
                command,
                "text",
                text,
                "response_url",
                responseUrl));
    }

    /** Posts {@code body} signed now with the endpoint's secret, as Slack would. */
    public HttpResponse<String> signed(String body) throws IOException, InterruptedException {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return post(body, timestamp, signature.sign(timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Posts {@code body} with these Slack headers, leaving out either one that is null. */
    HttpResponse<String> post(String body, String timestamp, String slackSignature)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (slackSignature != null) {
            request.header("X-Slack-Signature", slackSignature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
