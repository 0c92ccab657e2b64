package org.resultsdesk.core.night;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.resultsdesk.core.calc.Percent;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Party;

/** How the night desk's commands write times, votes, shares, parties and verdicts. */
final class NightFormat {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(Tonight.LONDON);
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK).withZone(Tonight.LONDON);
    private static final DateTimeFormatter DATED_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK).withZone(Tonight.LONDON);

    private static final ResultCalculator CALCULATOR = new ResultCalculator();

    private NightFormat() {}

    /** "Lab GAIN from Con", "Con HOLD", "Lab WIN" (nothing to compare with). */
    static String verdict(Tonight tonight, Contest contest) {
        return org.resultsdesk.core.announce.AnnouncementFactory.shortVerdict(
                CALCULATOR.calculate(contest, tonight.archive().comparisonFor(contest)));
    }

    /**
     * A time as the night desk shows it (London time): "02:30" within the night {@code now} is in (noon to noon),
     * else with its day, "Fri 5 Jul 02:30", and its year when that is not {@code now}'s, "Fri 5 Jul 2024 02:30".
     */
    static String when(Instant at, Instant now) {
        ZonedDateTime local = now.atZone(Tonight.LONDON);
        ZonedDateTime nightStarted = local.toLocalDate()
                .minusDays(local.getHour() < 12 ? 1 : 0)
                .atTime(LocalTime.NOON)
                .atZone(Tonight.LONDON);
        if (!at.isBefore(nightStarted.toInstant())
                && at.isBefore(nightStarted.plusDays(1).toInstant())) {
            return TIME.format(at);
        }
        return at.atZone(Tonight.LONDON).getYear() == local.getYear() ? DAY_AND_TIME.format(at) : DATED_TIME.format(at);
    }

    static Set<String> partyKeys(List<BaselineSeat> baseline) {
        return baseline.stream().flatMap(b -> b.shares().keySet().stream()).collect(Collectors.toSet());
    }

    static Party partyOf(String key, List<BaselineSeat> baseline) {
        return baseline.stream()
                .map(b -> b.parties().get(key))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(new Party(key, key));
    }

    static String label(List<BaselineSeat> baseline) {
        return baseline.get(0).comparison().label();
    }

    static String votes(int votes) {
        return String.format(Locale.UK, "%,d", votes);
    }

    static String percent(BigDecimal unrounded) {
        return Percent.oneDecimal(unrounded).toPlainString() + "%";
    }

    static String points(BigDecimal unrounded) {
        return Percent.oneDecimal(unrounded).toPlainString();
    }

    /** Years as a reader lists them: "2024, 2019, 2017, 2015 or 2010". */
    static String years(List<Integer> years) {
        List<String> names = years.stream().map(String::valueOf).toList();
        return names.size() <= 1
                ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
