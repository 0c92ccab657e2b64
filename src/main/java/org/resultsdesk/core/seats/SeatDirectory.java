package org.resultsdesk.core.seats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.resultsdesk.core.model.Seat;

/**
 * Finds seats by what a reporter types. In order: the exact name (normalised: case, accents, punctuation, hyphens
 * and "&" do not matter), the same words in another order, a unique prefix or set of words, several matches (listed
 * for the reporter to choose), and for anything else the closest names as suggestions ("Did you mean Kingswood?").
 * A name that covers several GSS codes (a seat under old and new boundaries) is found with all of them.
 */
public final class SeatDirectory {
    private static final int MAX_QUERY_LENGTH = 100;
    private static final int MAX_LISTED = 10;
    private static final int MAX_SUGGESTIONS = 5;
    private static final double MIN_SIMILARITY = 0.85;

    private record Entry(String name, String normalised, String sortedWords, List<String> words, List<Seat> seats) {
    }

    private final Map<String, Entry> byNormalised = new LinkedHashMap<>();
    private final Map<String, Entry> bySortedWords = new LinkedHashMap<>();
    private final LevenshteinDistance levenshtein = new LevenshteinDistance(3);
    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();

    public SeatDirectory(Collection<Seat> seats) {
        Map<String, List<Seat>> grouped = new LinkedHashMap<>();
        Map<String, String> displayNames = new LinkedHashMap<>();
        for (Seat seat : seats) {
            String key = SeatNames.normalise(seat.name());
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(seat);
            displayNames.putIfAbsent(key, seat.name());
        }
        grouped.forEach((key, list) -> {
            Entry entry = new Entry(displayNames.get(key), key, SeatNames.sortedWords(key), List.of(key.split(" ")),
                    List.copyOf(list));
            byNormalised.put(key, entry);
            bySortedWords.putIfAbsent(entry.sortedWords(), entry);
        });
    }

    public SeatMatch find(String query) {
        if (query == null || query.isBlank() || query.length() > MAX_QUERY_LENGTH) {
            return new SeatMatch.NotFound();
        }
        String q = SeatNames.normalise(query);
        if (q.isEmpty()) {
            return new SeatMatch.NotFound();
        }
        Entry exact = byNormalised.get(q);
        if (exact == null) {
            exact = bySortedWords.get(SeatNames.sortedWords(q));
        }
        if (exact != null) {
            return found(exact);
        }
        List<Entry> partial = containingAllWords(q);
        if (partial.size() == 1) {
            return found(partial.get(0));
        }
        if (partial.size() > 1) {
            return new SeatMatch.Ambiguous(partial.stream().limit(MAX_LISTED).map(Entry::name).toList());
        }
        List<String> close = closest(q);
        return close.isEmpty() ? new SeatMatch.NotFound() : new SeatMatch.Suggestions(close);
    }

    /** Seat names for /seats: those containing every word typed (as word prefixes), else the closest ones. */
    public List<String> search(String text, int limit) {
        if (text == null || text.isBlank() || text.length() > MAX_QUERY_LENGTH) {
            return List.of();
        }
        String q = SeatNames.normalise(text);
        List<Entry> partial = containingAllWords(q);
        if (!partial.isEmpty()) {
            return partial.stream().limit(limit).map(Entry::name).toList();
        }
        return closest(q).stream().limit(limit).toList();
    }

    /** Every seat (GSS code) going by this name, whatever its boundaries. */
    public List<Seat> seatsNamed(String displayName) {
        Entry entry = byNormalised.get(SeatNames.normalise(displayName));
        return entry == null ? List.of() : entry.seats();
    }

    private static SeatMatch found(Entry entry) {
        return new SeatMatch.Found(entry.name(), entry.seats());
    }

    /** Names in which every typed word starts a word ("birm" fits every Birmingham seat), alphabetically. */
    private List<Entry> containingAllWords(String q) {
        String[] typed = q.split(" ");
        List<Entry> matches = new ArrayList<>();
        for (Entry entry : byNormalised.values()) {
            boolean all = true;
            for (String t : typed) {
                if (entry.words().stream().noneMatch(w -> w.startsWith(t))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                matches.add(entry);
            }
        }
        matches.sort(Comparator.comparing(Entry::normalised));
        return matches;
    }

    /** Names within a few typing slips of the query, or of one of their words, closest first. */
    private List<String> closest(String q) {
        record Scored(Entry entry, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        int slack = Math.max(3, q.length() / 4);
        for (Entry entry : byNormalised.values()) {
            double score = 0;
            // Lengths far apart cannot be a slip of typing: skipping them keeps the scan well under a millisecond.
            if (Math.abs(entry.normalised().length() - q.length()) <= slack) {
                score = jaroWinkler.apply(q, entry.normalised());
                int distance = levenshtein.apply(q, entry.normalised());
                if (distance >= 0) {
                    score = Math.max(score, 1.0 - distance / 10.0);
                }
            }
            if (q.length() >= 4) {
                for (String word : entry.words()) {
                    if (word.length() >= 4 && Math.abs(word.length() - q.length()) <= 2) {
                        int d = levenshtein.apply(q, word);
                        if (d >= 0 && d <= Math.max(1, q.length() / 4)) {
                            score = Math.max(score, 0.9 - d / 20.0);
                        }
                    }
                }
            }
            if (score >= MIN_SIMILARITY) {
                scored.add(new Scored(entry, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.entry().normalised()));
        return scored.stream().limit(MAX_SUGGESTIONS).map(s -> s.entry().name()).toList();
    }
}
