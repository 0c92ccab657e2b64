package org.resultsdesk.core.seats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.Ward;

/**
 * Wards (and county divisions) by what a reporter types. Ward names repeat across councils, so a ward is found:
 * <ul>
 *   <li>by ONS code ({@code E05015927});
 *   <li>by name and council, with a comma or without ("abbey, buckinghamshire", "abbey bucks", "abbey
 *       buckinghamshire council"): the council part is read by {@link CouncilDirectory};
 *   <li>by a name that only one council has.
 * </ul>
 * A name several councils have is {@link WardMatch.Ambiguous}, with the councils to choose from. Lookups are hash
 * lookups on normalised names; only a miss inside a named council compares spellings.
 */
public final class WardDirectory {
    private static final Pattern WARD_CODE = Pattern.compile("[EWSN]\\d{8}");

    private final CouncilDirectory councils;
    private final Map<String, Ward> byCode = new LinkedHashMap<>();
    private final Map<String, List<Ward>> byName = new LinkedHashMap<>();
    private final Map<String, Map<String, Ward>> byCouncilAndName = new LinkedHashMap<>();
    private final LevenshteinDistance withinThreeEdits = new LevenshteinDistance(3);

    /** @param wards newest spelling first: the first ward met for a code and council is the one kept */
    public WardDirectory(Collection<Ward> wards, CouncilDirectory councils) {
        this.councils = councils;
        for (Ward w : wards) {
            String key = SeatNames.normalise(w.name());
            Map<String, Ward> inCouncil =
                    byCouncilAndName.computeIfAbsent(w.council().onsCode(), k -> new LinkedHashMap<>());
            if (inCouncil.containsKey(key)) {
                continue;
            }
            boolean codeSeen = byCode.containsKey(w.onsCode())
                    && byCode.get(w.onsCode()).council().equals(w.council());
            inCouncil.put(key, w);
            if (!codeSeen) {
                byCode.putIfAbsent(w.onsCode(), w);
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
            }
        }
    }

    public CouncilDirectory councils() {
        return councils;
    }

    public WardMatch find(String query) {
        String text = query.strip();
        if (WARD_CODE.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
            Ward ward = byCode.get(text.toUpperCase(Locale.ROOT));
            return ward == null ? new WardMatch.NotFound() : new WardMatch.Found(ward);
        }
        int comma = text.indexOf(',');
        if (comma >= 0) {
            return inCouncil(text.substring(0, comma), text.substring(comma + 1));
        }
        String whole = SeatNames.normalise(text);
        String[] words = SeatNames.words(whole);
        // "abbey buckinghamshire": the longest ward name that leaves a council behind it
        for (int split = words.length - 1; split >= 1; split--) {
            String wardPart = String.join(" ", java.util.Arrays.copyOfRange(words, 0, split));
            String councilPart = String.join(" ", java.util.Arrays.copyOfRange(words, split, words.length));
            if (!byName.containsKey(wardPart)) {
                continue;
            }
            CouncilDirectory.Match council = councils.find(councilPart);
            if (council instanceof CouncilDirectory.Match.Found found) {
                Ward ward = wardIn(found.council(), wardPart);
                if (ward != null) {
                    return new WardMatch.Found(ward);
                }
            }
        }
        List<Ward> named = byName.getOrDefault(whole, List.of());
        if (named.size() == 1) {
            return new WardMatch.Found(named.get(0));
        }
        if (named.size() > 1) {
            return new WardMatch.Ambiguous(named.get(0).name(), sorted(named));
        }
        return new WardMatch.NotFound();
    }

    /** The wards this council has on file, by name. */
    public List<Ward> wardsOf(Council council) {
        return sorted(byCouncilAndName.getOrDefault(council.onsCode(), Map.of()).values());
    }

    private WardMatch inCouncil(String wardText, String councilText) {
        String wardPart = SeatNames.normalise(wardText);
        CouncilDirectory.Match council = councils.find(councilText);
        if (council instanceof CouncilDirectory.Match.Found found) {
            Ward ward = wardIn(found.council(), wardPart);
            return ward != null
                    ? new WardMatch.Found(ward)
                    : new WardMatch.NotInCouncil(found.council(), closest(found.council(), wardPart));
        }
        if (council instanceof CouncilDirectory.Match.Ambiguous ambiguous) {
            List<Council> having = ambiguous.councils().stream()
                    .filter(c -> wardIn(c, wardPart) != null)
                    .toList();
            if (having.size() == 1) {
                return new WardMatch.Found(wardIn(having.get(0), wardPart));
            }
            return new WardMatch.CouncilAmbiguous(wardText.strip(), having.isEmpty() ? ambiguous.councils() : having);
        }
        List<Ward> named = byName.getOrDefault(wardPart, List.of());
        if (named.size() == 1) {
            return new WardMatch.Found(named.get(0));
        }
        return named.size() > 1
                ? new WardMatch.Ambiguous(named.get(0).name(), sorted(named))
                : new WardMatch.NotFound();
    }

    private Ward wardIn(Council council, String normalisedName) {
        return byCouncilAndName.getOrDefault(council.onsCode(), Map.of()).get(normalisedName);
    }

    private List<Ward> closest(Council council, String normalisedName) {
        return byCouncilAndName.getOrDefault(council.onsCode(), Map.of()).entrySet().stream()
                .filter(e -> e.getKey().startsWith(normalisedName)
                        || withinThreeEdits.apply(e.getKey(), normalisedName) >= 0)
                .map(Map.Entry::getValue)
                .limit(5)
                .toList();
    }

    private static List<Ward> sorted(Collection<Ward> wards) {
        return wards.stream()
                .sorted(Comparator.comparing((Ward w) -> w.council().name()).thenComparing(Ward::name))
                .toList();
    }
}
