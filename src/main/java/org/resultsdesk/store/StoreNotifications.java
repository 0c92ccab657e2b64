package org.resultsdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL {@code LISTEN}: wakes this instance when another stored a declaration or queued alerts, so that it
 * answers and delivers at once rather than at its next catch-up. It holds one pooled connection; when the database
 * goes away it retries every second, logging once. On SQLite there is no one else to hear from, and it does nothing.
 */
public final class StoreNotifications implements AutoCloseable {
    public static final String DECLARATIONS = "resultsdesk_declarations";
    public static final String OUTBOX = "resultsdesk_outbox";
    private static final Logger LOG = LoggerFactory.getLogger(StoreNotifications.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Database database;
    private final Map<String, Runnable> listeners;
    private final Thread thread;
    private volatile boolean running = true;

    public StoreNotifications(Database database, Map<String, Runnable> listeners) {
        this.database = database;
        this.listeners = Map.copyOf(listeners);
        this.thread = new Thread(this::run, "store-notifications");
        this.thread.setDaemon(true);
    }

    public StoreNotifications start() {
        if (database.dialect() == Database.Dialect.POSTGRESQL) {
            thread.start();
        }
        return this;
    }

    private void run() {
        boolean broken = false;
        while (running) {
            try (Connection connection = database.dataSource().getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    for (String channel : listeners.keySet()) {
                        listen.execute("LISTEN " + channel);
                    }
                }
                if (broken) {
                    LOG.info("listening for other instances' writes again");
                    broken = false;
                }
                // A write missed while not listening is picked up by the followers' own catch-up.
                listeners.values().forEach(Runnable::run);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            listeners.getOrDefault(n.getName(), () -> {}).run();
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!broken && running) {
                    LOG.warn(
                            "not hearing from other instances ({}); catching up by polling until the database"
                                    + " answers",
                            e.getMessage());
                }
                broken = true;
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2000);
    }
}
