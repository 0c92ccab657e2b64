package org.resultsdesk.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands and interactivity over HTTP: a thin adapter that checks the signature, then hands the request to
 * Bolt's {@code app.run} and writes back what it answers. Mount it on any JDK HttpServer context.
 */
public final class SlackHttpEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpEndpoint.class);

    private final SlackApp app;
    private final SlackSignature signature;
    private final SlackRequestParser parser;

    public SlackHttpEndpoint(SlackApp app, SlackSignature signature) {
        this.app = app;
        this.signature = signature;
        this.parser = new SlackRequestParser(app.app().config());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
            String signed = exchange.getRequestHeaders().getFirst("X-Slack-Signature");
            if (!signature.verify(timestamp, signed, body)) {
                LOG.warn("rejected a Slack request with a missing, wrong or stale signature from {}",
                        exchange.getRemoteAddress());
                send(exchange, 401, "text/plain", "invalid signature");
                return;
            }
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(Map.of())
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .headers(new RequestHeaders(headers))
                    .remoteAddress(String.valueOf(exchange.getRemoteAddress()))
                    .build());
            Response response;
            try {
                response = app.run(request);
            } catch (Exception e) {
                LOG.error("Slack request failed", e);
                send(exchange, 500, "text/plain", "");
                return;
            }
            send(exchange, response.getStatusCode(), response.getContentType() == null ? "text/plain"
                    : response.getContentType(), response.getBody() == null ? "" : response.getBody());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
