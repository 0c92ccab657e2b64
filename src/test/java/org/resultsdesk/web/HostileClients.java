package org.resultsdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Clients that misbehave on purpose, over loopback only, bounded in count and time. */
public final class HostileClients {
    private HostileClients() {}

    /**
     * Connections that each send a request head one byte at a time and never finish it, until closed or until
     * {@code lifetime} has passed, whichever comes first.
     */
    public static final class Slowloris implements AutoCloseable {
        private final List<Socket> sockets = new ArrayList<>();
        private final ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slowloris");
            t.setDaemon(true);
            return t;
        });

        public Slowloris(int port, String path, int connections, Duration every, Duration lifetime) throws IOException {
            for (int i = 0; i < connections; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.getOutputStream()
                        .write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                                .getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            drip.scheduleAtFixedRate(
                    () -> sockets.forEach(s -> {
                        try {
                            s.getOutputStream().write('a');
                        } catch (IOException e) {
                            // the server closed it; that is its right
                        }
                    }),
                    every.toMillis(),
                    every.toMillis(),
                    TimeUnit.MILLISECONDS);
            drip.schedule(this::close, lifetime.toMillis(), TimeUnit.MILLISECONDS);
        }

        public int connections() {
            return sockets.size();
        }

        @Override
        public void close() {
            drip.shutdownNow();
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    /** The status answered to a POST that declares a body of {@code declared} bytes and sends none of it. */
    public static int statusForDeclaredBody(int port, String path, long declared, Map<String, String> headers)
            throws IOException {
        try (Socket socket = connect(port)) {
            socket.getOutputStream()
                    .write(head(path, headers, "Content-Length: " + declared).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return status(socket.getInputStream());
        }
    }

    /** The status answered to a POST whose body is streamed in chunks, {@code bytes} in all, with no length given. */
    public static int statusForStreamedBody(int port, String path, long bytes, Map<String, String> headers)
            throws IOException {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(path, headers, "Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try {
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the server stopped reading and answered: read what it said
            }
            return status(socket.getInputStream());
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static String head(String path, Map<String, String> headers, String framing) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        return head.append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append(framing)
                .append("\r\n\r\n")
                .toString();
    }

    private static int status(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        if (parts.length < 2) {
            throw new IOException("no status line, got '" + line + "'");
        }
        return Integer.parseInt(parts[1]);
    }
}
