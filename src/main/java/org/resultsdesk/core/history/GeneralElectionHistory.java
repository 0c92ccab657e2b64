package org.resultsdesk.core.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.resultsdesk.core.seats.DataResource;
import org.resultsdesk.core.seats.SeatNames;

/**
 * Who won each seat at each general election 1918-2019, by party group (Con, Lib, Lab, Nat for the SNP and Plaid
 * Cymru, Oth), from the Commons Library's constituency file (bundled as {@code data/history-1918-2019.tsv}). Read on
 * first use, not at start-up. Before 2010 a seat is known only by its name, so a seat's record runs back through
 * the general elections at which a seat of that name was fought, without a gap.
 */
public final class GeneralElectionHistory {
    static final String RESOURCE = "/data/history-1918-2019.tsv";
    /** The Library's labels, oldest first; 1974 had two elections. */
    static final List<String> ELECTIONS = List.of(
            "1918", "1922", "1923", "1924", "1929", "1931", "1935", "1945", "1950", "1951", "1955", "1959", "1964",
            "1966", "1970", "1974F", "1974O", "1979", "1983", "1987", "1992", "1997", "2001", "2005", "2010", "2015",
            "2017", "2019");

    private static final int FIRST_ON_FILE_WITH_CANDIDATES = ELECTIONS.indexOf("2010");

    /** The party groups, as the file's vote columns name them. */
    public static final List<String> GROUPS = List.of("Con", "Lib", "Lab", "Nat", "Oth");

    /**
     * One seat at one general election: its winning party group, or "M" (several members) or "?" (no leader); its
     * electorate, each group's votes (-1 for a group returned unopposed; a group that did not stand is absent) and the
     * total, where the file gives them; and the boundary set it was fought on ("1918-1935", "1945", ...).
     */
    public record Row(
            String election,
            String gss,
            String name,
            String region,
            int seats,
            String winner,
            OptionalInt electorate,
            Map<String, Integer> votes,
            OptionalInt total,
            String boundarySet) {
        public Row {
            votes = Map.copyOf(votes);
        }

        /** Without votes: who won, as the context lines need. */
        public Row(String election, String gss, String name, String region, int seats, String winner) {
            this(election, gss, name, region, seats, winner, OptionalInt.empty(), Map.of(), OptionalInt.empty(), "");
        }

        public int year() {
            return Integer.parseInt(election.substring(0, 4));
        }

        /** As copy names the election: "1997", "February 1974". */
        public String label() {
            return switch (election) {
                case "1974F" -> "February 1974";
                case "1974O" -> "October 1974";
                default -> election;
            };
        }
    }

    private static volatile GeneralElectionHistory bundled;

    /** Rows per election (by index in ELECTIONS), by normalised name; several rows where a name was used twice. */
    private final List<Map<String, List<Row>>> byElection;

    private final Map<String, Row> by2010Code;

    public GeneralElectionHistory(List<Row> rows) {
        List<Map<String, List<Row>>> elections = new ArrayList<>();
        ELECTIONS.forEach(e -> elections.add(new HashMap<>()));
        Map<String, Row> codes = new HashMap<>();
        for (Row row : rows) {
            int index = ELECTIONS.indexOf(row.election());
            if (index < 0) {
                throw new IllegalArgumentException("unknown election " + row.election());
            }
            elections
                    .get(index)
                    .computeIfAbsent(SeatNames.normalise(row.name()), k -> new ArrayList<>())
                    .add(row);
            if (row.election().equals("2010") && !row.gss().isEmpty()) {
                codes.put(row.gss(), row);
            }
        }
        this.byElection = List.copyOf(elections);
        this.by2010Code = Map.copyOf(codes);
    }

    /** The bundled history, read once on first use. */
    public static GeneralElectionHistory bundled() {
        GeneralElectionHistory history = bundled;
        if (history == null) {
            synchronized (GeneralElectionHistory.class) {
                history = bundled;
                if (history == null) {
                    history = load();
                    bundled = history;
                }
            }
        }
        return history;
    }

    /** The seat of the 2010 boundaries with this code, as the history file names it. */
    public Optional<Row> seat2010(String gss) {
        return Optional.ofNullable(by2010Code.get(gss));
    }

    /**
     * The general elections before 2010 at which a seat of this name was fought, oldest first, running back from
     * 2005 without a gap: the record stops where the name was not used, was used by two seats, or named a seat of
     * several members (its votes cannot say who won which seat).
     */
    public List<Row> before2010(String name) {
        String key = SeatNames.normalise(name);
        List<Row> chain = new ArrayList<>();
        for (int i = FIRST_ON_FILE_WITH_CANDIDATES - 1; i >= 0; i--) {
            List<Row> rows = byElection.get(i).getOrDefault(key, List.of());
            if (rows.size() != 1 || rows.get(0).seats() != 1) {
                break;
            }
            chain.add(rows.get(0));
        }
        Collections.reverse(chain);
        return List.copyOf(chain);
    }

    /** Every seat at a general election of the file ("1945", "1974F"), in name order; none for another label. */
    public List<Row> rowsOf(String election) {
        int index = ELECTIONS.indexOf(election);
        if (index < 0) {
            return List.of();
        }
        return byElection.get(index).values().stream()
                .flatMap(List::stream)
                .sorted(java.util.Comparator.comparing(Row::name))
                .toList();
    }

    /** The file's election labels, oldest first ("1918" ... "1974F", "1974O" ... "2019"). */
    public static List<String> elections() {
        return ELECTIONS;
    }

    private static GeneralElectionHistory load() {
        List<Row> rows = new ArrayList<>();
        for (String[] f : DataResource.rows(RESOURCE)) {
            rows.add(new Row(
                    f[0],
                    f[1],
                    f[2],
                    f[3],
                    Integer.parseInt(f[4]),
                    f[5],
                    field(f, 6),
                    groupVotes(f),
                    field(f, 12),
                    f.length > 13 ? f[13] : ""));
        }
        return new GeneralElectionHistory(rows);
    }

    private static Map<String, Integer> groupVotes(String[] f) {
        Map<String, Integer> votes = new HashMap<>();
        for (int g = 0; g < GROUPS.size(); g++) {
            OptionalInt v = field(f, 7 + g);
            if (v.isPresent()) {
                votes.put(GROUPS.get(g), v.getAsInt());
            }
        }
        return votes;
    }

    private static OptionalInt field(String[] f, int index) {
        return index < f.length && !f[index].isEmpty()
                ? OptionalInt.of(Integer.parseInt(f[index]))
                : OptionalInt.empty();
    }
}
