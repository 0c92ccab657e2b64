package org.resultsdesk.core.night;

import static org.resultsdesk.core.night.NightFormat.label;
import static org.resultsdesk.core.night.NightFormat.partyKeys;
import static org.resultsdesk.core.night.NightFormat.partyOf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;

/** /swingometer 5 Lab to Ref: what a uniform national swing does to the seats. */
public final class SwingometerCommand implements CommandModule {
    private static final int MAX_FALLS_LISTED = 40;

    private final Tonight tonight;

    public SwingometerCommand(Tonight tonight) {
        this.tonight = tonight;
    }

    @Override
    public Set<String> names() {
        return Set.of("swingometer");
    }

    @Override
    public String help() {
        return "/swingometer 5 Lab to Ref  what a uniform national swing does to the seats";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        return swingometer(line.argumentText());
    }

    private Reply swingometer(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?i)\\s*(\\d{1,2}(?:\\.\\d+)?)\\s*(?:%|points?|pts)?\\s+(?:from\\s+)?(.+?)\\s+to\\s+(.+?)\\s*")
                .matcher(text);
        String usage = "Give a swing in points from one party to another: /swingometer 5 Lab to Ref.";
        if (!m.matches()) {
            return Reply.text(usage);
        }
        List<BaselineSeat> baseline = tonight.baseline();
        Optional<String> from = PartyNames.key(m.group(2), partyKeys(baseline));
        Optional<String> to = PartyNames.key(m.group(3), partyKeys(baseline));
        if (from.isEmpty() || to.isEmpty() || from.equals(to)) {
            return Reply.text("I need two different parties. " + usage);
        }
        BigDecimal points = new BigDecimal(m.group(1));
        Swingometer.Outcome outcome = Swingometer.swing(baseline, points, from.get(), to.get());
        String fromName = PartyStyle.of(partyOf(from.get(), baseline)).collective();
        String toName = PartyStyle.of(partyOf(to.get(), baseline)).collective();
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Text(
                "A uniform swing of " + points.stripTrailingZeros().toPlainString() + " points from "
                        + fromName + " to " + toName + " on the " + label(baseline) + " results: "
                        + outcome.falls().size()
                        + " seat" + (outcome.falls().size() == 1 ? "" : "s") + " change hands."));
        List<List<String>> tally = new ArrayList<>();
        tally.add(List.of("Party", "Before", "After", "Change"));
        Map<String, Integer> seatsBefore = independentsTogether(outcome.before());
        Map<String, Integer> seatsAfter = independentsTogether(outcome.after());
        Set<String> parties = new LinkedHashSet<>();
        seatsAfter.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> parties.add(e.getKey()));
        parties.addAll(seatsBefore.keySet());
        for (String key : parties) {
            int before = seatsBefore.getOrDefault(key, 0);
            int after = seatsAfter.getOrDefault(key, 0);
            tally.add(List.of(
                    PartyStyle.of(partyOf(key, baseline)).label(),
                    String.valueOf(before),
                    String.valueOf(after),
                    after > before ? "+" + (after - before) : String.valueOf(after - before)));
        }
        parts.add(new Reply.Table("Seats", tally));
        if (!outcome.falls().isEmpty()) {
            List<List<String>> falls = new ArrayList<>();
            falls.add(List.of("Seat", "From", "To"));
            outcome.falls().stream()
                    .limit(MAX_FALLS_LISTED)
                    .forEach(f -> falls.add(List.of(
                            f.seat().seat().name(),
                            PartyStyle.of(partyOf(f.winnerBefore(), baseline)).abbreviation(),
                            PartyStyle.of(partyOf(f.winnerAfter(), baseline)).abbreviation())));
            parts.add(new Reply.Table(
                    "Seats that fall, closest first"
                            + (outcome.falls().size() > MAX_FALLS_LISTED
                                    ? " (first " + MAX_FALLS_LISTED + " of "
                                            + outcome.falls().size() + ")"
                                    : ""),
                    falls));
        }
        return new Reply(parts, List.of());
    }

    /** Independents are keyed by name (each is their own party); a tally counts them as one line. */
    private static Map<String, Integer> independentsTogether(Map<String, Integer> seats) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        seats.forEach((key, n) -> merged.merge(key.startsWith("Ind:") ? "Ind" : key, n, Integer::sum));
        return merged;
    }
}
