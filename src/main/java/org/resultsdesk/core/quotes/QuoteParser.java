package org.resultsdesk.core.quotes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern ROLE = Pattern.compile("^(.*?)\\s*\\(([^)]*)\\)\\s*$");
    private static final String OPENING_QUOTES = "\"“‘";

    record Parsed(List<Contest> contests, String speaker, String role, String text) {
    }

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
        String text = unquote(input.substring(input.charAt(split) == ':' ? split + 1 : split).strip());
        if (text.isEmpty()) {
            throw new IllegalArgumentException("The quote is empty.");
        }
        List<String> words = Arrays.asList(head.split("\\s+"));
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("national")) {
            return withSpeaker(List.of(), String.join(" ", words.subList(1, words.size())), text);
        }
        for (int k = words.size() - 1; k >= 1; k--) {
            Optional<List<Contest>> contests = contests(String.join(" ", words.subList(0, k)));
            if (contests.isPresent()) {
                return withSpeaker(contests.get(), String.join(" ", words.subList(k, words.size())), text);
            }
        }
        throw new IllegalArgumentException("Start with the seat (or \"national\"), then the speaker: I could not find"
                + " a seat in \"" + head + "\". Try /seats to check the name.");
    }

    private Parsed withSpeaker(List<Contest> contests, String speaker, String text) {
        String name = speaker.strip().replaceAll("[,;:]+$", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Who said it? Put the speaker before the quote.");
        }
        Matcher m = ROLE.matcher(name);
        return m.matches() ? new Parsed(contests, m.group(1).strip(), m.group(2).strip(), text)
                : new Parsed(contests, name, "", text);
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
        if (t.length() >= 2 && OPENING_QUOTES.indexOf(t.charAt(0)) >= 0 && "\"”’".indexOf(t.charAt(t.length() - 1)) >= 0) {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }
}
