package org.resultsdesk.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.SendLimits;
import org.resultsdesk.core.port.SendBudget;

/**
 * Send budgets in the database, one row a bucket holding its theoretical arrival time (TAT, epoch ms). A send is
 * allowed at the first instant {@code at >= now} where, for every bucket, {@code tat - tolerance <= at}; taking it
 * moves each TAT to {@code max(tat, at) + interval}. Rows are locked in key order, so instances never deadlock on them.
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

    private Slot reserve(ChatContext.Platform platform, List<SendLimits.Bucket> buckets, Instant now, Instant latest) {
        if (buckets.isEmpty()) {
            return new Slot(now, null, true);
        }
        return jdbi.inTransaction(h -> {
            Map<String, Long> tats = lockedTats(h, platform, buckets);
            long at = now.toEpochMilli();
            String holding = null;
            for (SendLimits.Bucket bucket : buckets) {
                long bucketAllows = tats.get(bucket.key()) - bucket.limit().toleranceMillis();
                if (bucketAllows > at) {
                    at = bucketAllows;
                    holding = bucket.key();
                }
            }
            if (at > latest.toEpochMilli()) {
                return new Slot(Instant.ofEpochMilli(at), holding, false);
            }
            for (SendLimits.Bucket bucket : buckets) {
                setTat(
                        h,
                        platform,
                        bucket.key(),
                        Math.max(tats.get(bucket.key()), at) + bucket.limit().intervalMillis());
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
            Map<String, Long> tats = lockedTats(h, platform, buckets);
            for (SendLimits.Bucket bucket : buckets) {
                long held = until.toEpochMilli() + bucket.limit().toleranceMillis();
                if (held > tats.get(bucket.key())) {
                    setTat(h, platform, bucket.key(), held);
                }
            }
        });
    }

    private Map<String, Long> lockedTats(Handle h, ChatContext.Platform platform, List<SendLimits.Bucket> buckets) {
        List<String> keys = buckets.stream()
                .map(SendLimits.Bucket::key)
                .sorted(Comparator.naturalOrder())
                .distinct()
                .toList();
        Map<String, Long> tats = select(h, platform, keys);
        if (tats.size() < keys.size()) {
            // A bucket's first use: create it, then lock what was missing.
            for (String key : keys) {
                if (!tats.containsKey(key)) {
                    h.createUpdate("INSERT INTO send_budget (platform, bucket, tat) VALUES (:platform, :bucket, 0)"
                                    + " ON CONFLICT DO NOTHING")
                            .bind("platform", platform.name())
                            .bind("bucket", key)
                            .execute();
                }
            }
            tats = select(h, platform, keys);
        }
        return tats;
    }

    private Map<String, Long> select(Handle h, ChatContext.Platform platform, List<String> keys) {
        Map<String, Long> tats = new HashMap<>();
        h.createQuery("SELECT bucket, tat FROM send_budget WHERE platform = :platform AND bucket IN (<keys>)"
                        + " ORDER BY bucket" + lock)
                .bind("platform", platform.name())
                .bindList("keys", keys)
                .map((rs, ctx) -> tats.put(rs.getString("bucket"), rs.getLong("tat")))
                .list();
        return tats;
    }

    private static void setTat(Handle h, ChatContext.Platform platform, String key, long tat) {
        h.createUpdate("UPDATE send_budget SET tat = :tat WHERE platform = :platform AND bucket = :bucket")
                .bind("tat", tat)
                .bind("platform", platform.name())
                .bind("bucket", key)
                .execute();
    }
}
