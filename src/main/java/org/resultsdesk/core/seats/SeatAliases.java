package org.resultsdesk.core.seats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names newsrooms use for seats, kept as data ({@code data/seat-aliases.tsv} and {@code data/welsh-names.tsv}):
 * words that stand for other words in any seat name (county abbreviations "Beds", "Herts"; compass shorthand "SW",
 * "NE") and other names for one seat ("Western Isles"; the Welsh names). Keys and expansions are normalised.
 *
 * @param words     short word to the words it stands for ("herts" to "hertfordshire", "sw" to "south west")
 * @param seatNames another name to the seat's own name or GSS code ("western isles" to "Na h-Eileanan an Iar")
 */
public record SeatAliases(Map<String, String> words, Map<String, String> seatNames) {
    public static final SeatAliases NONE = new SeatAliases(Map.of(), Map.of());
    private static volatile SeatAliases bundled;

    public SeatAliases {
        words = Map.copyOf(words);
        seatNames = Map.copyOf(seatNames);
    }

    /** The bundled aliases and Welsh names, read once. */
    public static SeatAliases bundled() {
        SeatAliases aliases = bundled;
        if (aliases == null) {
            Map<String, String> words = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (String[] f : DataResource.rows("/data/seat-aliases.tsv")) {
                (f[0].equals("word") ? words : names)
                        .put(SeatNames.normalise(f[1]), f[0].equals("word") ? SeatNames.normalise(f[2]) : f[2]);
            }
            for (String[] f : DataResource.rows("/data/welsh-names.tsv")) {
                names.put(SeatNames.normalise(f[1]), f[0]);
            }
            aliases = new SeatAliases(words, names);
            bundled = aliases;
        }
        return aliases;
    }

    /** The query with each short word written out: "mid beds" is "mid bedfordshire", "sw herts" "south west ...". */
    String expand(String normalised) {
        if (words.isEmpty() || normalised.isEmpty()) {
            return normalised;
        }
        return Arrays.stream(SeatNames.words(normalised))
                .map(w -> words.getOrDefault(w, w))
                .collect(Collectors.joining(" "));
    }
}
