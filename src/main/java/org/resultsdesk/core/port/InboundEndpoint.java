package org.resultsdesk.core.port;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A path a platform calls the bot on (Slack's events, Telegram's webhook, the operations probes), in neutral terms:
 * the transport (the web adapter) reads the request, keeps the body under its limit and writes the answer back; the
 * endpoint only decides. An endpoint may refuse on the request line and headers alone ({@link #screen}), before any
 * of the body is read: the transport then closes the connection, whose unread body it will not drain.
 */
public interface InboundEndpoint {

    /** The request line and headers; header names are kept in lower case. */
    record Request(String method, String path, Map<String, List<String>> headers, String remoteAddress) {
        public Request {
            Objects.requireNonNull(method);
            Objects.requireNonNull(path);
            headers = headers.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(
                            e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue()), (a, b) -> a));
            Objects.requireNonNull(remoteAddress);
        }

        /** The first value of a header, by name in any case. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /** What to answer: a status, a content type and a body. */
    record Answer(int status, String contentType, String body) {
        public Answer {
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(body);
        }

        public static Answer text(int status, String body) {
            return new Answer(status, "text/plain", body);
        }

        public byte[] bytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** An answer given before the body is read (a wrong method, a missing or stale signature), or empty to go on. */
    default Optional<Answer> screen(Request request) {
        return Optional.empty();
    }

    /** Answers a request whose whole body, within the transport's limit, has been read. */
    Answer handle(Request request, byte[] body);
}
