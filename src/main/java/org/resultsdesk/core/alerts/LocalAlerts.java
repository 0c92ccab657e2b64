package org.resultsdesk.core.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.resultsdesk.core.announce.CouncilWords;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.CouncilResult;
import org.resultsdesk.core.command.CouncilCommand;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.LiveLocalArchive;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Reply;

/**
 * What a local alert says: a ward's result exactly as {@code /result} shows it (winners, the party tally in a
 * multi-member ward, GAIN/HOLD per seat, shares by the stated method), and a council's declaration (seats by party
 * with change, control, where each figure comes from). Both read the local results this instance follows from the
 * store; a council's declaration waits until this instance has followed as many of its wards as were in when it was
 * queued.
 */
public final class LocalAlerts {
    /** For a desk with no local results: a local alert cannot be composed (and none is ever queued). */
    public static final LocalAlerts NONE = new LocalAlerts(LocalResults.none(), LiveLocalArchive.empty(), () -> {});

    private final LocalResults results;
    private final LiveLocalArchive live;
    private final Runnable catchUp;

    /**
     * @param results  the same local results the commands answer from (built over {@code live})
     * @param catchUp  brings this instance's view up to date with the store
     */
    public LocalAlerts(LocalResults results, LiveLocalArchive live, Runnable catchUp) {
        this.results = results;
        this.live = live;
        this.catchUp = catchUp;
    }

    Announcement ward(LocalContest contest) {
        return results.announcement(contest);
    }

    /** The council's declaration: headline, control verdict, the seats table and the sources line. */
    Reply council(Alert alert) {
        return new Reply(declaration(result(alert)), List.of());
    }

    /** A declaration corrected after one of its wards' results was revised, posted as news. */
    Reply councilCorrection(Alert alert) {
        CouncilResult result = result(alert);
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Text(
                "Correction: revised figures for " + CouncilWords.headline(result) + " (a ward's result was revised)"));
        parts.addAll(declaration(result));
        return new Reply(parts, List.of());
    }

    /** The declaration as first posted, edited to the figures after a ward's revised result. */
    Reply councilCorrected(Alert alert) {
        List<Reply.Part> parts = new ArrayList<>(declaration(result(alert)));
        parts.add(new Reply.Text("Corrected: a ward's result was revised"));
        return new Reply(parts, List.of());
    }

    private static List<Reply.Part> declaration(CouncilResult result) {
        return List.of(
                new Reply.Text(CouncilWords.headline(result)),
                new Reply.Text(CouncilWords.verdict(result)),
                new Reply.Table("Seats by party", CouncilCommand.table(result)),
                new Reply.Text(CouncilWords.sources(result)));
    }

    /** "Kent County Council, 1 May 2025: 81 of 81 seats up. Reform UK GAIN from Conservative (57 of 81 seats). RUK 57, ..." */
    String councilLine(Alert alert) {
        CouncilResult result = result(alert);
        return (alert.kind() == Alert.Kind.CORRECTION ? "Correction: " : "") + CouncilWords.headline(result) + ". "
                + CouncilWords.verdict(result) + ". Won: " + won(result.seatsWon()) + ".";
    }

    private static String won(Map<String, Integer> seats) {
        return seats.entrySet().stream()
                .map(e -> PartyStyle.of(e.getKey()).abbreviation() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private CouncilResult result(Alert alert) {
        CouncilNight night = CouncilNight.parse(alert.contestId())
                .orElseThrow(() -> new IllegalStateException("not a council declaration: " + alert.contestId()));
        Council council = live.get()
                .council(night.councilCode())
                .or(() -> declaredCouncil(night))
                .orElseThrow(() -> new IllegalStateException("no council " + night.councilCode() + " on file"));
        if (alert.kind() == Alert.Kind.CORRECTION) {
            // Numbered by its wards' revisions, not their count: the ward's correction was stored with this alert,
            // so catching up with the store brings it in.
            catchUp.run();
            return CouncilResult.of(live.get(), council, night.day());
        }
        if (live.declaredOn(council, night.day()).size() < alert.revision()) {
            catchUp.run();
        }
        int in = live.declaredOn(council, night.day()).size();
        if (in < alert.revision()) {
            throw new IllegalStateException(
                    alert.contestId() + ": " + in + " of " + alert.revision() + " wards followed so far");
        }
        return CouncilResult.of(live.get(), council, night.day());
    }

    /** A council first seen in a feed tonight (not in the bundled data): as its declared wards name it. */
    private java.util.Optional<Council> declaredCouncil(CouncilNight night) {
        return live.get().contests().stream()
                .map(LocalContest::council)
                .filter(c -> c.onsCode().equals(night.councilCode()))
                .findFirst();
    }
}
