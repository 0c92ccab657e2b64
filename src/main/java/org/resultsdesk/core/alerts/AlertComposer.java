package org.resultsdesk.core.alerts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.port.AlertStore;

/**
 * What an alert says. Rendered when it is sent, from the newest revision in the store (never from what this
 * instance happens to have read): one result is the full announcement; several waiting for the same channel become
 * one digest with a line each.
 */
public final class AlertComposer {
    private final AlertStore store;
    private final ResultsArchive archive;
    private final CardSource cards;
    private final ContextSource context;
    private final AlertPictures pictures;
    private final LocalAlerts local;
    private final WeeklySummaries summaries;
    private final ResultCalculator calculator = new ResultCalculator();
    private final AnnouncementFactory announcements = new AnnouncementFactory();
    /** The newest result read for each contest, and each revision composed once, however many channels it goes to. */
    private final Cache<String, Declaration> latest = lru(4096);

    private final Cache<String, Composed> composed = lru(4096);

    /** A Westminster result has its figures (for its card); a local one only its announcement. */
    private record Composed(Optional<ResultFigures> figures, Announcement announcement, List<String> context) {}

    public AlertComposer(AlertStore store, ResultsArchive archive) {
        this(store, archive, CardSource.NONE);
    }

    /** Declarations are read from {@code store}; {@code archive} gives only what they are compared with. */
    public AlertComposer(AlertStore store, ResultsArchive archive, CardSource cards) {
        this(store, archive, cards, ContextSource.NONE, AlertPictures.NONE);
    }

    /** With lines of context under each result ("The first seat to change hands tonight"). */
    public AlertComposer(AlertStore store, ResultsArchive archive, CardSource cards, ContextSource context) {
        this(store, archive, cards, context, AlertPictures.NONE);
    }

    /** With {@code pictures} too: a result alert to a channel that takes pictures is its card, captioned. */
    public AlertComposer(
            AlertStore store, ResultsArchive archive, CardSource cards, ContextSource context, AlertPictures pictures) {
        this(store, archive, cards, context, pictures, LocalAlerts.NONE);
    }

    /** With {@code local}: ward results and council declarations as well. */
    public AlertComposer(
            AlertStore store,
            ResultsArchive archive,
            CardSource cards,
            ContextSource context,
            AlertPictures pictures,
            LocalAlerts local) {
        this(store, archive, cards, context, pictures, local, WeeklySummaries.NONE);
    }

    /** With {@code summaries}: the week's by-election summary, where a channel has it scheduled. */
    public AlertComposer(
            AlertStore store,
            ResultsArchive archive,
            CardSource cards,
            ContextSource context,
            AlertPictures pictures,
            LocalAlerts local,
            WeeklySummaries summaries) {
        this.summaries = summaries;
        this.local = local;
        this.store = store;
        this.archive = archive;
        this.cards = cards;
        this.context = context;
        this.pictures = pictures;
    }

    public Reply single(Alert alert) {
        return switch (alert.kind()) {
            case RUSH -> Reply.text(rushLine(alert));
            case RESULT -> pictured(alert, withContext(alert));
            case CORRECTION ->
                isCouncil(alert)
                        ? local.councilCorrection(alert)
                        : new Reply(
                                List.of(
                                        new Reply.Text("Correction: revised figures for "
                                                + announcement(alert).headline() + " (revision " + alert.revision()
                                                + ")"),
                                        new Reply.AnnouncementPart(announcement(alert))),
                                List.of());
            case QUOTE, RETRACTION ->
                cards.card(alert).orElseThrow(() -> new IllegalStateException("no card for " + alert.contestId()));
            case COUNCIL -> local.council(alert);
            case SUMMARY -> summaries.summary(alert);
        };
    }

    /** The original message, edited to the corrected figures (and, in a channel of pictures, the corrected card). */
    public Reply corrected(Alert alert) {
        if (isCouncil(alert)) {
            return local.councilCorrected(alert);
        }
        return pictured(
                alert,
                new Reply(
                        List.of(
                                new Reply.AnnouncementPart(announcement(alert)),
                                new Reply.Text("Corrected: revision " + alert.revision())),
                        List.of()));
    }

    private Reply pictured(Alert alert, Reply text) {
        Composed c = composed(alert);
        return c.figures()
                .flatMap(figures -> pictures.forResult(alert.channel(), figures, c.announcement()))
                .map(p -> new Reply(text.parts(), text.suggestions(), Optional.of(p)))
                .orElse(text);
    }

    /** One message for several alerts, from their {@link #line lines}. */
    public Reply digest(List<String> lines) {
        StringBuilder text = new StringBuilder(lines.size() + " new declarations:");
        lines.forEach(line -> text.append('\n').append(line));
        return new Reply(List.of(new Reply.Text(text.toString())), List.of());
    }

    /** "Kingswood by-election, 15 Feb 2024: Labour GAIN from Conservative. Damien Egan (Lab) elected, majority ..." */
    public String line(Alert alert) {
        if (alert.kind() == Alert.Kind.RUSH) {
            return rushLine(alert);
        }
        if (alert.kind() == Alert.Kind.QUOTE || alert.kind() == Alert.Kind.RETRACTION) {
            return cards.line(alert).orElseThrow(() -> new IllegalStateException("no card for " + alert.contestId()));
        }
        if (alert.kind() == Alert.Kind.COUNCIL || isCouncil(alert)) {
            return local.councilLine(alert);
        }
        if (alert.kind() == Alert.Kind.SUMMARY) {
            return summaries.line(alert);
        }
        Composed c = composed(alert);
        Announcement a = c.announcement();
        String prefix = alert.kind() == Alert.Kind.CORRECTION ? "Correction: " : "";
        List<String> context = alert.kind() == Alert.Kind.RESULT ? c.context() : List.of();
        return prefix + a.headline() + ": " + a.verdict() + ". " + a.winnerLine() + "."
                + a.swing().map(s -> " " + s + ".").orElse("")
                + context.stream().map(line -> " " + line + ".").reduce("", String::concat);
    }

