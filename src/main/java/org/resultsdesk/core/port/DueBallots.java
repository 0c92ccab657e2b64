package org.resultsdesk.core.port;

import java.time.LocalDate;
import java.util.List;
import org.resultsdesk.core.model.DueBallot;

/** The calendar as the live source keeps it: each listing of a span of polling days replaces what was held for it. */
public interface DueBallots extends ByElectionCalendar {
    /**
     * Replaces the ballots held for polling days from {@code from} to {@code to} (both included) by {@code ballots},
     * so that a ballot the source no longer lists (cancelled, withdrawn) is no longer due.
     */
    void replace(LocalDate from, LocalDate to, List<DueBallot> ballots);
}
