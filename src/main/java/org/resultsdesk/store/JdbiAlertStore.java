package org.resultsdesk.store;

import static org.resultsdesk.core.model.OutboxStatus.IN_FLIGHT;
import static org.resultsdesk.core.model.OutboxStatus.PENDING;
import static org.resultsdesk.core.model.OutboxStatus.SENT;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.OutboxStatus;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.port.Fence;
import org.resultsdesk.core.port.FencedOut;

/**
 * Declarations and the alert outbox in SQL, for SQLite and PostgreSQL alike. On PostgreSQL every write that other
 * instances should act on at once also notifies them ({@link StoreNotifications}); they catch up by sequence anyway.
 */
public final class JdbiAlertStore implements AlertStore {
    private static final String ALERT_COLUMNS =
            "id, platform, channel_id, contest_id, revision, kind, created_at," + " attempts, parts_sent";
    private static final String PENDING_DUE = "status = " + sql(PENDING) + " AND not_before <= :now";
    private static final String LEASE_RUN_OUT = "status = " + sql(IN_FLIGHT) + " AND lease_until < :now";
    private static final String DUE = "(" + PENDING_DUE + ") OR (" + LEASE_RUN_OUT + ")";
    private static final String STILL_CLAIMED = "claim_token = :token AND status = " + sql(IN_FLIGHT);
    private static final String FAILED =
            "status NOT IN (" + sql(PENDING) + ", " + sql(IN_FLIGHT) + ", " + sql(SENT) + ")";

    private final Jdbi jdbi;
    private final Database.Dialect dialect;
    private final DeclarationCodec codec = new DeclarationCodec();

    public JdbiAlertStore(Database database) {
        this.jdbi = database.jdbi();
        this.dialect = database.dialect();
    }

    @Override
    public List<Alert> record(Declaration declaration, List<Alert> alerts, Fence fence) {
        return jdbi.inTransaction(h -> {
            if (!fence.isNone()
                    && h.createUpdate("UPDATE leases SET token = token WHERE name = :name AND token = :token")
                                    .bind("name", fence.lease())
                                    .bind("token", fence.token())
                                    .execute()
                            == 0) {
                throw new FencedOut(fence);
            }
            h.createUpdate("INSERT INTO declarations (contest_id, stage, revision, payload, source, received_at)"
                            + " VALUES (:contest, :stage, :revision, :payload, :source, :received)")
                    .bind("contest", declaration.contestId())
                    .bind("stage", declaration.stage().name())
                    .bind("revision", declaration.revision())
                    .bind("payload", codec.encode(declaration.message()))
                    .bind("source", declaration.source())
                    .bind("received", declaration.receivedAt().toEpochMilli())
                    .execute();
            notify(h, StoreNotifications.DECLARATIONS);
            return insert(h, alerts);
        });
    }

    @Override
    public List<Alert> enqueue(List<Alert> alerts) {
        return jdbi.inTransaction(h -> insert(h, alerts));
    }

