package org.resultsdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.AuditEntry;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.port.AuditTrail;

public final class JdbiAuditTrail implements AuditTrail {
    private final Jdbi jdbi;

    public JdbiAuditTrail(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public AuditEntry record(AuditEntry e) {
        long id = jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO audit_trail (at, platform, channel_id, user_id,"
                                + " user_name, action, detail) VALUES (:at, :platform, :channel, :user, :name, :action, :detail)")
                .bind("at", e.at().toEpochMilli())
                .bind("platform", e.askedIn().platform().name())
                .bind("channel", e.askedIn().channelId())
                .bind("user", e.userId())
                .bind("name", e.userName())
                .bind("action", e.action().name())
                .bind("detail", e.detail())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new AuditEntry(id, e.at(), e.askedIn(), e.userId(), e.userName(), e.action(), e.detail());
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, at, platform, channel_id, user_id, user_name, action,"
                        + " detail FROM audit_trail ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list());
    }

    private static AuditEntry row(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                Instant.ofEpochMilli(rs.getLong("at")),
                new ChannelRef(ChatContext.Platform.valueOf(rs.getString("platform")), rs.getString("channel_id")),
                rs.getString("user_id"),
                rs.getString("user_name"),
                Action.valueOf(rs.getString("action")),
                rs.getString("detail"));
    }
}
