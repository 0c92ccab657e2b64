package org.resultsdesk.core.model;

/**
 * The kind of principal council, read from its ONS code's entity prefix: E10 county council, E07 district, E06
 * unitary, E08 metropolitan borough, E09 London borough, W06 Welsh principal area, S12 Scottish council area, N09
 * Northern Irish district.
 */
public enum CouncilType {
    COUNTY("County Council", "division"),
    DISTRICT("Council", "ward"),
    UNITARY("Council", "ward"),
    METROPOLITAN_BOROUGH("Council", "ward"),
    LONDON_BOROUGH("Council", "ward"),
    WELSH_PRINCIPAL("Council", "ward"),
    SCOTTISH("Council", "ward"),
    NORTHERN_IRISH("Council", "district electoral area");

    private final String suffix;
    private final String areaWord;

    CouncilType(String suffix, String areaWord) {
        this.suffix = suffix;
        this.areaWord = areaWord;
    }

    /** What follows the council's name in copy: "Kent County Council", "Buckinghamshire Council". */
    public String suffix() {
        return suffix;
    }

    /** What this council's electoral areas are called: "division" in a county, "ward" elsewhere. */
    public String areaWord() {
        return areaWord;
    }

    public static CouncilType ofCode(String onsCode) {
        return switch (onsCode.substring(0, 3)) {
            case "E10" -> COUNTY;
            case "E07" -> DISTRICT;
            case "E06" -> UNITARY;
            case "E08" -> METROPOLITAN_BOROUGH;
            case "E09" -> LONDON_BOROUGH;
            case "W06" -> WELSH_PRINCIPAL;
            case "S12" -> SCOTTISH;
            case "N09" -> NORTHERN_IRISH;
            default -> throw new IllegalArgumentException("not a principal council code: " + onsCode);
        };
    }
}
