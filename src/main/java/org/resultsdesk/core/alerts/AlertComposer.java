package org.resultsdesk.core.alerts;

import java.util.ArrayList;
import java.util.List;
import org.resultsdesk.core.announce.Announcement;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.command.Reply;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.ResultsArchive;

/**
 * What an alert says. Rendered when it is sent, from the newest data: one result is the full announcement; several
 * waiting for the same channel become one digest with a line each.
 */
public final class AlertComposer {
    private final ResultsArchive archive;
    private final RushBoard rushes;
    private final CardSource cards;
    private final ContextSource context;
    private final ResultCalculator calculator = new ResultCalculator();
    private final AnnouncementFactory announcements = new AnnouncementFactory();

    public AlertComposer(ResultsArchive archive, RushBoard rushes) {
        this(archive, rushes, CardSource.NONE);
    }

    public AlertComposer(ResultsArchive archive, RushBoard rushes, CardSource cards) {
        this(archive, rushes, cards, ContextSource.NONE);
    }

    public AlertComposer(ResultsArchive archive, RushBoard rushes, CardSource cards, ContextSource context) {
        this.archive = archive;
        this.rushes = rushes;
        this.cards = cards;
        this.context = context;
    }

    public Reply single(Alert alert) {
        return switch (alert.kind()) {
            case RUSH -> Reply.text(rushLine(alert));
            case RESULT -> withContext(alert, announcement(alert));
            case CORRECTION -> new Reply(List.of(
                    new Reply.Text("Correction: revised figures for " + announcement(alert).headline()
                            + " (revision " + alert.revision() + ")"),
                    new Reply.AnnouncementPart(announcement(alert))), List.of());
            case QUOTE, RETRACTION -> cards.card(alert)
                    .orElseThrow(() -> new IllegalStateException("no card for " + alert.contestId()));
        };
    }

    /** The original message, edited to the corrected figures. */
    public Reply corrected(Alert alert) {
        return new Reply(List.of(new Reply.AnnouncementPart(announcement(alert)),
                new Reply.Text("Corrected: revision " + alert.revision())), List.of());
    }

    public Reply digest(List<Alert> alerts) {
        StringBuilder text = new StringBuilder(alerts.size() + " new declarations:");
        for (Alert alert : alerts) {
            text.append('\n').append(line(alert));
        }
        List<Reply.Suggestion> buttons = new ArrayList<>();
        return new Reply(List.of(new Reply.Text(text.toString())), buttons);
    }

    /** "Kingswood by-election, 15 Feb 2024: Labour GAIN from Conservative. Damien Egan (Lab) elected, majority ..." */
    String line(Alert alert) {
        if (alert.kind() == Alert.Kind.RUSH) {
            return rushLine(alert);
        }
        if (alert.kind() == Alert.Kind.QUOTE || alert.kind() == Alert.Kind.RETRACTION) {
            return cards.line(alert).orElseThrow(() -> new IllegalStateException("no card for " + alert.contestId()));
        }
        Announcement a = announcement(alert);
        String prefix = alert.kind() == Alert.Kind.CORRECTION ? "Correction: " : "";
        return prefix + a.headline() + ": " + a.verdict() + ". " + a.winnerLine() + "."
                + a.swing().map(s -> " " + s + ".").orElse("");
    }

    private Reply withContext(Alert alert, Announcement announcement) {
        List<String> lines = archive.contest(alert.contestId()).map(context::lines).orElse(List.of());
        return lines.isEmpty() ? Reply.of(announcement) : new Reply(List.of(new Reply.AnnouncementPart(announcement),
                new Reply.Text(String.join("\n", lines))), List.of());
    }

    private Announcement announcement(Alert alert) {
        Contest contest = archive.contest(alert.contestId())
                .orElseThrow(() -> new IllegalStateException("alert for unknown contest " + alert.contestId()));
        return announcements.announce(calculator.calculate(contest, archive.comparisonFor(contest)));
    }

    private String rushLine(Alert alert) {
        FeedMessage.Rush rush = rushes.get(alert.contestId())
                .orElseThrow(() -> new IllegalStateException("rush alert with no rush for " + alert.contestId()));
        String winner = PartyStyle.of(rush.winner()).name();
        String verdict = rush.previousWinner()
                .map(p -> p.code().equals(rush.winner().code()) ? ": " + winner + " HOLD"
                        : ": " + winner + " GAIN from " + PartyStyle.of(p).name())
                .orElse("");
        String who = rush.winnerName().isEmpty() ? winner : rush.winnerName() + " (" + winner + ")";
        return who + " wins " + rush.seat().name() + verdict + ". Full result to follow.";
    }
}
