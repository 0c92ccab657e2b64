package org.resultsdesk.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Commands carried by chat buttons whose callback data cannot hold them, kept in the store so that any instance
 * resolves any button, before and after a restart. A reference names one command for good: it is derived from the
 * command, never reused for another.
 */
public interface ButtonCommands {
    /** Keeps {@code command} under {@code ref}, or marks it shown again at {@code at} if it is already kept. */
    void remember(String ref, String command, Instant at);

    /** The command a button carries, or empty if it was never kept or has been forgotten (the button expired). */
    Optional<String> command(String ref);

    /** Forgets the commands last shown before {@code before}; returns how many. */
    int forgetShownBefore(Instant before);
}
