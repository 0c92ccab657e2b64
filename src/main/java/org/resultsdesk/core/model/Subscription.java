package org.resultsdesk.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * What a channel follows. A seat subscription targets a GSS code (one row per boundary set the name covers); a region
 * its normalised name; ALL and GAINS target every seat. Those four are Westminster's. Local elections have their own:
 * COUNCIL targets a council's ONS code (its wards' results and its declaration), WARD a ward's or division's ONS code,
 * COUNCILS every council's declaration, BYELECTIONS every council by-election's result; a desk following every seat
 * is not sent two thousand ward results.
 */
public record Subscription(ChannelRef channel, Kind kind, String target, String label) {
    public enum Kind {
        SEAT,
        REGION,
        ALL,
        GAINS,
        COUNCIL,
        WARD,
        COUNCILS,
        BYELECTIONS;

        boolean everything() {
            return this == ALL || this == GAINS || this == COUNCILS || this == BYELECTIONS;
        }

        /** Whether this kind follows local elections rather than Westminster. */
        public boolean local() {
            return this == COUNCIL || this == WARD || this == COUNCILS || this == BYELECTIONS;
        }
    }

    public Subscription {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(kind);
        target = kind.everything() ? "*" : Objects.requireNonNull(target);
        label = label == null ? target : label;
    }

    /** Whether this kind has no target: it follows everything of its sort. */
    public boolean followsEverything() {
        return kind.everything();
    }

    public static String regionKey(String region) {
        return region.strip().toLowerCase(Locale.ROOT);
    }
}
