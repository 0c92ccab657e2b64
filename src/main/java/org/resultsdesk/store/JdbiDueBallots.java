package org.resultsdesk.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.DueBallot;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.DueBallots;

/** The ballots due, with their candidates in the order the source listed them. */
public final class JdbiDueBallots implements DueBallots {
    private final Jdbi jdbi;

    public JdbiDueBallots(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void replace(LocalDate from, LocalDate to, List<DueBallot> ballots) {
        for (DueBallot b : ballots) {
            LocalDate day = b.ballot().date();
            if (day.isBefore(from) || day.isAfter(to)) {
                throw new IllegalArgumentException(b.ballot() + " polls outside " + from + " to " + to);
            }
        }
        jdbi.useTransaction(h -> {
            String span = "SELECT ballot_id FROM due_ballots WHERE poll_date >= :from AND poll_date <= :to";
            h.createUpdate("DELETE FROM due_ballot_candidates WHERE ballot_id IN (" + span + ")")
                    .bind("from", from.toString())
                    .bind("to", to.toString())
                    .execute();
            h.createUpdate("DELETE FROM due_ballots WHERE poll_date >= :from AND poll_date <= :to")
                    .bind("from", from.toString())
                    .bind("to", to.toString())
                    .execute();
            for (DueBallot b : ballots) {
                String id = b.ballot().toString();
                // A ballot moved to another day is listed under its new one only.
                h.createUpdate("DELETE FROM due_ballot_candidates WHERE ballot_id = :id")
                        .bind("id", id)
                        .execute();
                h.createUpdate("DELETE FROM due_ballots WHERE ballot_id = :id")
                        .bind("id", id)
                        .execute();
                h.createUpdate("INSERT INTO due_ballots (ballot_id, poll_date, council_code, council_name, ward_code,"
                                + " ward_name, seats) VALUES (:id, :day, :councilCode, :councilName, :wardCode,"
                                + " :wardName, :seats)")
                        .bind("id", id)
                        .bind("day", b.ballot().date().toString())
                        .bind("councilCode", b.ward().council().onsCode())
                        .bind("councilName", b.ward().council().name())
                        .bind("wardCode", b.ward().onsCode())
                        .bind("wardName", b.ward().name())
                        .bind("seats", b.seats())
                        .execute();
                int position = 0;
                for (DueBallot.Nominee n : b.candidates()) {
                    h.createUpdate("INSERT INTO due_ballot_candidates (ballot_id, position, name, party_code,"
                                    + " party_name) VALUES (:id, :position, :name, :code, :party)")
                            .bind("id", id)
                            .bind("position", position++)
                            .bind("name", n.name())
                            .bind("code", n.party().code())
                            .bind("party", n.party().name())
                            .execute();
                }
            }
        });
    }

    @Override
    public List<DueBallot> dueBetween(LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> {
            Map<String, List<DueBallot.Nominee>> nominees = new LinkedHashMap<>();
            h.createQuery("SELECT c.ballot_id, c.name, c.party_code, c.party_name FROM due_ballot_candidates c"
                            + " JOIN due_ballots b ON b.ballot_id = c.ballot_id"
                            + " WHERE b.poll_date >= :from AND b.poll_date <= :to ORDER BY c.ballot_id, c.position")
                    .bind("from", from.toString())
                    .bind("to", to.toString())
                    .map((rs, ctx) -> {
                        nominees.computeIfAbsent(rs.getString("ballot_id"), k -> new ArrayList<>())
                                .add(new DueBallot.Nominee(
                                        rs.getString("name"),
                                        new Party(rs.getString("party_code"), rs.getString("party_name"))));
                        return 0;
                    })
                    .list();
            return h.createQuery("SELECT ballot_id, council_code, council_name, ward_code, ward_name, seats"
                            + " FROM due_ballots WHERE poll_date >= :from AND poll_date <= :to"
                            + " ORDER BY poll_date, council_name, ward_name, ballot_id")
                    .bind("from", from.toString())
                    .bind("to", to.toString())
                    .map((rs, ctx) -> new DueBallot(
                            BallotId.parse(rs.getString("ballot_id")).orElseThrow(),
                            new Ward(
                                    rs.getString("ward_code"),
                                    rs.getString("ward_name"),
                                    new Council(rs.getString("council_code"), rs.getString("council_name"))),
                            rs.getInt("seats"),
                            nominees.getOrDefault(rs.getString("ballot_id"), List.of())))
                    .list();
        });
    }
}