    /**
     * The alert's {@link #line} cut to the verdict, majority and swing ("Kingswood by-election, 15 Feb 2024: Lab GAIN
     * from Con, majority 2,501, swing 16.4% Con to Lab"), for a digest whose full lines would not fit one message: a
     * burst reaches a channel as one post, and the full result is a /result away. Other kinds keep their line.
     */
    public String shortLine(Alert alert) {
        return westminsterResult(alert)
                .map(figures -> correctionPrefix(alert)
                        + AnnouncementFactory.headline(figures.contest())
                        + ": "
                        + AnnouncementFactory.shortResult(figures))
                .orElseGet(() -> line(alert));
    }

    /**
     * A digest in {@link #shortLine short lines}. When every alert is a result of one general election, the election
     * is said once, in the heading ("40 new declarations, general election 4 Jul 2024:"), and each line starts with
     * its seat ("Kingswood: Lab GAIN from Con, majority 2,501, ..."), so forty results fit one message.
     */
    public Reply shortDigest(List<Alert> alerts) {
        List<ResultFigures> results = alerts.stream()
                .map(this::westminsterResult)
                .flatMap(Optional::stream)
                .toList();
        Set<String> elections = results.stream()
                .map(f -> f.contest().election())
                .filter(e -> e.kind() == ElectionKind.GENERAL)
                .map(Election::id)
                .collect(Collectors.toSet());
        if (results.size() < alerts.size() || elections.size() != 1) {
            return digest(alerts.stream().map(this::shortLine).toList());
        }
        StringBuilder text = new StringBuilder(alerts.size() + " new declarations, "
                + AnnouncementFactory.generalElection(results.get(0).contest()) + ":");
        for (int i = 0; i < alerts.size(); i++) {
            text.append('\n')
                    .append(correctionPrefix(alerts.get(i)))
                    .append(results.get(i).contest().seat().name())
                    .append(": ")
                    .append(AnnouncementFactory.shortResult(results.get(i)));
        }
        return new Reply(List.of(new Reply.Text(text.toString())), List.of());
    }

    /** The figures of a Westminster result or its correction; empty for any other kind of alert. */
    private Optional<ResultFigures> westminsterResult(Alert alert) {
        if (alert.kind() != Alert.Kind.RESULT && alert.kind() != Alert.Kind.CORRECTION || isCouncil(alert)) {
            return Optional.empty();
        }
        return composed(alert).figures();
    }

    private static String correctionPrefix(Alert alert) {
        return alert.kind() == Alert.Kind.CORRECTION ? "Correction: " : "";
    }

    /** A council's declaration, or its correction, rather than one contest's result. */
    private static boolean isCouncil(Alert alert) {
        return CouncilNight.parse(alert.contestId()).isPresent();
    }

    private Announcement announcement(Alert alert) {
        return composed(alert).announcement();
    }

    private Reply withContext(Alert alert) {
        Composed c = composed(alert);
        return c.context().isEmpty()
                ? Reply.of(c.announcement())
                : new Reply(
                        List.of(
                                new Reply.AnnouncementPart(c.announcement()),
                                new Reply.Text(String.join("\n", c.context()))),
                        List.of());
    }

    /**
     * The result as stored, at the alert's revision or newer, composed once per revision. A newer revision stored
     * after this one was read has alerts of its own, which correct what went out.
     */
    private Composed composed(Alert alert) {
        Declaration held = latest.getIfPresent(alert.contestId());
        if (held == null || held.revision() < alert.revision()) {
            held = store.latestDeclaration(alert.contestId(), Declaration.Stage.RESULT)
                    .orElseThrow(() -> new IllegalStateException("no stored result for " + alert.contestId()));
            latest.put(alert.contestId(), held);
        }
        if (held.message() instanceof FeedMessage.LocalResult ward) {
            return composed.get(
                    alert.contestId() + "#" + held.revision(),
                    key -> new Composed(Optional.empty(), local.ward(ward.contest()), List.of()));
        }
        Contest contest = ((FeedMessage.Result) held.message()).contest();
        return composed.get(alert.contestId() + "#" + held.revision(), key -> {
            ResultFigures figures = calculator.calculate(contest, StoreFollower.comparisonFor(archive, contest));
            return new Composed(Optional.of(figures), announcements.announce(figures), context.lines(contest));
        });
    }

    private static <V> Cache<String, V> lru(int size) {
        return Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }

    /** The newest stored revision: what the alert says, whichever instance read the file. */
    private FeedMessage stored(Alert alert, Declaration.Stage stage) {
        return store.latestDeclaration(alert.contestId(), stage)
                .map(Declaration::message)
                .orElseThrow(() -> new IllegalStateException(
                        "no stored " + stage.name().toLowerCase() + " for " + alert.contestId()));
    }

    private String rushLine(Alert alert) {
        FeedMessage.Rush rush = (FeedMessage.Rush) stored(alert, Declaration.Stage.RUSH);
        String winner = PartyStyle.of(rush.winner()).name();
        String verdict = rush.previousWinner()
                .map(p -> p.code().equals(rush.winner().code())
                        ? ": " + winner + " HOLD"
                        : ": " + winner + " GAIN from " + PartyStyle.of(p).name())
                .orElse("");
        String who = rush.winnerName().isEmpty() ? winner : rush.winnerName() + " (" + winner + ")";
        return who + " wins " + rush.seat().name() + verdict + ". Full result to follow.";
    }
}
