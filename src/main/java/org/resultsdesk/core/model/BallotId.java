package org.resultsdesk.core.model;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local ballot as Democracy Club identifies it: {@code local.<organisation>.<ward>[.by].<date>}, for example
 * {@code local.buckinghamshire.abbey.2025-05-01} or {@code local.east-devon.exmouth-halsdon.by.2025-12-04}. The
 * organisation and ward parts are slugs ({@link #slug}); the date is the polling day. The election group the ballot
 * belongs to is {@code local.<date>} ({@link #electionGroup()}).
 */
public record BallotId(String organisation, String ward, boolean byElection, LocalDate date) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern ID =
            Pattern.compile("local\\.([a-z0-9-]+)\\.([a-z0-9-]+)(\\.by)?\\.(\\d{4}-\\d{2}-\\d{2})");

    public BallotId {
        Objects.requireNonNull(date, "date");
        if (organisation == null || !SLUG.matcher(organisation).matches()) {
            throw new IllegalArgumentException("not an organisation slug: " + organisation);
        }
        if (ward == null || !SLUG.matcher(ward).matches()) {
            throw new IllegalArgumentException("not a ward slug: " + ward);
        }
    }

    /** The id read from text, or empty when it is not a local ballot id. Never throws. */
    public static Optional<BallotId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BallotId(m.group(1), m.group(2), m.group(3) != null, LocalDate.parse(m.group(4))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The ballot of a scheduled election for this council and ward name on this date. */
    public static BallotId scheduled(String councilName, String wardName, LocalDate date) {
        return new BallotId(slug(councilName), slug(wardName), false, date);
    }

    /**
     * Democracy Club's slug of a name: accents folded, characters other than letters, digits, spaces and hyphens
     * dropped ("St. John's" is "st-johns", "Amersham & Chesham Bois" is "amersham-chesham-bois"), runs of spaces and
     * hyphens made one hyphen.
     */
    public static String slug(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String kept =
                folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\s-]", "").strip();
        return kept.replaceAll("[\\s-]+", "-").replaceAll("(^-+|-+$)", "");
    }

    /** The election group every ballot of the day belongs to: {@code local.2025-05-01}. */
    public String electionGroup() {
        return "local." + date;
    }

    @Override
    public String toString() {
        return "local." + organisation + "." + ward + (byElection ? ".by." : ".") + date;
    }
}
