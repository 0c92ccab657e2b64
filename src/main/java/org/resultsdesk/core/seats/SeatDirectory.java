package org.resultsdesk.core.seats;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.resultsdesk.core.model.Seat;

/**
 * Finds seats by what a reporter types. Case, accents, punctuation, hyphens, apostrophes, spacing, "&" for "and",
 * "saint" for "st" and word order do not matter. In order of precedence:
 * <ol>
 *   <li>the exact name, or the same words in another order ("kemptown brighton"), or the same letters spaced
 *       differently ("westonsupermare", the source files' "Isleof Wight"): found, even when other names start
 *       with it ("Kingswood" is not confused with "Kingswood and ...");</li>
 *   <li>names in which every typed word starts a word: one such name is found ("old bexley sidcup",
 *       "weston"), several are ambiguous and listed ("birmingham");</li>
 *   <li>otherwise the names within a few typing slips of the query or of its words, as suggestions
 *       ("kingswod": Kingswood), best first.</li>
 * </ol>
 * A GSS code ("E14001316") finds its seat; so do the names newsrooms use ({@link SeatAliases}: "Western Isles",
 * "Anglesey", the Welsh names), and the county and compass shorthand is written out ("Mid Beds", "SW Herts") when the
 * words as typed find nothing. A seat's own name always comes first, so no alias can take it over.
 * Several seats (GSS codes) can share a name: a seat kept under old and new boundaries. They are found together,
 * and the name shown is the spelling of the first of them given to the constructor (the archive gives the newest
 * first, so today's spelling wins). Immutable, and safe to share between threads.
 */
public final class SeatDirectory {
    private static final int MAX_QUERY_LENGTH = 100;
    private static final int MAX_LISTED = 10;
    private static final int MAX_SUGGESTIONS = 5;
    private static final double MIN_SIMILARITY = 0.85;
    private static final int MIN_FUZZY_WORD_LENGTH = 4;
    private static final int MIN_SUBSTRING_LENGTH = 3;

    private record Entry(
            int index,
            String name,
            String normalised,
            String compact,
            String[] words,
            int[] characterCounts,
            List<Seat> seats) {}

    private record Scored(Entry entry, double score) {}

    /** Alphabetical by normalised name; an entry's index is its position here. */
    private final List<Entry> entries;

    private final Map<String, Entry> byNormalised = new HashMap<>();
    private final Map<String, Entry> bySortedWords = new HashMap<>();
    private final Map<String, Entry> byCompact = new HashMap<>();
    /** Every word of every name, with the entries whose names contain it. */
    private final NavigableMap<String, BitSet> entriesByWord = new TreeMap<>();

    private final LevenshteinDistance withinOneEdit = new LevenshteinDistance(1);
    private final LevenshteinDistance withinTwoEdits = new LevenshteinDistance(2);
    private final LevenshteinDistance withinThreeEdits = new LevenshteinDistance(3);
    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();
    private final SeatAliases aliases;
    private final Map<String, Entry> byGss = new HashMap<>();
    private final Map<String, Entry> byAlias = new HashMap<>();

    /** With the bundled aliases. */
    public SeatDirectory(Collection<Seat> seats) {
        this(seats, SeatAliases.bundled());
    }

    public SeatDirectory(Collection<Seat> seats, SeatAliases aliases) {
        this.aliases = aliases;
        Map<String, String> displayNames = new HashMap<>();
        Map<String, Map<String, Seat>> seatsByName = new TreeMap<>();
        for (Seat seat : seats) {
            String key = SeatNames.normalise(seat.name());
            if (!key.isEmpty()) {
                displayNames.putIfAbsent(key, seat.name());
                seatsByName.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(seat.gss(), seat);
            }
        }
        List<Entry> built = new ArrayList<>(seatsByName.size());
        seatsByName.forEach((key, byGss) -> built.add(new Entry(
                built.size(),
                displayNames.get(key),
                key,
                SeatNames.compact(key),
                SeatNames.words(key),
                characterCounts(SeatNames.compact(key)),
                List.copyOf(byGss.values()))));
        entries = List.copyOf(built);
        for (Entry entry : entries) {
            byNormalised.put(entry.normalised(), entry);
            bySortedWords.putIfAbsent(SeatNames.sortedWords(entry.normalised()), entry);
            byCompact.putIfAbsent(entry.compact(), entry);
            for (String word : entry.words()) {
                entriesByWord
                        .computeIfAbsent(word, w -> new BitSet(entries.size()))
                        .set(entry.index());
            }
            entry.seats().forEach(seat -> byGss.putIfAbsent(seat.gss(), entry));
        }
        aliases.seatNames().forEach((alias, target) -> {
            Entry entry = byGss.containsKey(target) ? byGss.get(target) : byNormalised.get(SeatNames.normalise(target));
            if (entry != null) {
                byAlias.put(alias, entry);
            }
        });
    }

