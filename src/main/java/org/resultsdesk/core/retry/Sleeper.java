package org.resultsdesk.core.retry;

import java.time.Duration;

/** Waits between tries; tests pass one that records the waits or moves a virtual clock instead. */
@FunctionalInterface
public interface Sleeper {
    /** Really waits, on the calling thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
