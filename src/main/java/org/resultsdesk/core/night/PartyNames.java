package org.resultsdesk.core.night;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A party as a reporter types it ("Lab", "Labour", "Ref", "Reform UK", "Tories", "Lib Dems") to its party key. */
public final class PartyNames {
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("con", "Con"),
            Map.entry("conservative", "Con"),
            Map.entry("conservatives", "Con"),
            Map.entry("tory", "Con"),
            Map.entry("tories", "Con"),
            Map.entry("lab", "Lab"),
            Map.entry("labour", "Lab"),
            Map.entry("ld", "LD"),
            Map.entry("libdem", "LD"),
            Map.entry("libdems", "LD"),
            Map.entry("liberaldemocrat", "LD"),
            Map.entry("liberaldemocrats", "LD"),
            Map.entry("ref", "RUK"),
            Map.entry("reform", "RUK"),
            Map.entry("reformuk", "RUK"),
            Map.entry("ruk", "RUK"),
            Map.entry("brexit", "RUK"),
            Map.entry("brx", "RUK"),
            Map.entry("green", "Green"),
            Map.entry("greens", "Green"),
            Map.entry("grn", "Green"),
            Map.entry("snp", "SNP"),
            Map.entry("pc", "PC"),
            Map.entry("plaid", "PC"),
            Map.entry("plaidcymru", "PC"),
            Map.entry("sf", "SF"),
            Map.entry("sinnfein", "SF"),
            Map.entry("sinnféin", "SF"),
            Map.entry("alliance", "APNI"),
            Map.entry("all", "APNI"),
            Map.entry("apni", "APNI"));

    private PartyNames() {}

    /** The party key for what was typed: a known name, else any key in {@code known} spelt the same. */
    public static Optional<String> key(String typed, Collection<String> known) {
        String squashed = typed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        if (KEYS.containsKey(squashed)) {
            return Optional.of(KEYS.get(squashed));
        }
        return known.stream()
                .filter(k -> !k.startsWith("Ind:"))
                .filter(k -> k.toLowerCase(Locale.ROOT).equals(squashed))
                .findFirst();
    }
}
