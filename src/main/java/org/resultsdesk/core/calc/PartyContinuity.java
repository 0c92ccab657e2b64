package org.resultsdesk.core.calc;

import java.util.Locale;
import java.util.Map;
import org.resultsdesk.core.model.Party;

/**
 * Decides when two ballot entries are "the same party" across elections. Reform UK is the Brexit Party renamed, as
 * the Commons Library treats it; independents are only the same when the same person stands again.
 */
public final class PartyContinuity {
    private static final Map<String, String> RENAMED = Map.of("BRX", "RUK");

    private PartyContinuity() {
    }

    public static String key(Party party, String candidateName) {
        if (party.isIndependent()) {
            return "Ind:" + candidateName.strip().toLowerCase(Locale.ROOT);
        }
        return RENAMED.getOrDefault(party.code(), party.code());
    }

    public static boolean same(Party a, String nameA, Party b, String nameB) {
        return key(a, nameA).equals(key(b, nameB));
    }
}
