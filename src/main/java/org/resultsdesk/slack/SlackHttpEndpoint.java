package org.resultsdesk.slack;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.resultsdesk.core.port.InboundEndpoint;
import org.resultsdesk.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands and interactivity over HTTP: a thin adapter that checks the timestamp (before the body is read),
 * checks the signature over the body, then hands the request to Bolt's {@code app.run} and answers what it answers.
 * The transport (the web adapter) reads the body within its limit. Every request gets an answer: 401 for a bad
 * timestamp or signature, 405 for anything but POST, 400 for a body Bolt cannot read, 500 if handling fails.
 */
public final class SlackHttpEndpoint implements InboundEndpoint {
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
    public Optional<Answer> screen(InboundEndpoint.Request request) {
        if (!request.method().equals("POST")) {
            return Optional.of(Answer.text(405, ""));
        }
        Optional<String> timestamp = request.header("X-Slack-Request-Timestamp");
        if (!signature.isFresh(timestamp.orElse(null))
                || request.header("X-Slack-Signature").isEmpty()) {
            return Optional.of(refuse(request));
        }
        return Optional.empty();
    }

    @Override
    public Answer handle(InboundEndpoint.Request request, byte[] body) {
        String timestamp = request.header("X-Slack-Request-Timestamp").orElse("");
        String signed = request.header("X-Slack-Signature").orElse("");
        if (!signature.verify(timestamp, signed, body)) {
            return refuse(request);
        }
        com.slack.api.bolt.request.Request<?> bolt;
        try {
            bolt = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.path())
                    .queryString(Map.of())
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .headers(new RequestHeaders(request.headers()))
                    .remoteAddress(request.remoteAddress())
                    .build());
        } catch (RuntimeException e) {
            LOG.warn("a signed Slack request could not be read: {}", LogSafe.escape(e.toString()));
            return Answer.text(400, "unreadable request");
        }
        if (bolt == null) {
            return Answer.text(400, "unknown request type");
        }
        Response response;
        try {
            response = app.run(bolt);
        } catch (Exception e) {
            LOG.error("Slack request failed", e);
            return Answer.text(500, "");
        }
        return new Answer(
                response.getStatusCode(),
                response.getContentType() == null ? "text/plain" : response.getContentType(),
                response.getBody() == null ? "" : response.getBody());
    }

    private static Answer refuse(InboundEndpoint.Request request) {
        LOG.warn(
                "rejected a Slack request with a missing, wrong or stale signature from {}",
                LogSafe.escape(request.remoteAddress()));
        return Answer.text(401, "invalid signature");
    }
}
