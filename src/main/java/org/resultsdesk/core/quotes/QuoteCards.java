package org.resultsdesk.core.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.alerts.CardSource;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.command.ResultAddenda;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Quote;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.port.QuoteStore;

/** How quotes look: the card posted to channels, its digest line, and the quotes shown under a result. */
public final class QuoteCards implements CardSource, ResultAddenda {
    private static final int SHOWN_UNDER_RESULT = 3;
    private static final int DIGEST_QUOTE_LENGTH = 140;

    private final QuoteStore quotes;
    private final ResultsArchive archive;
    private final ResultCalculator calculator = new ResultCalculator();
    private final AnnouncementFactory announcements = new AnnouncementFactory();

    public QuoteCards(QuoteStore quotes, ResultsArchive archive) {
        this.quotes = quotes;
        this.archive = archive;
    }

    @Override
    public Optional<Reply> card(Alert alert) {
        return quote(alert)
                .map(q -> alert.kind() == Alert.Kind.RETRACTION
                        ? Reply.text(
                                "Retracted: the quote from " + q.attribution() + " has been withdrawn by the desk.")
                        : Reply.text(card(q)));
    }

    /**
     * "“These are fantastic results.”\n— Keir Starmer (Labour leader)\nKingswood: Labour GAIN from ...\nApproved by
     * Jane Editor".
     */
    static String card(Quote q, List<String> contestLines) {
        StringBuilder text =
                new StringBuilder("“").append(q.text()).append("”\n— ").append(q.attribution());
        contestLines.forEach(line -> text.append('\n').append(line));
        if (q.status() == Quote.Status.APPROVED && !q.decidedBy().isEmpty()) {
            text.append("\nApproved by ").append(q.decidedBy());
        }
        return text.toString();
    }

    private String card(Quote q) {
        return card(
                q,
                q.contestIds().stream()
                        .flatMap(id -> archive.contest(id).stream())
                        .map(this::resultLine)
                        .toList());
    }

    @Override
    public Optional<String> line(Alert alert) {
        return quote(alert).map(q -> {
            if (alert.kind() == Alert.Kind.RETRACTION) {
                return "Retracted: the quote from " + q.attribution();
            }
            String words = q.text().length() > DIGEST_QUOTE_LENGTH
                    ? q.text().substring(0, DIGEST_QUOTE_LENGTH).strip() + "…"
                    : q.text();
            return "Quote: " + q.attribution() + ": “" + words + "”";
        });
    }

    @Override
    public List<Reply.Part> under(Contest contest) {
        List<Quote> approved = quotes.approvedFor(contest.id());
        if (approved.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        approved.stream().limit(SHOWN_UNDER_RESULT).forEach(q -> lines.add("“" + q.text() + "” — " + q.attribution()));
        return List.of(new Reply.Text("Quotes:\n" + String.join("\n", lines)));
    }

    /** "Starmer said: “These are fantastic results.”" from the newest approved quote. */
    @Override
    public Optional<String> sentence(Contest contest) {
        return quotes.approvedFor(contest.id()).stream().findFirst().map(q -> {
            String[] names = q.speaker().split("\\s+");
            return names[names.length - 1] + " said: “" + asSentence(q.text()) + "”";
        });
    }

    /** Quoted words end as a sentence: a full stop unless they end with one, a question or an exclamation. */
    static String asSentence(String words) {
        String text = words.strip();
        return text.isEmpty() || ".!?…".indexOf(text.charAt(text.length() - 1)) >= 0 ? text : text + ".";
    }

    /** "Kingswood: Labour GAIN from Conservative, majority 2,501". */
    private String resultLine(Contest contest) {
        Announcement a = announcements.announce(calculator.calculate(contest, archive.comparisonFor(contest)));
        String majority =
                a.winnerLine().replaceFirst("^.*, majority ", "majority ").replaceFirst(" \\(.*$", "");
        return contest.seat().name() + ": " + a.verdict() + ", " + majority;
    }

    private Optional<Quote> quote(Alert alert) {
        if (!alert.contestId().startsWith("quote/")) {
            return Optional.empty();
        }
        return quotes.find(Long.parseLong(alert.contestId().substring("quote/".length())));
    }
}
