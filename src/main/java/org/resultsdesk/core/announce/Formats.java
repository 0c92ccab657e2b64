package org.resultsdesk.core.announce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.resultsdesk.core.calc.Percent;
import org.resultsdesk.core.calc.ShareChange;

/** Number and date formats of the house style. Every figure is rounded here, once, from its unrounded value. */
public final class Formats {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final String[] SMALL_NUMBERS = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
    };
    /** Capitalised names spoken as words, not letter by letter, which take the article of their first sound. */
    private static final Set<String> PRONOUNCED_AS_WORDS = Set.of("UKIP");

    private Formats() {}

    static String votes(int votes) {
        return String.format(Locale.UK, "%,d", votes);
    }

    /** "44.9%". */
    public static String percent(BigDecimal unrounded) {
        return Percent.oneDecimal(unrounded).toPlainString() + "%";
    }

    /** A majority's share: "10.1%", and "<0.1%" for one too small to show in one decimal place. */
    public static String majorityPercent(int majority, BigDecimal unrounded) {
        return majority > 0 && Percent.oneDecimal(unrounded).signum() == 0 ? "<0.1%" : percent(unrounded);
    }

    /** A count in running copy: one to nine in words ("a majority of six"), larger numbers as figures. */
    static String count(int n) {
        return n >= 1 && n <= 9 ? SMALL_NUMBERS[n] : votes(n);
    }

    /**
     * "a" or "an", as the next word or figure is spoken: "an SNP", "an independent", "a UKIP", "an 8.5%",
     * "an 11.0%", "an 18,540", "a 1,100", "a 16.4%".
     */
    static String article(String next) {
        return startsWithVowelSound(next) ? "an" : "a";
    }

    /** The next words with their article: "an SNP majority". */
    static String withArticle(String next) {
        return article(next) + " " + next;
    }

    static boolean startsWithVowelSound(String text) {
        String word = text.strip();
        if (word.isEmpty()) {
            return false;
        }
        char first = word.charAt(0);
        if (Character.isDigit(first)) {
            String whole = word.replace(",", "").split("[^0-9]")[0];
            // 8 (eight, eighty, eight hundred); 11 and 18 when spoken as eleven or eighteen (11, 11,000, 18,540).
            return whole.startsWith("8")
                    || (whole.startsWith("11") || whole.startsWith("18")) && whole.length() % 3 == 2;
        }
        String firstWord = word.split("[^\\p{L}]")[0];
        if (firstWord.length() > 1
                && firstWord.equals(firstWord.toUpperCase(Locale.ROOT))
                && !PRONOUNCED_AS_WORDS.contains(firstWord)) {
            // An initialism is read letter by letter: "an SNP", "an SDLP", "a DUP", "a UUP".
            return "AEFHILMNORSX".indexOf(first) >= 0;
        }
        String lower = firstWord.toLowerCase(Locale.ROOT);
        if (lower.startsWith("hour")
                || lower.startsWith("honest")
                || lower.startsWith("honour")
                || lower.startsWith("heir")) {
            return true;
        }
        if (lower.startsWith("u")) {
            // "an unusual", "an upset"; but "a Unionist", "a united", "a UKIP".
            return !(lower.startsWith("uni")
                    || lower.startsWith("use")
                    || lower.startsWith("usu")
                    || lower.startsWith("uk")
                    || lower.startsWith("ut"));
        }
        if (lower.startsWith("one") || lower.startsWith("eu")) {
            return false;
        }
        return "aeio".indexOf(lower.charAt(0)) >= 0;
    }

    /** "+11.5", "-21.3", "0.0", "new", or "" with nothing to compare. */
    public static String change(ShareChange change) {
        if (change instanceof ShareChange.Points points) {
            BigDecimal rounded = Percent.oneDecimal(points.value());
            if (rounded.signum() == 0) {
                return "0.0";
            }
            return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString();
        }
        return change instanceof ShareChange.New ? "new" : "";
    }

    /** "15 Feb 2024" (Locale.UK abbreviates September as "Sept"; the house style uses three letters). */
    public static String date(LocalDate date) {
        return DATE.format(date).replace("Sept", "Sep");
    }

    /** "February 2024". */
    static String month(LocalDate date) {
        return MONTH.format(date);
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
