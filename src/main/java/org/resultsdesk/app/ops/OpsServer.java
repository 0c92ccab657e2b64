package org.resultsdesk.app.ops;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.resultsdesk.core.port.InboundEndpoint;
import org.resultsdesk.web.WebServer;

/**
 * The operations port: {@code /healthz} (the process is alive), {@code /readyz} (every readiness check passes:
 * database reachable, feed fresh, ...; 503 naming the ones that fail) and {@code /metrics} (Prometheus). It can open
 * before the database is up ({@link #starting}): then it is alive, not ready ("database: starting"), and has no
 * metrics yet, until {@link #serve} hands it the checks and metrics.
 */
public final class OpsServer implements AutoCloseable {
    private record State(Supplier<Answer> readiness, Supplier<String> metrics) {}

    private record Answer(int status, String body) {}

    private final WebServer server;
    private volatile State state = new State(() -> new Answer(503, "not ready\ndatabase: starting\n"), () -> "");

    private OpsServer(int port) throws IOException {
        server = WebServer.start(
                "ops",
                null,
                port,
                Map.of(
                        "/healthz", probe(() -> new Answer(200, "ok\n")),
                        "/readyz", probe(() -> state.readiness().get()),
                        "/metrics",
                                (InboundEndpoint) (request, body) -> new InboundEndpoint.Answer(
                                        200,
                                        "text/plain; version=0.0.4",
                                        state.metrics().get())),
                WebServer.Limits.DEFAULT);
    }

    public OpsServer(int port, Map<String, BooleanSupplier> readiness, DeskMetrics metrics) throws IOException {
        this(port);
        serve(readiness, metrics);
    }

    /** The port open before the application is: alive, and not ready because the database is starting. */
    public static OpsServer starting(int port) throws IOException {
        return new OpsServer(port);
    }

    /** From now on, readiness is these checks and metrics these. */
    public OpsServer serve(Map<String, BooleanSupplier> readiness, DeskMetrics metrics) {
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>(readiness);
        state = new State(() -> readiness(checks), metrics::scrape);
        return this;
    }

    public int port() {
        return server.port();
    }

    private static Answer readiness(Map<String, BooleanSupplier> readiness) {
        Map<String, Boolean> results = new LinkedHashMap<>();
        readiness.forEach((name, check) -> results.put(name, safely(check)));
        boolean ready = results.values().stream().allMatch(Boolean::booleanValue);
        StringBuilder body = new StringBuilder(ready ? "ready\n" : "not ready\n");
        results.forEach((name, ok) ->
                body.append(name).append(": ").append(ok ? "ok" : "FAILING").append('\n'));
        return new Answer(ready ? 200 : 503, body.toString());
    }

    private static InboundEndpoint probe(Supplier<Answer> answer) {
        return (request, body) -> {
            Answer a = answer.get();
            return InboundEndpoint.Answer.text(a.status(), a.body());
        };
    }

    private static boolean safely(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
