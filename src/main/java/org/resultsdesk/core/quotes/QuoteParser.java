package org.resultsdesk.core.quotes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatMatch;

/**
 * Reads "/quote kingswood, wellingborough Keir Starmer (Labour leader): These are fantastic results" and its
 * variants: the quote after a colon or in straight or curly quotation marks; seats separated by commas, or
 * "national" for a reaction about no seat in particular; the role in brackets after the speaker.
 */
final class QuoteParser {
    /** More words than any list of a few seats: the seat part is looked for only among the first this many. */
    static final int MAX_SEAT_WORDS = 30;
    /** Longer than any real name and role; past it the reporter is asked to shorten it. */
    static final int MAX_SPEAKER_LENGTH = 200;

    private static final String OPENING_QUOTES = "\"“‘";

    record Parsed(List<Contest> contests, String speaker, String role, String text) {}

    private final ResultsArchive archive;
    private final SeatDirectory seats;

    QuoteParser(ResultsArchive archive, SeatDirectory seats) {
        this.archive = archive;
        this.seats = seats;
    }

    /** The parsed quote, or why it could not be read. */
    Parsed parse(String input) throws IllegalArgumentException {
        int split = splitPoint(input);
        if (split < 0) {
            throw new IllegalArgumentException("Put the quote after a colon or in quotation marks, for example:"
                    + " /quote kingswood Keir Starmer (Labour leader): These are fantastic results");
        }
        String head = input.substring(0, split).strip();
        String text = unquote(
                input.substring(input.charAt(split) == ':' ? split + 1 : split).strip());
        if (text.isEmpty()) {
            throw new IllegalArgumentException("The quote is empty.");
        }
        List<String> words = Arrays.asList(head.split("\\s+"));
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("national")) {
            return withSpeaker(List.of(), String.join(" ", words.subList(1, words.size())), text);
        }
        boolean seatFound = false;
        for (int k = Math.min(words.size() - 1, MAX_SEAT_WORDS); k >= 1; k--) {
            Optional<List<Contest>> contests = contests(String.join(" ", words.subList(0, k)));
            if (contests.isPresent()) {
                seatFound = true;
                // The longest seat name that leaves a speaker wins: "brighton kemptown A & B (Aide)" is not
                // Brighton Kemptown and Peacehaven said by nobody.
                Optional<Parsed> parsed =
                        speaker(contests.get(), String.join(" ", words.subList(k, words.size())), text);
                if (parsed.isPresent()) {
                    return parsed.get();
                }
            }
        }
        if (seatFound || words.size() <= MAX_SEAT_WORDS && contests(head).isPresent()) {
            throw new IllegalArgumentException(NO_SPEAKER);
        }
        throw new IllegalArgumentException("Start with the seat (or \"national\"), then the speaker: I could not find"
                + " a seat in \"" + (head.length() > 80 ? head.substring(0, 80) + "…" : head)
                + "\". Try /seats to check the name.");
    }

    private static final String NO_SPEAKER = "Who said it? Put the speaker's name before the quote, for example:"
            + " /quote kingswood Keir Starmer (Labour leader): These are fantastic results";

    private Parsed withSpeaker(List<Contest> contests, String speaker, String text) {
        return speaker(contests, speaker, text).orElseThrow(() -> new IllegalArgumentException(NO_SPEAKER));
    }

    /** The speaker and role ("Keir Starmer (Labour leader)"), read without backtracking; empty without a name. */
    private static Optional<Parsed> speaker(List<Contest> contests, String speaker, String text) {
        String name = stripTrailing(speaker.strip(), ",;:").strip();
        String role = "";
        int open = name.lastIndexOf('(');
        if (name.endsWith(")") && open >= 0 && name.indexOf(')', open) == name.length() - 1) {
            role = name.substring(open + 1, name.length() - 1).strip();
            name = name.substring(0, open).strip();
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.length() + role.length() > MAX_SPEAKER_LENGTH) {
            throw new IllegalArgumentException("That speaker's name and role are longer than " + MAX_SPEAKER_LENGTH
                    + " characters; please shorten them.");
        }
        return Optional.of(new Parsed(contests, name, role, text));
    }

    private static String stripTrailing(String s, String characters) {
        int end = s.length();
        while (end > 0 && characters.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Every comma-separated name must be one seat; each seat's latest contest is the one quoted about. */
    private Optional<List<Contest>> contests(String seatList) {
        List<Contest> found = new ArrayList<>();
        for (String name : seatList.split(",")) {
            if (name.isBlank()) {
                return Optional.empty();
            }
            SeatMatch match = seats.find(name.strip());
            if (!(match instanceof SeatMatch.Found f)) {
                return Optional.empty();
            }
            List<Contest> inSeat = archive.contestsIn(f.seats());
            if (inSeat.isEmpty()) {
                return Optional.empty();
            }
            found.add(inSeat.get(0));
        }
        return Optional.of(found);
    }

    private static int splitPoint(String input) {
        int colon = input.indexOf(':');
        int quote = -1;
        for (int i = 0; i < input.length(); i++) {
            if (OPENING_QUOTES.indexOf(input.charAt(i)) >= 0) {
                quote = i;
                break;
            }
        }
        if (colon < 0) {
            return quote;
        }
        return quote < 0 ? colon : Math.min(colon, quote);
    }

    private static String unquote(String text) {
        String t = text.strip();
        if (t.length() >= 2
                && OPENING_QUOTES.indexOf(t.charAt(0)) >= 0
                && "\"”’".indexOf(t.charAt(t.length() - 1)) >= 0) {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }
}
