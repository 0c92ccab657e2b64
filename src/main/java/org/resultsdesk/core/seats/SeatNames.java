package org.resultsdesk.core.seats;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Seat names reduced to what a reporter's typing can be compared on: no case, accents, punctuation or hyphens,
 * "&" as "and", "saint" as "st", single spaces. "Weston-super-Mare" and "weston super mare" are the same; "Ynys Môn"
 * is "ynys mon"; "Queen's Park" is "queens park"; "St. Helens" is "st helens".
 */
final class SeatNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼ]");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern SAINT = Pattern.compile("\\bsaint\\b");

    private SeatNames() {
    }

    static String normalise(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        String words = NOT_ALPHANUMERIC.matcher(APOSTROPHES.matcher(folded).replaceAll("").replace("&", " and "))
                .replaceAll(" ").strip();
        return SAINT.matcher(words).replaceAll("st");
    }

    /** The normalised words in alphabetical order, so that word order does not matter. */
    static String sortedWords(String normalised) {
        String[] words = words(normalised);
        Arrays.sort(words);
        return String.join(" ", words);
    }

    /** Without spaces, so that "isleof wight", "isle of wight" and "westonsupermare" meet their seats. */
    static String compact(String normalised) {
        return normalised.replace(" ", "");
    }

    static String[] words(String normalised) {
        return normalised.isEmpty() ? new String[0] : normalised.split(" ");
    }
}
