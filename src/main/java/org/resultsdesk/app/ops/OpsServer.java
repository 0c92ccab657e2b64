package org.resultsdesk.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The operations port: {@code /healthz} (the process is alive), {@code /readyz} (every readiness check passes:
 * database reachable, feed fresh, ...; 503 naming the ones that fail) and {@code /metrics} (Prometheus).
 */
public final class OpsServer implements AutoCloseable {
    private final HttpServer server;

    public OpsServer(int port, Map<String, BooleanSupplier> readiness, DeskMetrics metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/healthz", exchange -> send(exchange, 200, "text/plain", "ok\n"));
        server.createContext("/readyz", exchange -> {
            Map<String, Boolean> results = new LinkedHashMap<>();
            readiness.forEach((name, check) -> results.put(name, safely(check)));
            boolean ready = results.values().stream().allMatch(Boolean::booleanValue);
            StringBuilder body = new StringBuilder(ready ? "ready\n" : "not ready\n");
            results.forEach((name, ok) -> body.append(name).append(": ").append(ok ? "ok" : "FAILING").append('\n'));
            send(exchange, ready ? 200 : 503, "text/plain", body.toString());
        });
        server.createContext("/metrics", exchange -> send(exchange, 200, "text/plain; version=0.0.4",
                metrics.scrape()));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static boolean safely(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