    /**
     * Queues the alerts, each (platform, channel, contest, revision, kind) once, in one batch; their ids come back in
     * one look-up for each platform, contest, revision and kind they share, not two statements an alert.
     */
    private List<Alert> insert(Handle h, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO outbox (platform, channel_id, contest_id, revision, kind,"
                + " status, created_at, not_before) VALUES (:platform, :channel, :contest, :revision, :kind, "
                + sql(PENDING) + ", :created, :created) ON CONFLICT DO NOTHING");
        for (Alert alert : alerts) {
            batch.bind("platform", alert.channel().platform().name())
                    .bind("channel", alert.channel().channelId())
                    .bind("contest", alert.contestId())
                    .bind("revision", alert.revision())
                    .bind("kind", alert.kind().name())
                    .bind("created", alert.createdAt().toEpochMilli())
                    .add();
        }
        batch.execute();
        Map<Source, List<String>> channelsBySource = new LinkedHashMap<>();
        alerts.forEach(alert -> channelsBySource
                .computeIfAbsent(Source.of(alert), k -> new ArrayList<>())
                .add(alert.channel().channelId()));
        Map<Source, Map<String, Long>> ids = new HashMap<>();
        channelsBySource.forEach((source, channels) -> ids.put(
                source,
                h.createQuery("SELECT id, channel_id FROM outbox WHERE platform = :platform AND channel_id IN"
                                + " (<channels>) AND contest_id = :contest AND revision = :revision AND kind = :kind")
                        .bind("platform", source.platform())
                        .bindList("channels", channels)
                        .bind("contest", source.contestId())
                        .bind("revision", source.revision())
                        .bind("kind", source.kind())
                        .map((rs, ctx) -> Map.entry(rs.getString("channel_id"), rs.getLong("id")))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        List<Alert> stored = new ArrayList<>();
        for (Alert alert : alerts) {
            long id = ids.get(Source.of(alert)).get(alert.channel().channelId());
            stored.add(new Alert(
                    id, alert.channel(), alert.contestId(), alert.revision(), alert.kind(), alert.createdAt(), 0, 0));
        }
        notify(h, StoreNotifications.OUTBOX);
        return stored;
    }

    /** What alerts for many channels share: one platform's alerts of one kind for one revision of one contest. */
    private record Source(String platform, String contestId, int revision, String kind) {
        static Source of(Alert alert) {
            return new Source(
                    alert.channel().platform().name(),
                    alert.contestId(),
                    alert.revision(),
                    alert.kind().name());
        }
    }

    private void notify(Handle h, String channel) {
        if (dialect == Database.Dialect.POSTGRESQL) {
            h.createQuery("SELECT pg_notify(:channel, '')")
                    .bind("channel", channel)
                    .mapTo(String.class)
                    .list();
        }
    }

    @Override
    public OptionalInt latestRevision(String contestId, Declaration.Stage stage) {
        Optional<Integer> max = jdbi.withHandle(h -> h.createQuery(
                        "SELECT MAX(revision) FROM declarations WHERE contest_id = :contest AND stage = :stage")
                .bind("contest", contestId)
                .bind("stage", stage.name())
                .mapTo(Integer.class)
                .findOne());
        return max.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public Optional<Declaration> latestDeclaration(String contestId, Declaration.Stage stage) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, contest_id, stage, revision, payload, source,"
                        + " received_at FROM declarations WHERE contest_id = :contest AND stage = :stage"
                        + " ORDER BY revision DESC LIMIT 1")
                .bind("contest", contestId)
                .bind("stage", stage.name())
                .map((rs, ctx) -> declaration(rs))
                .findOne());
    }

