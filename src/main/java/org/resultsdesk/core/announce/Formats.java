package org.resultsdesk.core.announce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.resultsdesk.core.calc.Percent;
import org.resultsdesk.core.calc.ShareChange;

/** Number and date formats of the house style. Every figure is rounded here, once, from its unrounded value. */
public final class Formats {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Formats() {
    }

    static String votes(int votes) {
        return String.format(Locale.UK, "%,d", votes);
    }

    /** "44.9%". */
    public static String percent(BigDecimal unrounded) {
        return Percent.oneDecimal(unrounded).toPlainString() + "%";
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

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
