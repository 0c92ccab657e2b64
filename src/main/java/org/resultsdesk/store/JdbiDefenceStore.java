package org.resultsdesk.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.DefenceSetting;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.port.DefenceStore;

public final class JdbiDefenceStore implements DefenceStore {
    private final Jdbi jdbi;

    public JdbiDefenceStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void set(DefenceSetting setting) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO byelection_defences (ballot_id, party_code, party_name, set_by,"
                        + " set_at) VALUES (:ballot, :code, :name, :by, :at) ON CONFLICT (ballot_id) DO UPDATE SET"
                        + " party_code = excluded.party_code, party_name = excluded.party_name,"
                        + " set_by = excluded.set_by, set_at = excluded.set_at")
                .bind("ballot", setting.ballot().toString())
                .bind("code", setting.party().code())
                .bind("name", setting.party().name())
                .bind("by", setting.setBy())
                .bind("at", setting.at().toEpochMilli())
                .execute());
    }

    @Override
    public boolean clear(BallotId ballot) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM byelection_defences WHERE ballot_id = :ballot")
                        .bind("ballot", ballot.toString())
                        .execute())
                > 0;
    }

    @Override
    public Optional<DefenceSetting> find(BallotId ballot) {
        return jdbi.withHandle(h -> h.createQuery("SELECT party_code, party_name, set_by, set_at FROM"
                        + " byelection_defences WHERE ballot_id = :ballot")
                .bind("ballot", ballot.toString())
                .map((rs, ctx) -> new DefenceSetting(
                        ballot,
                        new Party(rs.getString("party_code"), rs.getString("party_name")),
                        rs.getString("set_by"),
                        Instant.ofEpochMilli(rs.getLong("set_at"))))
                .findOne());
    }
}
