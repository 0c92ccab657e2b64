package org.resultsdesk.core.cards;

import java.util.Map;

/**
 * The colours the UK's results graphics use for each party, as RGB hex. Colour is never the only label: every bar
 * and line also carries the party's name or abbreviation.
 */
public final class PartyColours {
    public static final String OTHER = "#9E9E9E";

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("Con", "#0087DC"),
            Map.entry("Lab", "#E4003B"),
            Map.entry("LD", "#FAA61A"),
            Map.entry("RUK", "#12B6CF"),
            Map.entry("BRX", "#12B6CF"),
            Map.entry("Green", "#02A95B"),
            Map.entry("SNP", "#FDF38E"),
            Map.entry("PC", "#005B54"),
            Map.entry("DUP", "#D46A4C"),
            Map.entry("UUP", "#48A5EE"),
            Map.entry("SF", "#326760"),
            Map.entry("SDLP", "#2AA82C"),
            Map.entry("APNI", "#F6CB2F"),
            Map.entry("UKIP", "#6D3177"),
            Map.entry("WPB", "#9B1B30"),
            Map.entry("TUV", "#0C3A6A"),
            Map.entry("Spk", "#404040"),
            Map.entry("Ind", "#DDDDDD"));

    private PartyColours() {}

    /** "#E4003B" for Labour; a neutral grey for parties without a colour of their own. */
    public static String of(String partyCode) {
        return KNOWN.getOrDefault(partyCode, OTHER);
    }
}
