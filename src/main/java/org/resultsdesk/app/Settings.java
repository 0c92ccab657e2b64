package org.resultsdesk.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.resultsdesk.core.alerts.NewsPolicy;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.feeds.DirectoryFeedSource;
import org.resultsdesk.slack.SlackSettings;
import org.resultsdesk.telegram.TelegramSettings;

/**
 * Every setting, read once from the {@link Config} into typed records per area, each checked in its compact
 * constructor: a bad value stops the start with one line naming the key. Nothing after {@code Main} reads the
 * configuration again.
 */
public record Settings(
        Store store,
        Feeds feeds,
        Night night,
        Delivery delivery,
        Leader leader,
        Ops ops,
        Replay replay,
        Local local,
        DemocracyClub democracyClub,
        Optional<Telegram> telegram,
        Optional<Slack> slack) {
    /** The general election the Election manager feed and the night desk assume when none is configured. */
    static final LocalDate NEXT_GENERAL_ELECTION = LocalDate.parse("2029-08-15");

    public Settings {
        Objects.requireNonNull(store);
        Objects.requireNonNull(feeds);
        Objects.requireNonNull(night);
        Objects.requireNonNull(delivery);
        Objects.requireNonNull(leader);
        Objects.requireNonNull(ops);
        Objects.requireNonNull(replay);
        Objects.requireNonNull(local);
        Objects.requireNonNull(democracyClub);
        Objects.requireNonNull(telegram);
        Objects.requireNonNull(slack);
    }

    /** Reads and checks every area; the first bad value is an {@link IllegalArgumentException} naming its key. */
    public static Settings from(Config config) {
        Feeds feeds = Feeds.from(config);
        return new Settings(
                Store.from(config),
                feeds,
                Night.from(config, feeds),
                new Delivery(Duration.ofSeconds(config.getInt("delivery.lease-seconds", 30, 1))),
                new Leader(Duration.ofSeconds(config.getInt("leader.lease-seconds", 5, 1))),
                new Ops(
                        config.getInt("ops.port", 8081),
                        Duration.ofSeconds(config.getInt("ops.feed-stale-seconds", 0, 0))),
                Replay.from(config),
                Local.from(config),
                DemocracyClub.from(config),
                TelegramConfig.settings(config)
                        .map(client -> new Telegram(
                                client,
                                config.getInt("telegram.webhook-port", 8443),
                                config.get("telegram.webhook-path", "/telegram"),
                                RightsConfig.telegram(config))),
                SlackConfig.settings(config)
                        .map(client -> new Slack(
                                client,
                                config.getInt("slack.port", 3000),
                                config.get("slack.path", "/slack/events"),
                                RightsConfig.slack(config, client.editorUserIds()))));
    }

    /** Whether a chat platform is configured: the process then serves until stopped. */
    boolean anyChat() {
        return telegram.isPresent() || slack.isPresent();
    }

    /** The database: SQLite in a directory, or a JDBC URL (PostgreSQL) with credentials and a wait at start-up. */
    public record Store(
            Path dataDirectory,
            Optional<String> jdbcUrl,
            Optional<String> user,
            Optional<String> password,
            Duration connectWait) {
        public Store {
            Objects.requireNonNull(dataDirectory);
            Objects.requireNonNull(jdbcUrl);
            Objects.requireNonNull(user);
            Objects.requireNonNull(password);
            jdbcUrl = jdbcUrl.map(String::strip);
            if (jdbcUrl.isPresent()
                    && !jdbcUrl.get().startsWith("jdbc:postgresql://")
                    && !jdbcUrl.get().startsWith("jdbc:sqlite:")) {
                throw new IllegalArgumentException("configuration key store.jdbc-url (STORE_JDBC_URL) must be a JDBC"
                        + " URL such as jdbc:postgresql://db:5432/results, not '"
                        + DatabaseStartup.mask(jdbcUrl.get()) + "'");
            }
            if (connectWait.isNegative()) {
                throw new IllegalArgumentException(
                        "configuration key store.connect-wait-seconds (STORE_CONNECT_WAIT_SECONDS) must be at least 0");
            }
        }

        static Store from(Config config) {
            Duration wait = Duration.ofSeconds(config.getInt("store.connect-wait-seconds", 60, 0));
            return new Store(
                    Path.of(config.get("store.data-directory", "data")),
                    config.get("store.jdbc-url"),
                    config.get("store.user"),
                    config.get("store.password"),
                    wait);
        }

        @Override
        public String toString() {
            return "Store[dataDirectory=" + dataDirectory + ", jdbcUrl=" + jdbcUrl.map(DatabaseStartup::mask)
                    + ", user=" + user + ", password=" + (password.isPresent() ? "***" : "none") + ", connectWait="
                    + connectWait + "]";
        }
    }

    /**
     * The feed sources (a watched directory, polled URLs, each optional) and what a feed file may be. A directory
     * that does not exist is created at start only when {@code createDirectory} says so.
     */
    public record Feeds(
            Optional<Path> directory,
            boolean createDirectory,
            Duration settle,
            List<HttpUrl> urls,
            Duration poll,
            long maxFileBytes,
            int maxDaysAhead,
            LocalDate electionManagerDate,
            int oldElectionDays,
            LocalDate handbookDate) {
        public Feeds {
            Objects.requireNonNull(directory);
            urls = List.copyOf(urls);
            Objects.requireNonNull(electionManagerDate);
            Objects.requireNonNull(handbookDate);
            if (settle.isNegative()) {
                throw new IllegalArgumentException(
                        "configuration key feeds.settle-millis (FEEDS_SETTLE_MILLIS) must be at least 0");
            }
            if (poll.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(
                        "configuration key feeds.poll-seconds (FEEDS_POLL_SECONDS) must be at least 1");
            }
            if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("configuration key feeds.max-file-bytes (FEEDS_MAX_FILE_BYTES) must"
                        + " be between 1 and " + (Integer.MAX_VALUE - 8) + ", not " + maxFileBytes);
            }
        }

        static Feeds from(Config config) {
            List<HttpUrl> urls = config.get("feeds.urls").stream()
                    .flatMap(u -> Arrays.stream(u.split(",")))
                    .map(String::strip)
                    .filter(u -> !u.isEmpty())
                    .map(u -> Optional.ofNullable(HttpUrl.parse(u))
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "configuration key feeds.urls (FEEDS_URLS) has an invalid URL: '" + u + "'")))
                    .toList();
            return new Feeds(
                    config.get("feeds.directory").map(String::strip).map(Path::of),
                    config.getBoolean("feeds.create-directory", false),
                    Duration.ofMillis(config.getInt("feeds.settle-millis", 500, 0)),
                    urls,
                    Duration.ofSeconds(config.getInt("feeds.poll-seconds", 5, 1)),
                    config.getInt("feeds.max-file-bytes", (int) DirectoryFeedSource.DEFAULT_MAX_FILE_BYTES, 1),
                    config.getInt("feeds.max-days-ahead", 2, 0),
                    config.getDate("feeds.election-manager.date", NEXT_GENERAL_ELECTION),
                    config.getInt("alerts.old-election-days", NewsPolicy.DEFAULT_OLD_ELECTION_DAYS, 0),
                    config.getDate("feeds.handbook.date", LocalDate.of(2025, 5, 1)));
        }

        boolean any() {
            return directory.isPresent() || !urls.isEmpty();
        }
    }

    /** The election in progress and, when the desk has one, the file of its expected declaration times. */
    public record Night(String election, Optional<Path> declarationTimes) {
        public Night {
            Objects.requireNonNull(election);
            Objects.requireNonNull(declarationTimes);
        }

        static Night from(Config config, Feeds feeds) {
            return new Night(
                    config.get("night.election", "parl." + feeds.electionManagerDate())
                            .strip(),
                    config.get("night.declaration-times").map(String::strip).map(Path::of));
        }
    }

    /** How long a delivery pass holds the alerts it claimed. */
    public record Delivery(Duration claimLease) {
        public Delivery {
            if (claimLease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(
                        "configuration key delivery.lease-seconds (DELIVERY_LEASE_SECONDS) must be at least 1");
            }
        }
    }

    /** How long the feed leader's lease lasts unless renewed. */
    public record Leader(Duration lease) {
        public Leader {
            if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(
                        "configuration key leader.lease-seconds (LEADER_LEASE_SECONDS) must be at least 1");
            }
        }
    }

    /** The operations port (health, readiness, metrics) and when a silent feed makes the instance unready. */
    public record Ops(int port, Duration feedStale) {
        public Ops {
            requirePort("ops.port", port);
            if (feedStale.isNegative()) {
                throw new IllegalArgumentException(
                        "configuration key ops.feed-stale-seconds (OPS_FEED_STALE_SECONDS) must be at least 0");
            }
        }
    }

    /** How much faster than real time a replay plays. */
    public record Replay(double speed) {
        public Replay {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException(
                        "configuration key replay.speed (REPLAY_SPEED) must be a number above 0, not " + speed);
            }
        }

        static Replay from(Config config) {
            String raw = config.get("replay.speed", "60").strip();
            try {
                return new Replay(Double.parseDouble(raw));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "configuration key replay.speed (REPLAY_SPEED) must be a number such as 60, not '" + raw + "'");
            }
        }
    }

    /** Local elections: how shares and changes are counted in a multi-member ward (docs/local-elections.md). */
    public record Local(MultiMemberMethod multiMemberMethod) {
        public Local {
            Objects.requireNonNull(multiMemberMethod);
        }

        static Local from(Config config) {
            String choice = config.getChoice(
                    "local.multi-member-method", "top-candidate", java.util.Set.of("TOP-CANDIDATE", "AVERAGE"));
            return new Local(choice.equals("AVERAGE") ? MultiMemberMethod.AVERAGE : MultiMemberMethod.TOP_CANDIDATE);
        }
    }

    /**
     * Democracy Club's API as a live source of council by-elections (docs/democracy-club.md): off unless enabled; the
     * base URL of its {@code /api/next/}, an API key if one is needed, how often to poll on a polling day and
     * otherwise, and how long one request may take.
     */
    public record DemocracyClub(
            boolean enabled,
            HttpUrl baseUrl,
            Optional<String> apiKey,
            Duration interval,
            Duration quietInterval,
            Duration timeout) {
        static final String DEFAULT_BASE_URL = "https://candidates.democracyclub.org.uk/api/next/";

        public DemocracyClub {
            Objects.requireNonNull(baseUrl);
            Objects.requireNonNull(apiKey);
            apiKey = apiKey.map(String::strip).filter(k -> !k.isEmpty());
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("configuration key democracyclub.interval-seconds"
                        + " (DEMOCRACYCLUB_INTERVAL_SECONDS) must be at least 1");
            }
            if (quietInterval.compareTo(interval) < 0) {
                throw new IllegalArgumentException("configuration key democracyclub.quiet-interval-seconds"
                        + " (DEMOCRACYCLUB_QUIET_INTERVAL_SECONDS) must be at least democracyclub.interval-seconds");
            }
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("configuration key democracyclub.timeout-seconds"
                        + " (DEMOCRACYCLUB_TIMEOUT_SECONDS) must be at least 1");
            }
        }

        static DemocracyClub from(Config config) {
            String raw = config.get("democracyclub.base-url", DEFAULT_BASE_URL).strip();
            HttpUrl url = HttpUrl.parse(raw.endsWith("/") ? raw : raw + "/");
            if (url == null) {
                throw new IllegalArgumentException(
                        "configuration key democracyclub.base-url" + " (DEMOCRACYCLUB_BASE_URL) must be a URL such as "
                                + DEFAULT_BASE_URL + ", not '" + raw + "'");
            }
            int interval = config.getInt("democracyclub.interval-seconds", 60, 1);
            return new DemocracyClub(
                    config.getBoolean("democracyclub.enabled", false),
                    url,
                    config.get("democracyclub.api-key"),
                    Duration.ofSeconds(interval),
                    Duration.ofSeconds(
                            config.getInt("democracyclub.quiet-interval-seconds", Math.max(600, interval), 1)),
                    Duration.ofSeconds(config.getInt("democracyclub.timeout-seconds", 20, 1)));
        }

        @Override
        public String toString() {
            return "DemocracyClub[enabled=" + enabled + ", baseUrl=" + baseUrl + ", apiKey="
                    + (apiKey.isPresent() ? "***" : "none") + ", interval=" + interval + ", quietInterval="
                    + quietInterval + ", timeout=" + timeout + "]";
        }
    }

    /** Telegram: how to reach it, where its webhook listens (webhook mode), and who holds desk rights there. */
    public record Telegram(TelegramSettings client, int webhookPort, String webhookPath, PlatformRights rights) {
        public Telegram {
            Objects.requireNonNull(client);
            requirePort("telegram.webhook-port", webhookPort);
            requirePath("telegram.webhook-path", webhookPath);
            Objects.requireNonNull(rights);
        }
    }

    /** Slack: how to reach it, where its HTTP endpoint listens (http mode), and who holds desk rights there. */
    public record Slack(SlackSettings client, int port, String path, PlatformRights rights) {
        public Slack {
            Objects.requireNonNull(client);
            requirePort("slack.port", port);
            requirePath("slack.path", path);
            Objects.requireNonNull(rights);
        }
    }

    static void requirePort(String key, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("configuration key " + key + " (" + Config.envName(key)
                    + ") must be a port from 1 to 65535 (0: any free port), not " + port);
        }
    }

    private static void requirePath(String key, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("configuration key " + key + " (" + Config.envName(key)
                    + ") must be a path starting with /, not '" + path + "'");
        }
    }

    /** Every key a configuration file may hold; anything else is reported with the nearest of these. */
    static final Set<String> KEYS = Set.of(
            "store.data-directory",
            "store.jdbc-url",
            "store.user",
            "store.password",
            "store.connect-wait-seconds",
            "delivery.lease-seconds",
            "leader.lease-seconds",
            "replay.speed",
            "local.multi-member-method",
            "ops.port",
            "ops.feed-stale-seconds",
            "logging.format",
            "feeds.directory",
            "feeds.create-directory",
            "feeds.settle-millis",
            "feeds.urls",
            "feeds.poll-seconds",
            "feeds.max-file-bytes",
            "feeds.max-days-ahead",
            "feeds.election-manager.date",
            "feeds.handbook.date",
            "alerts.old-election-days",
            "democracyclub.enabled",
            "democracyclub.base-url",
            "democracyclub.api-key",
            "democracyclub.interval-seconds",
            "democracyclub.quiet-interval-seconds",
            "democracyclub.timeout-seconds",
            "night.election",
            "night.declaration-times",
            "telegram.bot-token",
            "telegram.bot-username",
            "telegram.api-url",
            "telegram.mode",
            "telegram.webhook-secret",
            "telegram.webhook-port",
            "telegram.webhook-path",
            "telegram.editor-user-ids",
            "telegram.desk-chat-id",
            "slack.bot-token",
            "slack.signing-secret",
            "slack.app-token",
            "slack.api-url",
            "slack.mode",
            "slack.port",
            "slack.path",
            "slack.reply-visibility",
            "slack.editor-user-ids",
            "slack.desk-channel-id");
}
