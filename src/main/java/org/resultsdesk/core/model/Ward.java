package org.resultsdesk.core.model;

import java.util.Objects;

/**
 * An electoral area of a council on one set of boundaries: a ward (E05, W05, ...) or, in a county council, an
 * electoral division (E58). Its ONS code changes at a boundary review, so results are compared only on the same code;
 * the name is data, never an id.
 */
public record Ward(String onsCode, String name, Council council) {
    public Ward {
        Objects.requireNonNull(onsCode, "onsCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(council, "council");
        if (!onsCode.matches("[ENSW]\\d{8}")) {
            throw new IllegalArgumentException("not a GSS code: " + onsCode);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("ward " + onsCode + " has no name");
        }
    }

    /** "division" for a county council's electoral division, else "ward". */
    public String areaWord() {
        return council.type().areaWord();
    }

    /** "Abbey, Buckinghamshire": the ward with its council, for lists and buttons. */
    public String label() {
        return name + ", " + council.name();
    }
}
