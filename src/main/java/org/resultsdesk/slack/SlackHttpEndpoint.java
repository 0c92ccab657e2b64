package org.resultsdesk.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.resultsdesk.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands and interactivity over HTTP: a thin adapter that checks the timestamp (before reading the body), reads
 * the body up to the limit, checks the signature, then hands the request to Bolt's {@code app.run} and writes back what
 * it answers. Mount it on a {@link WebServer} path. Every request gets an answer: 401 for a bad timestamp or
 * signature, 413 for a body over the limit, 400 for one Bolt cannot read, 500 if handling fails.
 */
public final class SlackHttpEndpoint extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpEndpoint.class);

    private final SlackApp app;
    private final SlackSignature signature;
    private final SlackRequestParser parser;
    private final long maxBodyBytes;

    public SlackHttpEndpoint(SlackApp app, SlackSignature signature, long maxBodyBytes) {
        this.app = app;
        this.signature = signature;
        this.parser = new SlackRequestParser(app.app().config());
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(
            org.eclipse.jetty.server.Request exchange, org.eclipse.jetty.server.Response out, Callback callback) {
        if (!exchange.getMethod().equals("POST")) {
            return WebServer.refuseUnread(out, callback, 405, "");
        }
        String timestamp = exchange.getHeaders().get("X-Slack-Request-Timestamp");
        String signed = exchange.getHeaders().get("X-Slack-Signature");
        if (!signature.isFresh(timestamp) || signed == null) {
            return refuse(exchange, out, callback);
        }
        byte[] body;
        try {
            body = WebServer.readBody(exchange, maxBodyBytes);
        } catch (WebServer.BodyTooLarge e) {
            LOG.warn("refused a Slack request from {}: {}", WebServer.remote(exchange), e.getMessage());
            return WebServer.refuseUnread(out, callback, 413, "request too large");
        } catch (IOException e) {
            return WebServer.send(out, callback, 400, "text/plain", "unreadable request");
        }
        if (!signature.verify(timestamp, signed, body)) {
            return refuse(exchange, out, callback);
        }
        Request<?> request;
        try {
            Map<String, List<String>> headers = new HashMap<>();
            for (HttpField field : exchange.getHeaders()) {
                headers.computeIfAbsent(field.getLowerCaseName(), k -> new java.util.ArrayList<>())
                        .add(field.getValue());
            }
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getHttpURI().getPath())
                    .queryString(Map.of())
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .headers(new RequestHeaders(headers))
                    .remoteAddress(WebServer.remote(exchange))
                    .build());
        } catch (RuntimeException e) {
            LOG.warn("a signed Slack request could not be read: {}", e.toString());
            return WebServer.send(out, callback, 400, "text/plain", "unreadable request");
        }
        if (request == null) {
            return WebServer.send(out, callback, 400, "text/plain", "unknown request type");
        }
        Response response;
        try {
            response = app.run(request);
        } catch (Exception e) {
            LOG.error("Slack request failed", e);
            return WebServer.send(out, callback, 500, "text/plain", "");
        }
        return WebServer.send(
                out,
                callback,
                response.getStatusCode(),
                response.getContentType() == null ? "text/plain" : response.getContentType(),
                response.getBody() == null ? "" : response.getBody());
    }

    private static boolean refuse(
            org.eclipse.jetty.server.Request exchange, org.eclipse.jetty.server.Response out, Callback callback) {
        LOG.warn(
                "rejected a Slack request with a missing, wrong or stale signature from {}",
                WebServer.remote(exchange));
        return WebServer.refuseUnread(out, callback, 401, "invalid signature");
    }
}
