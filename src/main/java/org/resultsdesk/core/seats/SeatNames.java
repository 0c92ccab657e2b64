package org.resultsdesk.core.seats;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Seat names reduced to what a reporter's typing can be compared on: lower-case ASCII letters and digits in words
 * separated by single spaces. Accents, apostrophes and case go; other punctuation and hyphens separate words; "&"
 * is "and" and "saint" is "st". "Weston-super-Mare" and "weston super mare" are the same; "Ynys Môn" is "ynys mon";
 * "Queen's Park" is "queens park"; "St. Helens" is "st helens".
 */
public final class SeatNames {
    private SeatNames() {}

    public static String normalise(String name) {
        String decomposed = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean betweenWords = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (betweenWords && !out.isEmpty()) {
                    out.append(' ');
                }
                betweenWords = false;
                out.append(c);
            } else if (c == '&') {
                out.append(out.isEmpty() ? "and" : " and");
                betweenWords = true;
            } else if (!isMark(c) && !isApostrophe(c)) {
                betweenWords = true;
            }
        }
        return saintAsSt(out.toString());
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

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘' || c == '`' || c == 'ʼ';
    }

    private static String saintAsSt(String normalised) {
        if (!normalised.contains("saint")) {
            return normalised;
        }
        String[] words = words(normalised);
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("saint")) {
                words[i] = "st";
            }
        }
        return String.join(" ", words);
    }
}
