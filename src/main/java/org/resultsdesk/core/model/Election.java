package org.resultsdesk.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An election in Democracy Club style: {@code parl.2024-07-04} for a general election,
 * {@code parl.kingswood.by.2024-02-15} for a by-election.
 */
public record Election(String id, ElectionKind kind, LocalDate date) {
    public Election {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
    }

    public boolean isGeneral() {
        return kind == ElectionKind.GENERAL;
    }
}
