package org.resultsdesk.core.announce;

import java.util.Locale;
import java.util.Map;
import org.resultsdesk.core.model.Party;

/**
 * How the house style names a party: {@code label} in result tables (LAB), {@code abbreviation} in swings and winner
 * lines (Lab; the label itself for RUK, WPB and BRX, so a party is never "Reform" in one place and "RUK" in
 * another), {@code name} as noun and adjective (Labour GAIN; a Labour majority), {@code collective} in "a swing from
 * the Conservatives to Labour", and {@code possessive} leading a news sentence ("Labour's Damien Egan").
 */
public record PartyStyle(String label, String abbreviation, String name, String collective, String possessive) {

    private static final Map<String, PartyStyle> KNOWN = Map.ofEntries(
            Map.entry("Con", new PartyStyle("CON", "Con", "Conservative", "the Conservatives", "the Conservatives'")),
            Map.entry("Lab", new PartyStyle("LAB", "Lab", "Labour", "Labour", "Labour's")),
            Map.entry(
                    "LD",
                    new PartyStyle("LD", "LD", "Liberal Democrat", "the Liberal Democrats", "the Liberal Democrats'")),
            Map.entry("RUK", new PartyStyle("RUK", "RUK", "Reform UK", "Reform UK", "Reform UK's")),
            Map.entry("BRX", new PartyStyle("BRX", "BRX", "Brexit Party", "the Brexit Party", "the Brexit Party's")),
            Map.entry("Green", new PartyStyle("GRN", "Green", "Green", "the Greens", "the Green Party's")),
            Map.entry("SNP", new PartyStyle("SNP", "SNP", "SNP", "the SNP", "the SNP's")),
            Map.entry("PC", new PartyStyle("PC", "PC", "Plaid Cymru", "Plaid Cymru", "Plaid Cymru's")),
            Map.entry("DUP", new PartyStyle("DUP", "DUP", "DUP", "the DUP", "the DUP's")),
            Map.entry("UUP", new PartyStyle("UUP", "UUP", "UUP", "the UUP", "the UUP's")),
            Map.entry("SF", new PartyStyle("SF", "SF", "Sinn Féin", "Sinn Féin", "Sinn Féin's")),
            Map.entry("SDLP", new PartyStyle("SDLP", "SDLP", "SDLP", "the SDLP", "the SDLP's")),
            Map.entry("APNI", new PartyStyle("ALL", "Alliance", "Alliance", "Alliance", "Alliance's")),
            Map.entry(
                    "PBPA",
                    new PartyStyle(
                            "PBPA", "PBPA", "People Before Profit", "People Before Profit", "People Before Profit's")),
            Map.entry("UKIP", new PartyStyle("UKIP", "UKIP", "UKIP", "UKIP", "UKIP's")),
            Map.entry("WPB", new PartyStyle("WPB", "WPB", "Workers Party", "the Workers Party", "the Workers Party's")),
            Map.entry("Spk", new PartyStyle("SPK", "Speaker", "Speaker", "the Speaker", "Speaker")),
            Map.entry("Ind", new PartyStyle("IND", "Ind", "Independent", "an independent", "independent")));

    public static PartyStyle of(String code) {
        PartyStyle known = KNOWN.get(code);
        if (known != null) {
            return known;
        }
        String label = code.toUpperCase(Locale.ROOT);
        return new PartyStyle(label.length() > 5 ? label.substring(0, 5) : label, code, code, code, code + "'s");
    }

    /** Known parties by the house style; any other by the name it stood under. */
    public static PartyStyle of(Party party) {
        if (KNOWN.containsKey(party.code())) {
            return KNOWN.get(party.code());
        }
        String name = party.name().strip();
        return new PartyStyle(of(party.code()).label(), party.code(), name, name, name + "'s");
    }
}