    @Override
    public List<Logged> declarationsAfter(long seq, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, contest_id, stage, revision, payload, source,"
                        + " received_at FROM declarations WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .bind("seq", seq)
                .bind("limit", limit)
                .map((rs, ctx) -> new Logged(rs.getLong("seq"), declaration(rs)))
                .list());
    }

    private Declaration declaration(ResultSet rs) throws SQLException {
        Declaration.Stage stage = Declaration.Stage.valueOf(rs.getString("stage"));
        return new Declaration(
                rs.getString("contest_id"),
                stage,
                rs.getInt("revision"),
                codec.decode(stage, rs.getString("payload")),
                rs.getString("source"),
                Instant.ofEpochMilli(rs.getLong("received_at")));
    }

    @Override
    public Claim claimDue(
            ChatContext.Platform platform,
            Instant now,
            Instant leaseUntil,
            int channels,
            int perChannel,
            String owner) {
        String lock = dialect == Database.Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        String token = UUID.randomUUID().toString();
        int[] takenOver = {0};
        List<Alert> due = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            takenOver[0] = 0;
            List<String> oldestFirst = dueChannels(h, platform, now, channels);
            if (oldestFirst.isEmpty()) {
                return List.<Alert>of();
            }
            Map<String, List<Alert>> byChannel = new HashMap<>();
            Set<Long> inFlight = new HashSet<>();
            h.createQuery("SELECT " + ALERT_COLUMNS + ", status FROM outbox WHERE platform = :platform"
                            + " AND channel_id IN (<channels>) AND (" + DUE + ") ORDER BY id" + lock)
                    .bind("platform", platform.name())
                    .bindList("channels", oldestFirst)
                    .bind("now", now.toEpochMilli())
                    .map((rs, ctx) -> {
                        Alert a = alert(rs);
                        if (OutboxStatus.valueOf(rs.getString("status")) == IN_FLIGHT) {
                            inFlight.add(a.id());
                        }
                        return a;
                    })
                    .forEach(a -> {
                        List<Alert> taken =
                                byChannel.computeIfAbsent(a.channel().channelId(), c -> new ArrayList<>());
                        if (taken.size() < perChannel) {
                            taken.add(a);
                        }
                    });
            List<Alert> found = new ArrayList<>();
            oldestFirst.forEach(c -> found.addAll(byChannel.getOrDefault(c, List.of())));
            takenOver[0] =
                    (int) found.stream().filter(a -> inFlight.contains(a.id())).count();
            if (!found.isEmpty()) {
                h.createUpdate("UPDATE outbox SET status = " + sql(IN_FLIGHT)
                                + ", lease_until = :lease, claim_token = :token,"
                                + " claimed_by = :owner WHERE id IN (<ids>)")
                        .bind("lease", leaseUntil.toEpochMilli())
                        .bind("token", token)
                        .bind("owner", owner)
                        .bindList("ids", ids(found))
                        .execute();
            }
            return found;
        });
        return new Claim(token, due, takenOver[0]);
    }

    /**
     * The channels with alerts due, the one whose oldest due alert is oldest first: two indexed lookups (pending,
     * and left in flight past their lease) rather than one OR, which SQLite would answer by scanning every row.
     */
    private static List<String> dueChannels(Handle h, ChatContext.Platform platform, Instant now, int limit) {
        Map<String, Long> oldest = new HashMap<>();
        for (String condition : List.of(PENDING_DUE, LEASE_RUN_OUT)) {
            h.createQuery("SELECT channel_id, MIN(id) AS oldest FROM outbox o WHERE platform = :platform AND "
                            + condition
                            + " AND NOT EXISTS (SELECT 1 FROM paused_channels p WHERE p.platform = o.platform AND"
                            + " p.channel_id = o.channel_id) GROUP BY channel_id ORDER BY oldest LIMIT :limit")
                    .bind("platform", platform.name())
                    .bind("now", now.toEpochMilli())
                    .bind("limit", limit)
                    .map((rs, ctx) -> oldest.merge(rs.getString("channel_id"), rs.getLong("oldest"), Math::min))
                    .list();
        }
        return oldest.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(
                rs.getLong("id"),
                new ChannelRef(ChatContext.Platform.valueOf(rs.getString("platform")), rs.getString("channel_id")),
                rs.getString("contest_id"),
                rs.getInt("revision"),
                Alert.Kind.valueOf(rs.getString("kind")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getInt("attempts"),
                rs.getInt("parts_sent"));
    }

    @Override
    public void extendClaim(String token, Instant leaseUntil) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET lease_until = :lease WHERE " + STILL_CLAIMED)
                .bind("lease", leaseUntil.toEpochMilli())
                .bind("token", token)
                .execute());
    }

    @Override
    public void markSent(String token, List<Long> alertIds, String messageId, Instant at) {
        updateIfAny(
                alertIds,
                h -> h.createUpdate("UPDATE outbox SET status = " + sql(SENT) + ","
                                + " message_id = COALESCE(message_id, :message), sent_at = :at, batch_size = :size,"
                                + " lease_until = NULL WHERE id IN (<ids>) AND " + STILL_CLAIMED)
                        .bind("message", messageId)
                        .bind("at", at.toEpochMilli())
                        .bind("size", alertIds.size())
                        .bind("token", token)
                        .bindList("ids", alertIds)
                        .execute());
    }

    @Override
    public void partlySent(String token, long alertId, int parts, String firstMessageId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET parts_sent = :parts,"
                        + " message_id = COALESCE(message_id, :message) WHERE id = :id AND " + STILL_CLAIMED)
                .bind("parts", parts)
                .bind("message", firstMessageId)
                .bind("id", alertId)
                .bind("token", token)
                .execute());
    }

    @Override
    public void retryLater(String token, List<Long> alertIds, Instant notBefore, String reason, boolean attempted) {
        updateIfAny(
                alertIds,
                h -> h.createUpdate("UPDATE outbox SET status = " + sql(PENDING) + ", not_before = :notBefore,"
                                + " lease_until = NULL, last_error = :reason, attempts = attempts + :tried WHERE id IN (<ids>)"
                                + " AND " + STILL_CLAIMED)
                        .bind("notBefore", notBefore.toEpochMilli())
                        .bind("reason", reason)
                        .bind("tried", attempted ? 1 : 0)
                        .bind("token", token)
                        .bindList("ids", alertIds)
                        .execute());
    }

    @Override
    public void release(String token, List<Long> alertIds) {
        updateIfAny(
                alertIds,
                h -> h.createUpdate("UPDATE outbox SET status = " + sql(PENDING) + ", lease_until = NULL"
                                + " WHERE id IN (<ids>) AND " + STILL_CLAIMED)
                        .bind("token", token)
                        .bindList("ids", alertIds)
                        .execute());
    }

    @Override
    public void requeue(String token, List<Long> alertIds, ChannelRef to) {
        updateIfAny(
                alertIds,
                h -> h.createUpdate("UPDATE outbox SET channel_id = :channel, status = " + sql(PENDING) + ","
                                + " lease_until = NULL WHERE id IN (<ids>) AND " + STILL_CLAIMED)
                        .bind("channel", to.channelId())
                        .bind("token", token)
                        .bindList("ids", alertIds)
                        .execute());
    }

    @Override
    public void markFailed(String token, List<Long> alertIds, OutboxStatus status, String reason) {
        if (!status.givenUp()) {
            throw new IllegalArgumentException(status + " is not a status an alert is given up as");
        }
        updateIfAny(
                alertIds,
                h -> h.createUpdate("UPDATE outbox SET status = :status, lease_until = NULL,"
                                + " last_error = :reason WHERE id IN (<ids>) AND " + STILL_CLAIMED)
                        .bind("status", status.name())
                        .bind("reason", reason)
                        .bind("token", token)
                        .bindList("ids", alertIds)
                        .execute());
    }

    @Override
    public Optional<String> firstMessageId(ChannelRef channel, String contestId) {
        return firstResultMessage(channel, contestId, "message_id").map(Object::toString);
    }

    @Override
    public boolean firstSentInDigest(ChannelRef channel, String contestId) {
        return firstResultMessage(channel, contestId, "batch_size")
                .map(size -> Integer.parseInt(size) > 1)
                .orElse(false);
    }

    private Optional<String> firstResultMessage(ChannelRef channel, String contestId, String column) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM outbox WHERE platform = :platform AND"
                        + " channel_id = :channel AND contest_id = :contest AND status = " + sql(SENT)
                        + " AND kind IN ('RESULT', 'COUNCIL', 'CORRECTION', 'QUOTE') ORDER BY sent_at, id LIMIT 1")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .bind("contest", contestId)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void pauseChannel(ChannelRef channel, String reason, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO paused_channels (platform, channel_id, reason, since)"
                        + " VALUES (:platform, :channel, :reason, :since) ON CONFLICT DO NOTHING")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .bind("reason", reason)
                .bind("since", at.toEpochMilli())
                .execute());
    }

    @Override
    public void resumeChannel(ChannelRef channel) {
        jdbi.useHandle(h -> h.createUpdate(
                        "DELETE FROM paused_channels WHERE platform = :platform AND" + " channel_id = :channel")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .execute());
    }

    @Override
    public List<PausedChannel> pausedChannels() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT platform, channel_id, reason, since FROM paused_channels" + " ORDER BY since")
                .map((rs, ctx) -> new PausedChannel(
                        new ChannelRef(
                                ChatContext.Platform.valueOf(rs.getString("platform")), rs.getString("channel_id")),
                        rs.getString("reason"),
                        Instant.ofEpochMilli(rs.getLong("since"))))
                .list());
    }

    @Override
    public Optional<Instant> nextDue(ChatContext.Platform platform) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT not_before FROM outbox o WHERE platform = :platform AND status = " + sql(PENDING)
                                + " AND NOT EXISTS (SELECT 1 FROM paused_channels p WHERE p.platform = o.platform"
                                + " AND p.channel_id = o.channel_id) ORDER BY not_before LIMIT 1")
                .bind("platform", platform.name())
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    @Override
    public int pendingCount() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM outbox WHERE status IN (" + sql(PENDING) + ", " + sql(IN_FLIGHT) + ")")
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public List<FailedAlert> failed(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ALERT_COLUMNS + ", status, last_error FROM outbox"
                        + " WHERE " + FAILED + " ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new FailedAlert(
                        alert(rs),
                        OutboxStatus.valueOf(rs.getString("status")),
                        String.valueOf(rs.getString("last_error"))))
                .list());
    }

    @Override
    public int failedCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE " + FAILED)
                .mapTo(Integer.class)
                .one());
    }

    /** Runs a statement over some alerts, unless there are none (an empty IN list is not valid SQL). */
    private void updateIfAny(List<Long> ids, Consumer<Handle> statement) {
        if (!ids.isEmpty()) {
            jdbi.useHandle(statement::accept);
        }
    }

    private static List<Long> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }

    /** A status as an SQL literal: statuses are the enum's names, never user text. */
    private static String sql(OutboxStatus status) {
        return "'" + status.name() + "'";
    }
}
