package org.resultsdesk.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.port.SourceMarks;

public final class JdbiSourceMarks implements SourceMarks {
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiSourceMarks(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    @Override
    public Optional<Instant> highWater(String source) {
        return jdbi.withHandle(h -> h.createQuery("SELECT high_water FROM source_marks WHERE source = :source")
                .bind("source", source)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    @Override
    public void keepHighWater(String source, Instant mark) {
        jdbi.useTransaction(h -> {
            int moved = h.createUpdate("UPDATE source_marks SET high_water = :mark, updated_at = :now"
                            + " WHERE source = :source AND high_water < :mark")
                    .bind("source", source)
                    .bind("mark", mark.toEpochMilli())
                    .bind("now", clock.millis())
                    .execute();
            if (moved == 0) {
                h.createUpdate("INSERT INTO source_marks (source, high_water, updated_at)"
                                + " VALUES (:source, :mark, :now) ON CONFLICT DO NOTHING")
                        .bind("source", source)
                        .bind("mark", mark.toEpochMilli())
                        .bind("now", clock.millis())
                        .execute();
            }
        });
    }
}
