package org.resultsdesk.core.calc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.seats.DataResource;

/**
 * Decides when two ballot entries are "the same party" across elections. Renamed parties are data, in
 * {@code data/party-continuity.tsv} (Reform UK is the Brexit Party renamed, as the Commons Library treats it);
 * independents are only the same when the same person stands again.
 */
public final class PartyContinuity {
    static final String RESOURCE = "/data/party-continuity.tsv";
    private static final Map<String, String> RENAMED = load();

    private PartyContinuity() {}

    public static String key(Party party, String candidateName) {
        if (party.isIndependent()) {
            return "Ind:" + candidateName.strip().toLowerCase(Locale.ROOT);
        }
        return RENAMED.getOrDefault(party.code(), party.code());
    }

    public static boolean same(Party a, String nameA, Party b, String nameB) {
        return key(a, nameA).equals(key(b, nameB));
    }

    /** Earlier party code to the code it continues as, in the order of the data file. */
    public static Map<String, String> renamed() {
        return RENAMED;
    }

    private static Map<String, String> load() {
        Map<String, String> renamed = new LinkedHashMap<>();
        DataResource.rows(RESOURCE).forEach(f -> renamed.put(f[0], f[1]));
        return Collections.unmodifiableMap(renamed);
    }
}
