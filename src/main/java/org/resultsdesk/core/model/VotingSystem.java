package org.resultsdesk.core.model;

import java.time.LocalDate;

/**
 * How a ballot is counted. For local elections this follows Democracy Club's rules (uk-election-ids, EveryElection):
 * first past the post in English and Welsh councils (a Welsh council may adopt STV from 2027; none in the bundled
 * data has), single transferable vote in Scottish councils (since 2007) and Northern Irish councils.
 */
public enum VotingSystem {
    FPTP("first past the post"),
    STV("single transferable vote");

    private final String description;

    VotingSystem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The system a council's ordinary or by-election uses on a date. */
    public static VotingSystem forLocal(Council council, LocalDate date) {
        return switch (council.nation()) {
            case ENGLAND, WALES -> FPTP;
            case SCOTLAND -> date.isBefore(LocalDate.of(2007, 5, 3)) ? FPTP : STV;
            case NORTHERN_IRELAND -> STV;
        };
    }

    /** Whether the bot counts this system: it reports STV ballots as "STV counts are not supported yet". */
    public boolean supported() {
        return this == FPTP;
    }
}
