package org.resultsdesk.core.port;

import java.time.LocalDate;
import java.util.List;
import org.resultsdesk.core.model.DueBallot;

/** The local ballots due, as the live source (Democracy Club's ballots API) last listed them, kept in the store. */
public interface ByElectionCalendar {
    /** Ballots polling between two dates, both included, by date, then council, then ward. */
    List<DueBallot> dueBetween(LocalDate from, LocalDate to);
}
