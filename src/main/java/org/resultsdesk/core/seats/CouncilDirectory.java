package org.resultsdesk.core.seats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.resultsdesk.core.model.Council;

/**
 * Councils by what a reporter types: the name in any case and punctuation ("Kensington & Chelsea"), with or without
 * "council", "county council", "city of" or "borough of", and the common shorthands ("bucks", "rbkc", "notts").
 * A shorthand or name that fits more than one council ("northants": North and West Northamptonshire) is ambiguous,
 * as is a name shared by a county and a district once "county" is dropped: the reporter is asked.
 */
public final class CouncilDirectory {
    /** Words that say what kind of council it is, not which: dropped from names and queries alike. */
    private static final Set<String> KIND_WORDS =
            Set.of("council", "county", "city", "of", "the", "borough", "metropolitan", "district", "royal", "london");

    /** Newsroom shorthands, each to the normalised names it stands for. */
    private static final Map<String, List<String>> SHORTHANDS = Map.ofEntries(
            Map.entry("bucks", List.of("buckinghamshire")),
            Map.entry("rbkc", List.of("kensington and chelsea")),
            Map.entry("k and c", List.of("kensington and chelsea")),
            Map.entry("notts", List.of("nottinghamshire")),
            Map.entry("lancs", List.of("lancashire")),
            Map.entry("leics", List.of("leicestershire")),
            Map.entry("lincs", List.of("lincolnshire")),
            Map.entry("herts", List.of("hertfordshire")),
            Map.entry("worcs", List.of("worcestershire")),
            Map.entry("warks", List.of("warwickshire")),
            Map.entry("staffs", List.of("staffordshire")),
            Map.entry("glos", List.of("gloucestershire")),
            Map.entry("oxon", List.of("oxfordshire")),
            Map.entry("cambs", List.of("cambridgeshire")),
            Map.entry("derbys", List.of("derbyshire")),
            Map.entry("wilts", List.of("wiltshire")),
            Map.entry("northants", List.of("north northamptonshire", "west northamptonshire")),
            Map.entry("bcp", List.of("bournemouth christchurch and poole")),
            Map.entry("hammersmith", List.of("hammersmith and fulham")));

    private final List<Council> councils;
    private final Map<String, List<Council>> byKey = new LinkedHashMap<>();
    private final LevenshteinDistance withinTwoEdits = new LevenshteinDistance(2);

    public CouncilDirectory(Collection<Council> councils) {
        this.councils = List.copyOf(councils);
        for (Council c : councils) {
            byKey.computeIfAbsent(key(c.name()), k -> new ArrayList<>()).add(c);
        }
    }

    /** What a council query came to. */
    public sealed interface Match {
        record Found(Council council) implements Match {}

        /** Several councils fit: ask which. */
        record Ambiguous(List<Council> councils) implements Match {}

        /** Nothing fits exactly; these are close. */
        record Suggestions(List<Council> councils) implements Match {}

        record NotFound() implements Match {}
    }

    public Match find(String query) {
        String normalised = SeatNames.normalise(query);
        if (normalised.isEmpty()) {
            return new Match.NotFound();
        }
        List<String> expanded = SHORTHANDS.get(normalised);
        if (expanded != null) {
            List<Council> fits = expanded.stream()
                    .flatMap(n -> byKey.getOrDefault(key(n), List.of()).stream())
                    .toList();
            if (!fits.isEmpty()) {
                return of(fits);
            }
        }
        String key = key(query);
        List<Council> exact = byKey.getOrDefault(key, List.of());
        if (!exact.isEmpty()) {
            return of(exact);
        }
        List<Council> starting = councils.stream()
                .filter(c -> !key.isEmpty() && key(c.name()).startsWith(key))
                .toList();
        if (!starting.isEmpty()) {
            return of(starting);
        }
        List<Council> close = councils.stream()
                .filter(c -> withinTwoEdits.apply(key(c.name()), key) >= 0)
                .sorted(Comparator.comparingInt((Council c) -> withinTwoEdits.apply(key(c.name()), key)))
                .limit(3)
                .toList();
        return close.isEmpty() ? new Match.NotFound() : new Match.Suggestions(close);
    }

    /** Every council, by name. */
    public List<Council> all() {
        return councils.stream().sorted(Comparator.comparing(Council::name)).toList();
    }

    private static Match of(List<Council> fits) {
        List<Council> distinct = fits.stream().distinct().toList();
        return distinct.size() == 1 ? new Match.Found(distinct.get(0)) : new Match.Ambiguous(distinct);
    }

    /** The name normalised with the kind words dropped: "Kent County Council" and "kent" are both "kent". */
    static String key(String name) {
        List<String> words = new ArrayList<>();
        for (String w : SeatNames.words(SeatNames.normalise(name))) {
            if (!KIND_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }
}
