package org.resultsdesk.core.night;

import static org.resultsdesk.core.night.NightFormat.label;
import static org.resultsdesk.core.night.NightFormat.partyKeys;
import static org.resultsdesk.core.night.NightFormat.partyOf;
import static org.resultsdesk.core.night.NightFormat.points;
import static org.resultsdesk.core.night.NightFormat.votes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;

/** /targets party [n]: the seats a party needs the smallest swing to win, on the previous results. */
public final class TargetsCommand implements CommandModule {
    private static final int DEFAULT_TARGETS = 10;
    private static final int MAX_TARGETS = 50;

    private final Tonight tonight;

    public TargetsCommand(Tonight tonight) {
        this.tonight = tonight;
    }

    @Override
    public Set<String> names() {
        return Set.of("targets");
    }

    @Override
    public String help() {
        return "/targets <party> [n]  the seats a party needs the smallest swing to win";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        return targets(line.arguments());
    }

    private Reply targets(List<String> arguments) {
        if (arguments.isEmpty()) {
            return Reply.text(
                    "Name a party: /targets Labour or /targets Reform 20. For the seats a uniform national"
                            + " swing would change, try /swingometer 5 Lab to Ref.",
                    List.of(new Reply.Suggestion("Swingometer 5 Lab to Ref", "/swingometer 5 Lab to Ref")));
        }
        int count = DEFAULT_TARGETS;
        List<String> words = new ArrayList<>(arguments);
        if (words.size() > 1 && words.get(words.size() - 1).matches("\\d{1,3}")) {
            count = Math.min(MAX_TARGETS, Math.max(1, Integer.parseInt(words.remove(words.size() - 1))));
        }
        List<BaselineSeat> baseline = tonight.baseline();
        if (baseline.isEmpty()) {
            return Reply.text("There is no earlier result to measure targets from for "
                    + tonight.election().id() + ".");
        }
        Optional<String> party = PartyNames.key(String.join(" ", words), partyKeys(baseline));
        if (party.isEmpty()) {
            return Reply.text("I don't know the party \"" + String.join(" ", words) + "\". Try Lab, Con, LD, Reform,"
                    + " Green, SNP or Plaid.");
        }
        List<TargetList.Target> targets = TargetList.of(party.get(), baseline);
        String name = PartyStyle.of(partyOf(party.get(), baseline)).name();
        if (targets.isEmpty()) {
            return Reply.text(name + " has no target seats in the " + label(baseline) + " results.");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Seat", "Held by", "Swing needed", "Majority", "Tonight"));
        for (TargetList.Target t : targets.stream().limit(count).toList()) {
            BaselineSeat b = t.seat();
            OptionalInt majority = b.comparison().majority();
            rows.add(List.of(
                    b.seat().name(),
                    PartyStyle.of(b.winner()).abbreviation(),
                    points(t.swingNeeded()),
                    majority.isPresent() ? votes(majority.getAsInt()) : points(b.majorityPercent()) + " pts",
                    tonight.declared(b.seat().gss())
                            .map(c -> NightFormat.verdict(tonight, c))
                            .orElse("-")));
        }
        return new Reply(
                List.of(new Reply.Table(
                        name + " targets on the " + label(baseline)
                                + " results, smallest swing needed first (" + Math.min(count, targets.size()) + " of "
                                + targets.size() + ")",
                        rows)),
                List.of());
    }
}
