package org.resultsdesk.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.Quote;

public interface QuoteStore {
    /** Stores a new quote and returns it with its id. */
    Quote file(Quote quote);

    Optional<Quote> find(long id);

    /** Moves a quote to a new status; false if it was not in {@code from}. */
    boolean decide(long id, Quote.Status from, Quote.Status to, String by, Instant at);

    /** Approved quotes about a contest, newest first. */
    List<Quote> approvedFor(String contestId);

    List<Quote> pending();

    /** Whether quotes filed in this channel wait for an editor (the default) or go straight out. */
    boolean approvalRequired(ChannelRef channel);

    void setApprovalRequired(ChannelRef channel, boolean required);
}
