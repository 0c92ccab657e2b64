package org.resultsdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Quote;
import org.resultsdesk.core.port.QuoteStore;

public final class JdbiQuoteStore implements QuoteStore {
    private static final String COLUMNS =
            "id, speaker, role, body, contest_ids, filed_by, platform, channel_id," + " filed_at, status, decided_by";
    private static final String APPROVAL = "quote-approval";

    private final Jdbi jdbi;

    public JdbiQuoteStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public Quote file(Quote q) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate(
                            "INSERT INTO quotes (speaker, role, body, contest_ids, filed_by, platform, channel_id,"
                                    + " filed_at, status) VALUES (:speaker, :role, :body, :contests, :by, :platform, :channel,"
                                    + " :at, :status)")
                    .bind("speaker", q.speaker())
                    .bind("role", q.role())
                    .bind("body", q.text())
                    .bind("contests", String.join(" ", q.contestIds()))
                    .bind("by", q.filedBy())
                    .bind("platform", q.filedIn().platform().name())
                    .bind("channel", q.filedIn().channelId())
                    .bind("at", q.filedAt().toEpochMilli())
                    .bind("status", q.status().name())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return new Quote(
                    id,
                    q.speaker(),
                    q.role(),
                    q.text(),
                    q.contestIds(),
                    q.filedBy(),
                    q.filedIn(),
                    q.filedAt(),
                    q.status());
        });
    }

    @Override
    public Optional<Quote> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM quotes WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    @Override
    public boolean decide(long id, Quote.Status from, Quote.Status to, String by, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE quotes SET status = :to, decided_by = :by,"
                                + " decided_at = :at WHERE id = :id AND status = :from")
                        .bind("to", to.name())
                        .bind("by", by)
                        .bind("at", at.toEpochMilli())
                        .bind("id", id)
                        .bind("from", from.name())
                        .execute())
                == 1;
    }

    @Override
    public List<Quote> approvedFor(String contestId) {
        // contest_ids is a space-separated list; padding both sides makes the match exact.
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM quotes WHERE status = 'APPROVED'"
                        + " AND (' ' || contest_ids || ' ') LIKE :pattern ORDER BY filed_at DESC, id DESC")
                .bind("pattern", "% " + contestId + " %")
                .map((rs, ctx) -> row(rs))
                .list());
    }

    @Override
    public List<Quote> pending() {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM quotes WHERE status = 'PENDING'" + " ORDER BY id")
                        .map((rs, ctx) -> row(rs))
                        .list());
    }

    @Override
    public boolean approvalRequired(ChannelRef channel) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM channel_settings WHERE platform = :platform AND"
                        + " channel_id = :channel AND name = :name")
                .bind("platform", channel.platform().name())
                .bind("channel", channel.channelId())
                .bind("name", APPROVAL)
                .mapTo(String.class)
                .findOne()
                .map(v -> !v.equals("off"))
                .orElse(true));
    }

    @Override
    public void setApprovalRequired(ChannelRef channel, boolean required) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM channel_settings WHERE platform = :platform AND channel_id = :channel AND"
                            + " name = :name")
                    .bind("platform", channel.platform().name())
                    .bind("channel", channel.channelId())
                    .bind("name", APPROVAL)
                    .execute();
            h.createUpdate("INSERT INTO channel_settings (platform, channel_id, name, value) VALUES (:platform,"
                            + " :channel, :name, :value)")
                    .bind("platform", channel.platform().name())
                    .bind("channel", channel.channelId())
                    .bind("name", APPROVAL)
                    .bind("value", required ? "on" : "off")
                    .execute();
        });
    }

    private static Quote row(ResultSet rs) throws SQLException {
        String contests = rs.getString("contest_ids");
        return new Quote(
                rs.getLong("id"),
                rs.getString("speaker"),
                rs.getString("role"),
                rs.getString("body"),
                contests.isBlank() ? List.of() : Arrays.asList(contests.split(" ")),
                rs.getString("filed_by"),
                new ChannelRef(ChatContext.Platform.valueOf(rs.getString("platform")), rs.getString("channel_id")),
                Instant.ofEpochMilli(rs.getLong("filed_at")),
                Quote.Status.valueOf(rs.getString("status")),
                rs.getString("decided_by"));
    }
}
