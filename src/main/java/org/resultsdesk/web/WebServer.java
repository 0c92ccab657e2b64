package org.resultsdesk.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.resultsdesk.core.port.InboundEndpoint;
import org.resultsdesk.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP port of the bot (the Slack endpoint, the Telegram webhook, the operations port) on Jetty: the transport
 * that turns each request into the neutral {@link InboundEndpoint.Request} its endpoint decides on, and the answer
 * back into HTTP. A bounded thread pool, a request-body limit (a larger Content-Length is refused with 413 before the
 * body is read, and a streamed body is cut off at the limit) and an idle timeout. Connections waiting for bytes hold
 * no thread, so slow clients cannot keep others from being answered.
 */
public final class WebServer implements AutoCloseable {

    /** What one port allows: threads serving requests, bytes in a request body, and silence on a connection. */
    public record Limits(int maxThreads, long maxBodyBytes, Duration idleTimeout) {
        public static final Limits DEFAULT = new Limits(32, 1024 * 1024, Duration.ofSeconds(30));
    }

    /** A request body over the limit, found while reading it. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("request body over " + limit + " bytes");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Server server;
    private final ServerConnector connector;

    private WebServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Serves each path (exact match) with its handler on the port (0: any free one), on every interface or only on
     * {@code host} when given.
     *
     * @throws BindException when the port is taken
     */
    public static WebServer start(
            String role, String host, int port, Map<String, ? extends InboundEndpoint> routes, Limits limits)
            throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(4, limits.maxThreads()));
        threads.setName("http-" + role);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        PathMappingsHandler paths = new PathMappingsHandler();
        routes.forEach((path, endpoint) ->
                paths.addMapping(PathSpec.from(path), new Transport(role, endpoint, limits.maxBodyBytes())));
        server.setHandler(new SizeLimitHandler(limits.maxBodyBytes(), -1) {
            {
                setHandler(paths);
            }
        });
        server.setStopTimeout(1000);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException bind) {
                    throw bind;
                }
            }
            throw e instanceof IOException io ? io : new IOException("could not start the " + role + " server", e);
        }
        return new WebServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Translates between Jetty and one endpoint: screens on the headers, reads the body, writes the answer. */
    private static final class Transport extends Handler.Abstract {
        private final String role;
        private final InboundEndpoint endpoint;
        private final long maxBodyBytes;

        Transport(String role, InboundEndpoint endpoint, long maxBodyBytes) {
            this.role = role;
            this.endpoint = endpoint;
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            InboundEndpoint.Request neutral = neutral(request);
            Optional<InboundEndpoint.Answer> early = endpoint.screen(neutral);
            if (early.isPresent()) {
                return refuseUnread(response, callback, early.get());
            }
            byte[] body;
            try {
                body = readBody(request, maxBodyBytes);
            } catch (BodyTooLarge e) {
                LOG.warn(
                        "refused a request to the {} port from {}: {}",
                        role,
                        LogSafe.escape(neutral.remoteAddress()),
                        e.getMessage());
                return refuseUnread(response, callback, InboundEndpoint.Answer.text(413, "request too large"));
            } catch (IOException e) {
                return send(response, callback, InboundEndpoint.Answer.text(400, "unreadable request"));
            }
            return send(response, callback, endpoint.handle(neutral, body));
        }

        private static InboundEndpoint.Request neutral(Request request) {
            Map<String, List<String>> headers = new HashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>())
                        .add(field.getValue());
            }
            String remote = Request.getRemoteAddr(request);
            return new InboundEndpoint.Request(
                    request.getMethod(), request.getHttpURI().getPath(), headers, remote == null ? "" : remote);
        }
    }

    /** The request body, at most {@code limit} bytes; more is {@link BodyTooLarge}. */
    private static byte[] readBody(Request request, long limit) throws IOException {
        if (request.getLength() > limit) {
            throw new BodyTooLarge(limit);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = Content.Source.asInputStream(request)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (body.size() + n > limit) {
                    throw new BodyTooLarge(limit);
                }
                body.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (e instanceof BodyTooLarge || !causedByTooLarge(e)) {
                throw e;
            }
            throw new BodyTooLarge(limit);
        }
        return body.toByteArray();
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException http && http.getCode() == 413) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers a request whose body was not read (refused on its headers, or too large) and closes the connection:
     * a client that kept it for its next request could otherwise write into a connection the server is dropping.
     */
    private static boolean refuseUnread(Response response, Callback callback, InboundEndpoint.Answer answer) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        return send(response, callback, answer);
    }

    /** Answers with a status and a body; always completes the callback. */
    private static boolean send(Response response, Callback callback, InboundEndpoint.Answer answer) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.write(true, ByteBuffer.wrap(answer.bytes()), callback);
        return true;
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing more to do for a server that would not stop cleanly
        }
    }
}