    /** The seat for /result: found, ambiguous, suggestions for a typo, or not found. Never throws. */
    public SeatMatch find(String query) {
        Entry byCode = byGssCode(query);
        if (byCode != null) {
            return found(byCode);
        }
        String q = normaliseQuery(query);
        if (q.isEmpty()) {
            return new SeatMatch.NotFound();
        }
        Entry exact = exact(q);
        if (exact != null) {
            return found(exact);
        }
        String expanded = aliases.expand(q);
        exact = alias(q, expanded);
        if (exact != null) {
            return found(exact);
        }
        BitSet partial = containingAllWords(q);
        if (partial.isEmpty() && !expanded.equals(q)) {
            q = expanded;
            partial = containingAllWords(q);
        }
        int count = partial.cardinality();
        if (count == 1) {
            return found(entries.get(partial.nextSetBit(0)));
        }
        if (count > 1) {
            return new SeatMatch.Ambiguous(
                    ranked(partial, q).stream()
                            .limit(MAX_LISTED)
                            .map(Entry::name)
                            .toList(),
                    count);
        }
        List<Entry> close = closest(q, MAX_SUGGESTIONS);
        return close.isEmpty()
                ? new SeatMatch.NotFound()
                : new SeatMatch.Suggestions(close.stream().map(Entry::name).toList());
    }

    /**
     * Seat names for /seats, best first: the exact name, names starting with the text, names in which every typed
     * word starts a word, names containing the text anywhere ("borough"); if none, the closest names to a typo.
     */
    public List<String> search(String text, int limit) {
        Entry byCode = byGssCode(text);
        if (byCode != null && limit > 0) {
            return List.of(byCode.name());
        }
        String q = normaliseQuery(text);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        Set<Entry> matches = new LinkedHashSet<>();
        String expanded = aliases.expand(q);
        Entry exact = exact(q);
        if (exact == null) {
            exact = alias(q, expanded);
        }
        if (exact != null) {
            matches.add(exact);
        }
        BitSet partial = containingAllWords(q);
        if (partial.isEmpty() && !expanded.equals(q)) {
            q = expanded;
            partial = containingAllWords(q);
        }
        matches.addAll(ranked(partial, q));
        String compactQuery = SeatNames.compact(q);
        if (compactQuery.length() >= MIN_SUBSTRING_LENGTH) {
            entries.stream().filter(e -> e.compact().contains(compactQuery)).forEach(matches::add);
        }
        List<Entry> best = matches.isEmpty() ? closest(q, limit) : List.copyOf(matches);
        return best.stream().limit(limit).map(Entry::name).toList();
    }

    /** Every seat (GSS code) going by this name, whatever its boundaries, newest first; empty if none. */
    public List<Seat> seatsNamed(String displayName) {
        String q = normaliseQuery(displayName);
        Entry entry = q.isEmpty() ? null : byNormalised.getOrDefault(q, byCompact.get(SeatNames.compact(q)));
        return entry == null ? List.of() : entry.seats();
    }

    private static String normaliseQuery(String query) {
        return query == null || query.length() > MAX_QUERY_LENGTH ? "" : SeatNames.normalise(query);
    }

    private static SeatMatch found(Entry entry) {
        return new SeatMatch.Found(entry.name(), entry.seats());
    }

    private Entry byGssCode(String query) {
        if (query == null) {
            return null;
        }
        String code = query.strip();
        return code.length() == 9 && code.matches("[EeNnSsWw]\\d{8}")
                ? byGss.get(code.toUpperCase(java.util.Locale.ROOT))
                : null;
    }

    /** Another name for a seat, as typed or with its shorthand written out ("mid beds", "western isles"). */
    private Entry alias(String q, String expanded) {
        Entry entry = byAlias.get(q);
        if (entry == null && !expanded.equals(q)) {
            entry = exact(expanded);
            if (entry == null) {
                entry = byAlias.get(expanded);
            }
        }
        return entry;
    }

    private Entry exact(String q) {
        Entry entry = byNormalised.get(q);
        if (entry == null) {
            entry = bySortedWords.get(SeatNames.sortedWords(q));
        }
        if (entry == null) {
            entry = byCompact.get(SeatNames.compact(q));
        }
        return entry;
    }

    /** Entries in whose names every typed word starts a word ("birm" fits every Birmingham seat). */
    private BitSet containingAllWords(String q) {
        BitSet result = null;
        for (String typed : SeatNames.words(q)) {
            BitSet withWord = new BitSet(entries.size());
            wordsStartingWith(typed).values().forEach(withWord::or);
            if (result == null) {
                result = withWord;
            } else {
                result.and(withWord);
            }
            if (result.isEmpty()) {
                break;
            }
        }
        return result == null ? new BitSet() : result;
    }

