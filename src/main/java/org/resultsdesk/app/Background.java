package org.resultsdesk.app;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A value worked out once, on a daemon thread of its own, so that start-up can do several slow things at the same
 * time. It is begun either at once or later ({@link #begin}); whoever asks for it first before then works it out on
 * their own thread instead, and everyone else waits for that. Whatever stopped it is thrown to each who asks.
 */
final class Background<T> {
    private final String name;
    private final FutureTask<T> task;
    private final java.util.concurrent.atomic.AtomicBoolean begun = new java.util.concurrent.atomic.AtomicBoolean();

    private Background(String name, Callable<T> work) {
        this.name = name;
        this.task = new FutureTask<>(work);
    }

    /** Begins the work now. */
    static <T> Background<T> start(String name, Callable<T> work) {
        return new Background<>(name, work).begin();
    }

    /** The work, not begun until {@link #begin} or the first {@link #get}. */
    static <T> Background<T> deferred(String name, Callable<T> work) {
        return new Background<>(name, work);
    }

    /** Begins the work on its own thread, unless it has begun already. */
    Background<T> begin() {
        if (!task.isDone() && begun.compareAndSet(false, true)) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    /** The value, working it out here if nobody has begun it; a failure is thrown as it was thrown. */
    T get() throws Exception {
        if (!begun.get()) {
            task.run(); // nobody has begun it: work it out here (does nothing if it is done)
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The value for callers that cannot throw checked exceptions (a supplier): the same, unchecked. */
    T join() {
        try {
            return get();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed", e);
        }
    }
}
