package org.resultsdesk.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * What a channel follows. A seat subscription targets a GSS code (one row per boundary set the name covers); a region
 * its normalised name; ALL and GAINS target every seat.
 */
public record Subscription(ChannelRef channel, Kind kind, String target, String label) {
    public enum Kind {
        SEAT,
        REGION,
        ALL,
        GAINS
    }

    public Subscription {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(kind);
        target = kind == Kind.ALL || kind == Kind.GAINS ? "*" : Objects.requireNonNull(target);
        label = label == null ? target : label;
    }

    public static String regionKey(String region) {
        return region.strip().toLowerCase(Locale.ROOT);
    }
}
