package org.resultsdesk.feeds;

import java.util.Map;
import org.resultsdesk.core.model.Party;

/** PA's party abbreviations in our canonical codes (the Commons Library's): C is Con, Lab Co-op is Lab, and so on. */
final class PaParties {
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("C", "Con"),
            Map.entry("Con", "Con"),
            Map.entry("Lab", "Lab"),
            Map.entry("Lab Co-op", "Lab"),
            Map.entry("Lab Coop", "Lab"),
            Map.entry("LD", "LD"),
            Map.entry("Green", "Green"),
            Map.entry("Grn", "Green"),
            Map.entry("Reform", "RUK"),
            Map.entry("Ref", "RUK"),
            Map.entry("RUK", "RUK"),
            Map.entry("Reform UK", "RUK"),
            Map.entry("Brexit", "BRX"),
            Map.entry("BRX", "BRX"),
            Map.entry("Speaker", "Spk"),
            Map.entry("The Speaker", "Spk"),
            Map.entry("Spk", "Spk"),
            Map.entry("Ind", "Ind"),
            Map.entry("Alliance", "APNI"),
            Map.entry("SNP", "SNP"),
            Map.entry("PC", "PC"),
            Map.entry("DUP", "DUP"),
            Map.entry("SF", "SF"),
            Map.entry("SDLP", "SDLP"),
            Map.entry("UUP", "UUP"),
            Map.entry("UKIP", "UKIP"),
            Map.entry("Eng Dem", "ED"));

    private PaParties() {}

    static Party party(String abbreviation, String name) {
        String code = CODES.getOrDefault(abbreviation.strip(), abbreviation.strip());
        return new Party(code, name == null || name.isBlank() ? abbreviation : name.strip());
    }
}
