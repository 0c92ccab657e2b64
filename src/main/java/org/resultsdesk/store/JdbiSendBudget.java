package org.resultsdesk.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.SendLimits;
import org.resultsdesk.core.port.SendBudget;

/**
 * Send budgets in the database, one row a bucket holding its latest sends (a sliding log, as many as its limit's
 * count) and a hold-off. A send is allowed at the first instant {@code at >= now} that every bucket's limit allows
 * ({@link SendLimits.Limit#earliest}) and no hold-off forbids; taking it appends {@code at} to each bucket's log. Rows
 * are locked in key order, so instances never deadlock on them.
 */
public final class JdbiSendBudget implements SendBudget {
    private final Jdbi jdbi;
    private final String lock;

    public JdbiSendBudget(Database database) {
        this.jdbi = database.jdbi();
        this.lock = database.dialect() == Database.Dialect.POSTGRESQL ? " FOR UPDATE" : "";
    }

    @Override
    public Optional<Hold> tryTake(ChatContext.Platform platform, List<SendLimits.Bucket> buckets, Instant now) {
        Slot slot = reserve(platform, buckets, now, now);
        return slot.taken() ? Optional.empty() : Optional.of(new Hold(slot.at(), slot.bucket()));
    }

    @Override
    public Optional<Instant> book(
            ChatContext.Platform platform, List<SendLimits.Bucket> buckets, Instant now, Instant latest) {
        Slot slot = reserve(platform, buckets, now, latest);
        return slot.taken() ? Optional.of(slot.at()) : Optional.empty();
    }

    /** The earliest instant every bucket allows and the bucket that decides it; taken if it is no later than latest. */
    private record Slot(Instant at, String bucket, boolean taken) {}

    /** One bucket's row: its latest sends, ascending, and the hold-off. */
    private record Window(List<Long> sends, long heldUntil) {}

    private Slot reserve(ChatContext.Platform platform, List<SendLimits.Bucket> buckets, Instant now, Instant latest) {
        if (buckets.isEmpty()) {
            return new Slot(now, null, true);
        }
        return jdbi.inTransaction(h -> {
            Map<String, Window> windows = locked(h, platform, buckets);
            long at = now.toEpochMilli();
            String holding = null;
            for (SendLimits.Bucket bucket : buckets) {
                Window window = windows.get(bucket.key());
                List<Long> yieldTo =
                        bucket.yieldTo().map(key -> windows.get(key).sends()).orElse(List.of());
                long bucketAllows = Math.max(window.heldUntil(), bucket.earliest(at, window.sends(), yieldTo));
                if (bucketAllows > at) {
                    at = bucketAllows;
                    holding = bucket.key();
                }
            }
            if (at > latest.toEpochMilli()) {
                return new Slot(Instant.ofEpochMilli(at), holding, false);
            }
            for (SendLimits.Bucket bucket : buckets) {
                List<Long> sends =
                        bucket.limit().after(windows.get(bucket.key()).sends(), at);
                h.createUpdate("UPDATE send_window SET sends = :sends WHERE platform = :platform AND bucket = :bucket")
                        .bind("sends", sends.stream().map(String::valueOf).collect(Collectors.joining(",")))
                        .bind("platform", platform.name())
                        .bind("bucket", bucket.key())
                        .execute();
            }
            return new Slot(Instant.ofEpochMilli(at), holding, true);
        });
    }

    @Override
    public void holdOff(ChatContext.Platform platform, List<SendLimits.Bucket> buckets, Instant until) {
        if (buckets.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            locked(h, platform, buckets);
            for (SendLimits.Bucket bucket : buckets) {
                h.createUpdate("UPDATE send_window SET held_until = :until"
                                + " WHERE platform = :platform AND bucket = :bucket AND held_until < :until")
                        .bind("until", until.toEpochMilli())
                        .bind("platform", platform.name())
                        .bind("bucket", bucket.key())
                        .execute();
            }
        });
    }

    private Map<String, Window> locked(Handle h, ChatContext.Platform platform, List<SendLimits.Bucket> buckets) {
        List<String> keys = buckets.stream()
                .flatMap(b -> Stream.concat(Stream.of(b.key()), b.yieldTo().stream()))
                .sorted(Comparator.naturalOrder())
                .distinct()
                .toList();
        Map<String, Window> windows = select(h, platform, keys);
        if (windows.size() < keys.size()) {
            // A bucket's first use: create it, then lock what was missing.
            for (String key : keys) {
                if (!windows.containsKey(key)) {
                    h.createUpdate("INSERT INTO send_window (platform, bucket, sends, held_until)"
                                    + " VALUES (:platform, :bucket, '', 0) ON CONFLICT DO NOTHING")
                            .bind("platform", platform.name())
                            .bind("bucket", key)
                            .execute();
                }
            }
            windows = select(h, platform, keys);
        }
        return windows;
    }

    private Map<String, Window> select(Handle h, ChatContext.Platform platform, List<String> keys) {
        Map<String, Window> windows = new HashMap<>();
        h.createQuery("SELECT bucket, sends, held_until FROM send_window WHERE platform = :platform"
                        + " AND bucket IN (<keys>) ORDER BY bucket" + lock)
                .bind("platform", platform.name())
                .bindList("keys", keys)
                .map((rs, ctx) -> windows.put(
                        rs.getString("bucket"), new Window(parse(rs.getString("sends")), rs.getLong("held_until"))))
                .list();
        return windows;
    }

    private static List<Long> parse(String sends) {
        return sends.isEmpty()
                ? List.of()
                : Arrays.stream(sends.split(",")).map(Long::valueOf).toList();
    }
}
