package org.resultsdesk.core.command;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;

/**
 * Which election a reporter means, from words after the seat: "2019", "by-election", "general", "2024-02-15" or
 * "15/02/2024". Several words narrow together: "2024 by-election".
 */
public record ElectionFilter(Optional<ElectionKind> kind, Optional<Integer> year, Optional<LocalDate> date) {
    public static final ElectionFilter ANY = new ElectionFilter(Optional.empty(), Optional.empty(), Optional.empty());
    private static final DateTimeFormatter UK_DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** The query with its trailing election words removed, and the filter they make. */
    public record Split(String query, ElectionFilter filter) {}

    public static Split split(List<String> words) {
        List<String> rest = new ArrayList<>(words);
        ElectionFilter filter = ANY;
        while (!rest.isEmpty()) {
            String last = rest.get(rest.size() - 1).toLowerCase(Locale.ROOT);
            String lastTwo = rest.size() > 1 ? rest.get(rest.size() - 2).toLowerCase(Locale.ROOT) + " " + last : "";
            Optional<ElectionFilter> two = lastTwo.isEmpty() ? Optional.empty() : word(lastTwo);
            if (two.isPresent()) {
                filter = filter.and(two.get());
                rest.remove(rest.size() - 1);
                rest.remove(rest.size() - 1);
                continue;
            }
            Optional<ElectionFilter> one = word(last);
            if (one.isEmpty()) {
                break;
            }
            filter = filter.and(one.get());
            rest.remove(rest.size() - 1);
        }
        return new Split(String.join(" ", rest), filter);
    }

    public boolean matches(Election election) {
        return kind.map(k -> k == election.kind()).orElse(true)
                && year.map(y -> y == election.date().getYear()).orElse(true)
                && date.map(d -> d.equals(election.date())).orElse(true);
    }

    public boolean isAny() {
        return equals(ANY);
    }

    private ElectionFilter and(ElectionFilter other) {
        return new ElectionFilter(other.kind.or(() -> kind), other.year.or(() -> year), other.date.or(() -> date));
    }

    private static Optional<ElectionFilter> word(String w) {
        switch (w) {
            case "by-election", "by election", "byelection", "by" -> {
                return Optional.of(
                        new ElectionFilter(Optional.of(ElectionKind.BY_ELECTION), Optional.empty(), Optional.empty()));
            }
            case "general", "general election", "ge" -> {
                return Optional.of(
                        new ElectionFilter(Optional.of(ElectionKind.GENERAL), Optional.empty(), Optional.empty()));
            }
            default -> {
                if (w.matches("(19|20)\\d\\d")) {
                    return Optional.of(
                            new ElectionFilter(Optional.empty(), Optional.of(Integer.parseInt(w)), Optional.empty()));
                }
                if (w.matches("ge(19|20)\\d\\d")) {
                    return Optional.of(new ElectionFilter(
                            Optional.of(ElectionKind.GENERAL),
                            Optional.of(Integer.parseInt(w.substring(2))),
                            Optional.empty()));
                }
                return parseDate(w).map(d -> new ElectionFilter(Optional.empty(), Optional.empty(), Optional.of(d)));
            }
        }
    }

    private static Optional<LocalDate> parseDate(String w) {
        try {
            if (w.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(w));
            }
            if (w.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return Optional.of(LocalDate.parse(w, UK_DATE));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
