package org.resultsdesk.store;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.port.UpdateLedger;

public final class JdbiUpdateLedger implements UpdateLedger {
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiUpdateLedger(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(ChatContext.Platform platform, String updateId) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO processed_updates (platform, update_id, seen_at)"
                                + " VALUES (:platform, :id, :at) ON CONFLICT DO NOTHING")
                        .bind("platform", platform.name())
                        .bind("id", updateId)
                        .bind("at", clock.millis())
                        .execute())
                == 1;
    }
}
