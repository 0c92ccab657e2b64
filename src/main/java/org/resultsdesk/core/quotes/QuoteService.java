package org.resultsdesk.core.quotes;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.Verdict;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Quote;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.port.AlertStore;
import org.resultsdesk.core.port.QuoteStore;

/**
 * The life of a quote: filed, approved or rejected by an editor (or approved at once where a channel trusts its
 * reporters), posted as a card through the same outbox, limits and digests as results, and retracted if need be.
 */
public final class QuoteService {
    private final QuoteStore quotes;
    private final AlertStore outbox;
    private final AlertRouter router;
    private final ResultsArchive archive;
    private final Clock clock;
    private final Runnable alertsQueued;
    private final ResultCalculator calculator = new ResultCalculator();

    public QuoteService(
            QuoteStore quotes,
            AlertStore outbox,
            AlertRouter router,
            ResultsArchive archive,
            Clock clock,
            Runnable alertsQueued) {
        this.quotes = quotes;
        this.outbox = outbox;
        this.router = router;
        this.archive = archive;
        this.clock = clock;
        this.alertsQueued = alertsQueued;
    }

    /** Files a quote; where the channel needs no approval it goes out at once. Returns it and how many cards queued. */
    public Filed file(
            String speaker, String role, String text, List<Contest> contests, String filedBy, ChannelRef channel) {
        boolean approval = quotes.approvalRequired(channel);
        Quote quote = quotes.file(new Quote(
                0,
                speaker,
                role,
                text,
                contests.stream().map(Contest::id).toList(),
                filedBy,
                channel,
                clock.instant(),
                approval ? Quote.Status.PENDING : Quote.Status.APPROVED));
        return new Filed(quote, approval ? 0 : publish(quote, Alert.Kind.QUOTE));
    }

    public record Filed(Quote quote, int cardsQueued) {}

    /** Approves a pending quote and queues its cards; empty if it was not pending. */
    public Optional<Integer> approve(long id, String editor) {
        if (!quotes.decide(id, Quote.Status.PENDING, Quote.Status.APPROVED, editor, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(publish(quotes.find(id).orElseThrow(), Alert.Kind.QUOTE));
    }

    public boolean reject(long id, String editor) {
        return quotes.decide(id, Quote.Status.PENDING, Quote.Status.REJECTED, editor, clock.instant());
    }

    /** Withdraws an approved quote: every card that went out is edited to say so. */
    public Optional<Integer> retract(long id, String editor) {
        if (!quotes.decide(id, Quote.Status.APPROVED, Quote.Status.RETRACTED, editor, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(publish(quotes.find(id).orElseThrow(), Alert.Kind.RETRACTION));
    }

    private int publish(Quote quote, Alert.Kind kind) {
        Set<ChannelRef> channels = new LinkedHashSet<>();
        if (quote.isNational()) {
            channels.addAll(router.channelsFollowingEverything());
        }
        for (String contestId : quote.contestIds()) {
            archive.contest(contestId).ifPresent(c -> channels.addAll(router.channelsFor(c.seat(), gain(c))));
        }
        List<Alert> alerts = channels.stream()
                .map(ch -> Alert.pending(ch, quote.alertKey(), 1, kind, clock.instant()))
                .toList();
        outbox.enqueue(alerts);
        if (!alerts.isEmpty()) {
            alertsQueued.run();
        }
        return alerts.size();
    }

    private boolean gain(Contest contest) {
        return calculator
                .calculate(contest, archive.comparisonFor(contest))
                .verdict()
                .map(Verdict::gain)
                .orElse(false);
    }
}
