package org.resultsdesk.core.model;

import java.time.Instant;
import java.util.Objects;

/** One editorial action: when, by whom (id and name on their platform), asked in which chat, what and on what. */
public record AuditEntry(
        long id, Instant at, ChannelRef askedIn, String userId, String userName, Action action, String detail) {
    public AuditEntry {
        Objects.requireNonNull(at);
        Objects.requireNonNull(askedIn);
        Objects.requireNonNull(userId);
        userName = userName == null ? "" : userName;
        Objects.requireNonNull(action);
        Objects.requireNonNull(detail);
    }
}
