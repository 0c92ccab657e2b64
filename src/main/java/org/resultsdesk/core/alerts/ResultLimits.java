package org.resultsdesk.core.alerts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a declared result may plausibly hold, as data: figures no constituency comes near (the largest UK electorate
 * is about 110,000), more candidates than any ballot paper has carried, names longer than any real one, and an
 * election date outside the window in which results can be declared (a replay of an old night is fine, a date more
 * than {@code maxDaysAhead} days after today is not).
 */
public record ResultLimits(
        int maxVotes, int maxCandidates, int maxNameLength, LocalDate earliestDate, int maxDaysAhead) {
    public static final ResultLimits DEFAULTS = new ResultLimits(300_000, 50, 120, LocalDate.of(1900, 1, 1), 2);

    public ResultLimits {
        Objects.requireNonNull(earliestDate, "earliestDate");
        if (maxVotes < 1 || maxCandidates < 1 || maxNameLength < 1 || maxDaysAhead < 0) {
            throw new IllegalArgumentException("result limits must be positive");
        }
    }

    public ResultLimits withMaxDaysAhead(int days) {
        return new ResultLimits(maxVotes, maxCandidates, maxNameLength, earliestDate, days);
    }
}
