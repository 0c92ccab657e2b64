package org.resultsdesk.core.model;

/** The UK nation an area lies in, read from the first letter of its GSS code. */
public enum Nation {
    ENGLAND,
    WALES,
    SCOTLAND,
    NORTHERN_IRELAND;

    public static Nation ofGss(String gss) {
        return switch (gss.charAt(0)) {
            case 'E' -> ENGLAND;
            case 'W' -> WALES;
            case 'S' -> SCOTLAND;
            case 'N' -> NORTHERN_IRELAND;
            default -> throw new IllegalArgumentException("not a GSS code: " + gss);
        };
    }
}
