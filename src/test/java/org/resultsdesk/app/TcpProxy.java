package org.resultsdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback TCP forwarder a test can cut and restore, to take a database away from the code under test. */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean up = true;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread accept = new Thread(this::accept, "tcp-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    void cut() throws IOException {
        up = false;
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    void restore() {
        up = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up) {
                    client.close();
                    continue;
                }
                Socket target = new Socket("127.0.0.1", targetPort);
                open.add(client);
                open.add(target);
                pipe(client, target);
                pipe(target, client);
            } catch (IOException e) {
                // a closed or refused connection; keep accepting
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // connection ended
                    } finally {
                        try {
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                },
                "tcp-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
