package org.resultsdesk.core.model;

import java.util.Objects;

/** A constituency on one set of boundaries, identified by its GSS code; the name is data, never an id. */
public record Seat(String gss, String name, String region, String country) {
    public Seat {
        Objects.requireNonNull(gss, "gss");
        Objects.requireNonNull(name, "name");
        region = region == null ? "" : region;
        country = country == null ? "" : country;
        if (!gss.matches("[ENSW]\\d{8}")) {
            throw new IllegalArgumentException("not a GSS code: " + gss);
        }
    }
}
