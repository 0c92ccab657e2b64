package org.resultsdesk.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.port.ButtonCommands;

public final class JdbiButtonCommands implements ButtonCommands {
    private final Jdbi jdbi;

    public JdbiButtonCommands(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void remember(String ref, String command, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO button_commands (ref, command, last_shown)"
                                + " VALUES (:ref, :command, :at) ON CONFLICT (ref) DO UPDATE SET last_shown = excluded.last_shown")
                .bind("ref", ref)
                .bind("command", command)
                .bind("at", at.toEpochMilli())
                .execute());
    }

    @Override
    public Optional<String> command(String ref) {
        return jdbi.withHandle(h -> h.createQuery("SELECT command FROM button_commands WHERE ref = :ref")
                .bind("ref", ref)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public int forgetShownBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM button_commands WHERE last_shown < :before")
                .bind("before", before.toEpochMilli())
                .execute());
    }
}
