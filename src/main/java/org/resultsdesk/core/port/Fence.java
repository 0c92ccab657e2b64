package org.resultsdesk.core.port;

import java.util.Objects;

/**
 * What a write made on a leader's behalf carries: the lease and the token it was granted. The store applies the
 * write only while that token is still the lease's latest, so a deposed leader that wakes up writes nothing.
 */
public record Fence(String lease, long token) {
    /** For writes that need no leader (tests, tools). */
    public static final Fence NONE = new Fence("", 0);

    public Fence {
        Objects.requireNonNull(lease);
    }

    public boolean isNone() {
        return lease.isEmpty();
    }
}
