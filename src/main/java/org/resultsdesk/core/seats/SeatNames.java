package org.resultsdesk.core.seats;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Seat names reduced to what a reporter's typing can be compared on: no case, accents, punctuation or hyphens,
 * "&" as "and", single spaces. "Weston-super-Mare" and "weston super mare" are the same; "Ynys Môn" is "ynys mon".
 */
final class SeatNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private SeatNames() {
    }

    static String normalise(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        return NOT_ALPHANUMERIC.matcher(folded.replace("&", " and ")).replaceAll(" ").strip();
    }

    /** The normalised words in alphabetical order, so that word order does not matter. */
    static String sortedWords(String normalised) {
        String[] words = normalised.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }
}
