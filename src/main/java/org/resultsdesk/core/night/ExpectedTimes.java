package org.resultsdesk.core.night;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Provisional declaration times from the desk's declaration-times file (PA publishes them before polling day), by
 * GSS code; {@code source} names the file for replies.
 */
public record ExpectedTimes(Map<String, Instant> byGss, String source) {
    public static final ExpectedTimes NONE = new ExpectedTimes(Map.of(), "");

    public ExpectedTimes {
        byGss = Map.copyOf(byGss);
        source = source == null ? "" : source;
    }

    public Optional<Instant> at(String gss) {
        return Optional.ofNullable(byGss.get(gss));
    }
}
