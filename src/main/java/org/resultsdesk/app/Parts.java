package org.resultsdesk.app;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running parts of the application, closed in the reverse of the order they were added: what started last
 * stops first, and the database, added first, closes last. A part that throws on closing is logged and the rest are
 * still closed; the first failure is thrown at the end with the others suppressed in it.
 */
final class Parts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Parts.class);

    private record Part(String name, AutoCloseable closeable) {}

    private final Deque<Part> parts = new ArrayDeque<>();
    private boolean closed;

    /** Adds a part to be closed before every part added earlier. */
    synchronized <T extends AutoCloseable> T add(String name, T part) {
        if (closed) {
            throw new IllegalStateException("already closed: cannot add " + name);
        }
        parts.push(new Part(name, part));
        return part;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        Exception first = null;
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            try {
                part.closeable().close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("stopping {} failed; stopping the rest: {}", part.name(), e.toString());
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
