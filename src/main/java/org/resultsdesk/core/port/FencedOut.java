package org.resultsdesk.core.port;

/** A write refused because its fence is stale: another instance holds the lease now. */
public final class FencedOut extends RuntimeException {
    public FencedOut(Fence fence) {
        super("lease " + fence.lease() + " has moved on from token " + fence.token());
    }
}
