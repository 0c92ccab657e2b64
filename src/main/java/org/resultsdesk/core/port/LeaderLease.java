package org.resultsdesk.core.port;

/**
 * Leadership for work only one instance may do at a time (polling feeds, long-polling Telegram). A leader holds a
 * fencing token; {@link #isLeader()} is false as soon as another instance has taken over, even if this one was paused
 * and never noticed losing the lease.
 */
public interface LeaderLease extends AutoCloseable {
    /** Tries to become leader; true if this instance is leader afterwards. */
    boolean tryAcquire();

    /** Whether this instance still holds the lease and its token is the latest. */
    boolean isLeader();

    long fencingToken();

    @Override
    void close();
}
