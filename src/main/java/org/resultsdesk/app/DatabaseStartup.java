package org.resultsdesk.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.resultsdesk.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured database, waiting for one that is not up yet: each failed attempt is one log line, and the
 * next comes after a back-off (1 s doubling to 10 s) until {@code store.connect-wait-seconds} have passed. (A URL that
 * is not a JDBC URL was refused earlier, by {@link Settings.Store}, named with its password masked.)
 */
final class DatabaseStartup {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^/@]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);

    /** The database did not answer within the configured wait. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private DatabaseStartup() {}

    static Database open(Settings.Store store, Clock clock, Sleeper sleeper) throws InterruptedException {
        if (store.jdbcUrl().isEmpty()) {
            return Database.sqlite(store.dataDirectory());
        }
        String url = store.jdbcUrl().get();
        String masked = mask(url);
        Duration wait = store.connectWait();
        String user = store.user().orElse(null);
        String password = store.password().orElse(null);
        Instant deadline = clock.instant().plus(wait);
        Duration backOff = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            try {
                return Database.open(url, user, password);
            } catch (RuntimeException e) {
                String reason = mask(rootMessage(e), password);
                if (!clock.instant().plus(backOff).isBefore(deadline)) {
                    LOG.warn("database {} not reachable (attempt {}), giving up: {}", masked, attempt, reason);
                    throw new Unreachable("database " + masked + " (STORE_JDBC_URL) did not answer within "
                            + wait.toSeconds() + " s (store.connect-wait-seconds): " + reason);
                }
                LOG.warn(
                        "database {} not reachable yet (attempt {}), retrying in {} s: {}",
                        masked,
                        attempt,
                        backOff.toSeconds(),
                        reason);
                sleeper.sleep(backOff);
                backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
            }
        }
    }

    /** The URL with any password in it (user info or a password parameter) replaced by ***. */
    static String mask(String url) {
        return PASSWORD_PARAMETER
                .matcher(USER_INFO_PASSWORD.matcher(url).replaceAll("$1***@"))
                .replaceAll("$1***");
    }

    private static String mask(String text, String password) {
        String masked = mask(text);
        return password == null || password.isEmpty() ? masked : masked.replace(password, "***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
