package org.resultsdesk.core.port;

import java.util.Optional;

/**
 * Leadership for work only one instance may do at a time (reading feeds, long-polling Telegram): a lease in the
 * store that expires unless its holder renews it, with a fencing token that writes made as leader carry. A holder
 * that is frozen, cut off or unable to do its work stops renewing, and another instance takes over once it expires.
 */
public interface LeaderLease extends AutoCloseable {
    /** Becomes leader if the lease is free or has expired; true if this instance leads afterwards. */
    boolean tryAcquire();

    /** Extends the lease; false (and no longer leader) if another instance has taken it. */
    boolean renew();

    /** Whether this instance leads: it holds the latest token and its lease has not run out by its own clock. */
    boolean isLeader();

    /**
     * What writes made as leader carry: the last token granted to this instance (one that can match nothing before
     * it ever led), so a write made after the lease moved on is refused by the store.
     */
    Fence fence();

    /** Who holds the lease now, by the store, if anyone. */
    Optional<String> holder();

    /** The holder read a feed file at {@code at}: noted in the store, for every instance to see. */
    void noteFeedFile(java.time.Instant at);

    /** When the lease's holder (whichever instance that was) last read a feed file, if ever. */
    Optional<java.time.Instant> lastFeedFile();

    /** Gives the lease up at once, so that another instance need not wait for it to expire. */
    @Override
    void close();
}
