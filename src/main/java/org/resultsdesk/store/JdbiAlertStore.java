package org.resultsdesk.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.resultsdesk.core.alerts.Alert;
import org.resultsdesk.core.alerts.ChannelRef;
import org.resultsdesk.core.command.ChatContext;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.port.AlertStore;

/** Declarations and the alert outbox in SQL, for SQLite and PostgreSQL alike. */
public final class JdbiAlertStore implements AlertStore {
    private final Jdbi jdbi;
    private final Database.Dialect dialect;
    private final DeclarationCodec codec = new DeclarationCodec();

    public JdbiAlertStore(Database database) {
        this.jdbi = database.jdbi();
        this.dialect = database.dialect();
    }

    @Override
    public List<Alert> record(Declaration declaration, List<Alert> alerts) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO declarations (contest_id, stage, revision, payload, source, received_at)"
                            + " VALUES (:contest, :stage, :revision, :payload, :source, :received)")
                    .bind("contest", declaration.contestId())
                    .bind("stage", declaration.stage().name())
                    .bind("revision", declaration.revision())
                    .bind("payload", codec.encode(declaration.message()))
                    .bind("source", declaration.source())
                    .bind("received", declaration.receivedAt().toEpochMilli())
                    .execute();
            return insert(h, alerts);
        });
    }

    @Override
    public List<Alert> enqueue(List<Alert> alerts) {
        return jdbi.inTransaction(h -> insert(h, alerts));
    }

    private static List<Alert> insert(Handle h, List<Alert> alerts) {
        List<Alert> stored = new ArrayList<>();
        for (Alert alert : alerts) {
            h.createUpdate("INSERT INTO outbox (platform, channel_id, contest_id, revision, kind, status, created_at,"
                            + " not_before) VALUES (:platform, :channel, :contest, :revision, :kind, 'PENDING',"
                            + " :created, :created) ON CONFLICT DO NOTHING")
                    .bind("platform", alert.channel().platform().name())
                    .bind("channel", alert.channel().channelId())
                    .bind("contest", alert.contestId())
                    .bind("revision", alert.revision())
                    .bind("kind", alert.kind().name())
                    .bind("created", alert.createdAt().toEpochMilli())
                    .execute();
            long id = h.createQuery("SELECT id FROM outbox WHERE platform = :platform AND channel_id = :channel"
                            + " AND contest_id = :contest AND revision = :revision AND kind = :kind")
                    .bind("platform", alert.channel().platform().name())
                    .bind("channel", alert.channel().channelId())
                    .bind("contest", alert.contestId())
                    .bind("revision", alert.revision())
                    .bind("kind", alert.kind().name())
                    .mapTo(Long.class).one();
            stored.add(new Alert(id, alert.channel(), alert.contestId(), alert.revision(), alert.kind(),
                    alert.createdAt(), 0));
        }
        return stored;
    }

    @Override
    public OptionalInt latestRevision(String contestId, Declaration.Stage stage) {
        Optional<Integer> max = jdbi.withHandle(h -> h.createQuery(
                        "SELECT MAX(revision) FROM declarations WHERE contest_id = :contest AND stage = :stage")
                .bind("contest", contestId).bind("stage", stage.name())
                .mapTo(Integer.class).findOne());
        return max.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public List<Declaration> latestDeclarations() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT d.contest_id, d.stage, d.revision, d.payload, d.source, d.received_at FROM declarations d"
                                + " JOIN (SELECT contest_id, stage, MAX(revision) AS revision FROM declarations"
                                + " GROUP BY contest_id, stage) m ON m.contest_id = d.contest_id AND m.stage = d.stage"
                                + " AND m.revision = d.revision ORDER BY d.received_at, d.contest_id")
                .map((rs, ctx) -> {
                    Declaration.Stage stage = Declaration.Stage.valueOf(rs.getString("stage"));
                    return new Declaration(rs.getString("contest_id"), stage, rs.getInt("revision"),
                            codec.decode(stage, rs.getString("payload")), rs.getString("source"),
                            Instant.ofEpochMilli(rs.getLong("received_at")));
                })
                .list());
    }

    @Override
    public List<Alert> claimDue(ChatContext.Platform platform, Instant now, Instant leaseUntil, int limit) {
        String lock = dialect == Database.Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            // Two indexed lookups rather than one OR, which SQLite would answer by scanning every row.
            List<Alert> due = new ArrayList<>(due(h, platform, "PENDING", "not_before <= :now", now, limit, lock));
            due.addAll(due(h, platform, "IN_FLIGHT", "lease_until < :now", now, limit - due.size(), lock));
            if (!due.isEmpty()) {
                h.createUpdate("UPDATE outbox SET status = 'IN_FLIGHT', lease_until = :lease, attempts = attempts + 1"
                                + " WHERE id IN (<ids>)")
                        .bind("lease", leaseUntil.toEpochMilli())
                        .bindList("ids", ids(due))
                        .execute();
            }
            return due;
        });
    }

    private static List<Alert> due(Handle h, ChatContext.Platform platform, String status, String condition,
                                   Instant now, int limit, String lock) {
        if (limit <= 0) {
            return List.of();
        }
        return h.createQuery("SELECT id, platform, channel_id, contest_id, revision, kind, created_at, attempts"
                        + " FROM outbox o WHERE platform = :platform AND status = :status AND " + condition
                        + " AND NOT EXISTS (SELECT 1 FROM paused_channels p WHERE p.platform = o.platform AND"
                        + " p.channel_id = o.channel_id) ORDER BY id LIMIT :limit" + lock)
                .bind("platform", platform.name())
                .bind("status", status)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new Alert(rs.getLong("id"),
                        new ChannelRef(ChatContext.Platform.valueOf(rs.getString("platform")),
                                rs.getString("channel_id")),
                        rs.getString("contest_id"), rs.getInt("revision"), Alert.Kind.valueOf(rs.getString("kind")),
                        Instant.ofEpochMilli(rs.getLong("created_at")), rs.getInt("attempts")))
                .list();
    }

    @Override
    public void markSent(List<Long> alertIds, String messageId, Instant at) {
        update(alertIds, h -> h.createUpdate("UPDATE outbox SET status = 'SENT', message_id = :message, sent_at = :at,"
                        + " batch_size = :size, lease_until = NULL WHERE id IN (<ids>)")
                .bind("message", messageId).bind("at", at.toEpochMilli()).bind("size", alertIds.size())
                .bindList("ids", alertIds).execute());
    }

    @Override
    public void retryLater(List<Long> alertIds, Instant notBefore, String reason) {
        update(alertIds, h -> h.createUpdate("UPDATE outbox SET status = 'PENDING', not_before = :notBefore,"
                        + " lease_until = NULL, last_error = :reason WHERE id IN (<ids>) AND status <> 'SENT'")
                .bind("notBefore", notBefore.toEpochMilli()).bind("reason", reason)
                .bindList("ids", alertIds).execute());
    }

    @Override
    public void requeue(List<Long> alertIds, ChannelRef to) {
        update(alertIds, h -> h.createUpdate("UPDATE outbox SET channel_id = :channel, status = 'PENDING',"
                        + " lease_until = NULL WHERE id IN (<ids>) AND status <> 'SENT'")
                .bind("channel", to.channelId()).bindList("ids", alertIds).execute());
    }

    @Override
    public void markFailed(List<Long> alertIds, String status, String reason) {
        update(alertIds, h -> h.createUpdate("UPDATE outbox SET status = :status, lease_until = NULL,"
                        + " last_error = :reason WHERE id IN (<ids>) AND status <> 'SENT'")
                .bind("status", status).bind("reason", reason)
                .bindList("ids", alertIds).execute());
    }

    @Override
    public Optional<String> sentMessageId(ChannelRef channel, String contestId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT message_id FROM outbox WHERE platform = :platform AND"
                        + " channel_id = :channel AND contest_id = :contest AND status = 'SENT' AND kind <> 'RUSH'"
                        + " ORDER BY sent_at DESC, id DESC LIMIT 1")
                .bind("platform", channel.platform().name()).bind("channel", channel.channelId())
                .bind("contest", contestId)
                .mapTo(String.class).findOne());
    }

    @Override
    public boolean sentInDigest(ChannelRef channel, String contestId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT batch_size FROM outbox WHERE platform = :platform AND"
                        + " channel_id = :channel AND contest_id = :contest AND status = 'SENT' AND kind <> 'RUSH'"
                        + " ORDER BY sent_at DESC, id DESC LIMIT 1")
                .bind("platform", channel.platform().name()).bind("channel", channel.channelId())
                .bind("contest", contestId)
                .mapTo(Integer.class).findOne().map(size -> size > 1).orElse(false));
    }

    @Override
    public void pauseChannel(ChannelRef channel, String reason, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO paused_channels (platform, channel_id, reason, since)"
                        + " VALUES (:platform, :channel, :reason, :since) ON CONFLICT DO NOTHING")
                .bind("platform", channel.platform().name()).bind("channel", channel.channelId())
                .bind("reason", reason).bind("since", at.toEpochMilli()).execute());
    }

    @Override
    public void resumeChannel(ChannelRef channel) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM paused_channels WHERE platform = :platform AND"
                        + " channel_id = :channel")
                .bind("platform", channel.platform().name()).bind("channel", channel.channelId()).execute());
    }

    @Override
    public List<PausedChannel> pausedChannels() {
        return jdbi.withHandle(h -> h.createQuery("SELECT platform, channel_id, reason, since FROM paused_channels"
                        + " ORDER BY since")
                .map((rs, ctx) -> new PausedChannel(
                        new ChannelRef(ChatContext.Platform.valueOf(rs.getString("platform")), rs.getString("channel_id")),
                        rs.getString("reason"), Instant.ofEpochMilli(rs.getLong("since"))))
                .list());
    }

    @Override
    public int pendingCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'IN_FLIGHT')")
                .mapTo(Integer.class).one());
    }

    private void update(List<Long> ids, java.util.function.Consumer<Handle> statement) {
        if (!ids.isEmpty()) {
            jdbi.useHandle(statement::accept);
        }
    }

    private static List<Long> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }
}
