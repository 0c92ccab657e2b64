package org.resultsdesk.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A quote snippet: what a speaker said, about which contests (none for a national reaction), filed by whom, where it
 * stands in the desk's approval, and who decided that (empty until someone did, or when it went out unapproved).
 */
public record Quote(
        long id,
        String speaker,
        String role,
        String text,
        List<String> contestIds,
        String filedBy,
        ChannelRef filedIn,
        Instant filedAt,
        Status status,
        String decidedBy) {
    public enum Status {
        PENDING,
        APPROVED,
        REJECTED,
        RETRACTED
    }

    /** Long enough for any real quote; past it the reporter is asked to trim. */
    public static final int MAX_TEXT_LENGTH = 1500;

    public Quote {
        Objects.requireNonNull(speaker);
        role = role == null ? "" : role;
        Objects.requireNonNull(text);
        contestIds = List.copyOf(contestIds);
        Objects.requireNonNull(filedBy);
        Objects.requireNonNull(filedIn);
        Objects.requireNonNull(filedAt);
        Objects.requireNonNull(status);
        decidedBy = decidedBy == null ? "" : decidedBy;
        if (speaker.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("a quote needs a speaker and words");
        }
    }

    /** A quote nobody has decided on yet. */
    public Quote(
            long id,
            String speaker,
            String role,
            String text,
            List<String> contestIds,
            String filedBy,
            ChannelRef filedIn,
            Instant filedAt,
            Status status) {
        this(id, speaker, role, text, contestIds, filedBy, filedIn, filedAt, status, "");
    }

    public boolean isNational() {
        return contestIds.isEmpty();
    }

    /** "Keir Starmer (Labour leader)". */
    public String attribution() {
        return role.isBlank() ? speaker : speaker + " (" + role + ")";
    }

    /** The outbox key for this quote's cards. */
    public String alertKey() {
        return "quote/" + id;
    }

    public Quote withStatus(Status newStatus) {
        return new Quote(id, speaker, role, text, contestIds, filedBy, filedIn, filedAt, newStatus, decidedBy);
    }
}
