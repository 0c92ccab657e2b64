package org.resultsdesk.core.model;

import java.util.Objects;

/**
 * A principal council (Democracy Club's organisation), identified by its ONS code ({@code E10000016} Kent); its
 * name is data ("Kent"), its type follows from the code, its slug is the organisation part of a ballot id.
 */
public record Council(String onsCode, String name) {
    public Council {
        Objects.requireNonNull(onsCode, "onsCode");
        Objects.requireNonNull(name, "name");
        if (!onsCode.matches("[ENSW]\\d{8}")) {
            throw new IllegalArgumentException("not a GSS code: " + onsCode);
        }
        CouncilType.ofCode(onsCode);
        if (name.isBlank()) {
            throw new IllegalArgumentException("council " + onsCode + " has no name");
        }
    }

    public CouncilType type() {
        return CouncilType.ofCode(onsCode);
    }

    public Nation nation() {
        return Nation.ofGss(onsCode);
    }

    /** The organisation slug in ballot ids: "kent", "north-northamptonshire". */
    public String slug() {
        return BallotId.slug(name);
    }

    /** "Kent County Council", "Buckinghamshire Council". */
    public String fullName() {
        return name + " " + type().suffix();
    }
}