    private NavigableMap<String, BitSet> wordsStartingWith(String prefix) {
        return entriesByWord.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** Names that start with the query first ("birmingham ..." before "... birmingham"), then alphabetical. */
    private List<Entry> ranked(BitSet matches, String q) {
        List<Entry> startingWithQuery = new ArrayList<>();
        List<Entry> others = new ArrayList<>();
        for (int i = matches.nextSetBit(0); i >= 0; i = matches.nextSetBit(i + 1)) {
            Entry entry = entries.get(i);
            (entry.normalised().startsWith(q) ? startingWithQuery : others).add(entry);
        }
        startingWithQuery.addAll(others);
        return startingWithQuery;
    }

    /**
     * Names within a few typing slips of the query, closest first. A name scores on the whole (Jaro-Winkler, or a
     * Levenshtein distance of at most three, ignoring spaces) or word by word, when every typed word starts a word
     * of the name or is one or two slips from one ("ynys mone", "wellingborogh").
     */
    private List<Entry> closest(String q, int limit) {
        String[] typed = SeatNames.words(q);
        double[][] wordSimilarity = new double[typed.length][];
        for (int i = 0; i < typed.length; i++) {
            wordSimilarity[i] = wordSimilarity(typed[i]);
        }
        String compactQuery = SeatNames.compact(q);
        int lengthSlack = Math.max(3, compactQuery.length() / 4);
        int[] queryCounts = characterCounts(compactQuery);
        List<Scored> scored = new ArrayList<>();
        for (Entry entry : entries) {
            double score = wordByWordScore(entry, wordSimilarity);
            // Lengths far apart cannot be a slip of typing; skipping them keeps the scan well under a millisecond.
            if (Math.abs(entry.compact().length() - compactQuery.length()) <= lengthSlack) {
                score = Math.max(score, wholeNameScore(compactQuery, queryCounts, entry));
            }
            if (score >= MIN_SIMILARITY) {
                scored.add(new Scored(entry, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score)
                .reversed()
                .thenComparing(s -> s.entry().normalised()));
        return scored.stream().limit(limit).map(Scored::entry).toList();
    }

    /**
     * Jaro-Winkler similarity, or 1 - d/10 for a Levenshtein distance d of at most 3, whichever is higher. The
     * characters the two share bound both from above, so most names are ruled out by counting letters alone: Jaro
     * needs at least the threshold's worth of shared characters, and each missing one costs an edit.
     */
    private double wholeNameScore(String compactQuery, int[] queryCounts, Entry entry) {
        String name = entry.compact();
        int shared = sharedCharacters(queryCounts, entry.characterCounts());
        double score = 0;
        // Commons Text's Jaro-Winkler is at most jaro + 0.4 * (1 - jaro), and jaro at most (m/a + m/b + 1) / 3.
        double jaroBound = ((double) shared / compactQuery.length() + (double) shared / name.length() + 1) / 3;
        if (jaroBound + 0.4 * (1 - jaroBound) >= MIN_SIMILARITY) {
            score = jaroWinkler.apply(compactQuery, name);
        }
        if (Math.max(compactQuery.length(), name.length()) - shared <= 3) {
            int distance = withinThreeEdits.apply(compactQuery, name);
            if (distance >= 0) {
                score = Math.max(score, 1.0 - distance / 10.0);
            }
        }
        return score;
    }

    /** How often each letter and digit occurs, for {@link #sharedCharacters}. */
    private static int[] characterCounts(String compact) {
        int[] counts = new int[36];
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            counts[c >= 'a' ? c - 'a' : 26 + c - '0']++;
        }
        return counts;
    }

    private static int sharedCharacters(int[] a, int[] b) {
        int shared = 0;
        for (int i = 0; i < a.length; i++) {
            shared += Math.min(a[i], b[i]);
        }
        return shared;
    }

    /** For each entry, how well its best word fits this typed word: 1 for a prefix, less per slip, 0 for none. */
    private double[] wordSimilarity(String typed) {
        double[] similarity = new double[entries.size()];
        wordsStartingWith(typed).values().forEach(bits -> bits.stream().forEach(i -> similarity[i] = 1.0));
        // A word that is in some seat name was typed as meant ("runcorn" in "runcorn and helsbey"): no slips to seek.
        if (typed.length() < MIN_FUZZY_WORD_LENGTH || entriesByWord.containsKey(typed)) {
            return similarity;
        }
        int maxEdits = typed.length() >= 8 ? 2 : 1;
        LevenshteinDistance levenshtein = maxEdits == 1 ? withinOneEdit : withinTwoEdits;
        for (Map.Entry<String, BitSet> word : entriesByWord.entrySet()) {
            String candidate = word.getKey();
            if (Math.abs(candidate.length() - typed.length()) > maxEdits) {
                continue;
            }
            int distance = levenshtein.apply(typed, candidate);
            if (distance > 0) {
                double value = 1.0 - (double) distance / typed.length();
                word.getValue().stream().forEach(i -> similarity[i] = Math.max(similarity[i], value));
            }
        }
        return similarity;
    }

    /**
     * Between 0.75 and 0.9 when every typed word fits a word of the name, higher for closer words and for names
     * with fewer words left unmatched; 0 otherwise.
     */
    private static double wordByWordScore(Entry entry, double[][] wordSimilarity) {
        double sum = 0;
        for (double[] similarity : wordSimilarity) {
            double value = similarity[entry.index()];
            if (value == 0) {
                return 0;
            }
            sum += value;
        }
        double coverage = Math.min(1.0, (double) wordSimilarity.length / entry.words().length);
        return 0.75 + 0.1 * sum / wordSimilarity.length + 0.05 * coverage;
    }
}
