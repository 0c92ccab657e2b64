package org.resultsdesk.feeds;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the Westminster history in {@code shared/data/history} for the context lines and the records: the Commons
 * Library's 1918-2019 constituency file with who won each seat (by party group), its electorate, each group's votes,
 * the total and the boundary set, and for each 2024 seat the 2010 seat
 * most of its people come from. Run with the rest of the conversion ({@code convert-data}).
 */
final class HistoryConverter {
    static final String HISTORY_FILE = "history-1918-2019.tsv";
    static final String PREDECESSORS_FILE = "seat-predecessors.tsv";

    /** The Library's election labels in order; 1974 had two. */
    static final List<String> ELECTIONS = List.of(
            "1918", "1922", "1923", "1924", "1929", "1931", "1935", "1945", "1950", "1951", "1955", "1959", "1964",
            "1966", "1970", "1974F", "1974O", "1979", "1983", "1987", "1992", "1997", "2001", "2005", "2010", "2015",
            "2017", "2019");

    /** The party groups of the file, as its vote columns name them. */
    private static final List<Map.Entry<String, String>> GROUPS = List.of(
            Map.entry("Con", "con_votes"),
            Map.entry("Lib", "lib_votes"),
            Map.entry("Lab", "lab_votes"),
            Map.entry("Nat", "natSW_votes"),
            Map.entry("Oth", "oth_votes"));

    private static final List<String> COLUMNS = List.of(
            "constituency_id",
            "seats",
            "constituency_name",
            "country/region",
            "electorate",
            "con_votes",
            "con_share",
            "lib_votes",
            "lib_share",
            "lab_votes",
            "lab_share",
            "natSW_votes",
            "natSW_share",
            "oth_votes",
            "oth_share",
            "total_votes",
            "turnout",
            "election",
            "boundary_set");

    private HistoryConverter() {}

    static List<String> history(Path file) throws IOException {
        // Read by position: the header carries trailing spaces and a trailing comma, and one row (Luton South 1992)
        // a stray twentieth value.
        List<Map<String, String>> rows = HocCsv.readHeaderless(file, Charset.forName("windows-1252"), COLUMNS);
        if (!rows.get(0).get("constituency_id").equals("constituency_id")) {
            throw new IOException(file.getFileName() + " does not start with the expected header");
        }
        List<String[]> out = new ArrayList<>();
        for (Map<String, String> row : rows.subList(1, rows.size())) {
            String election = row.get("election");
            if (!ELECTIONS.contains(election)) {
                throw new IOException("unknown election label '" + election + "' in " + file.getFileName());
            }
            out.add(new String[] {
                election,
                row.get("constituency_id").matches("[ENSW]\\d{8}") ? row.get("constituency_id") : "",
                row.get("constituency_name"),
                row.get("country/region"),
                row.get("seats"),
                winner(row),
                whole(row.get("electorate")),
                whole(row.get("con_votes")),
                whole(row.get("lib_votes")),
                whole(row.get("lab_votes")),
                whole(row.get("natSW_votes")),
                whole(row.get("oth_votes")),
                whole(row.get("total_votes")),
                row.get("boundary_set").strip()
            });
        }
        out.sort(Comparator.comparing((String[] r) -> ELECTIONS.indexOf(r[0])).thenComparing(r -> r[2]));
        return out.stream().map(r -> String.join(BundledFormat.SEPARATOR, r)).toList();
    }

    /**
     * A count as the file gives it (-1 marking an unopposed seat kept), or empty where it gives none (blank, or a
     * blank padded with spaces).
     */
    static String whole(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return "";
        }
        if (!v.matches("-?\\d+")) {
            throw new IllegalArgumentException("not a whole number: '" + v + "'");
        }
        return v;
    }

    /**
     * The party group with the most votes, or the one returned unopposed (the file's -1); "?" where no group leads (a
     * tie, or no votes given) and where the "other" group leads, as its votes may be several candidates' (Hartlepool
     * 2015: UKIP, Green and independents together outpolled Labour, who won); "M" for a seat returning several
     * members, where the votes cannot say who won which seat. Two candidates of one named group could also split its
     * vote and lose; the file cannot show that, and where candidates are on file (2010-2019) the reading names the
     * winner's group in every seat it names (HistoryLinesGoldenTest).
     */
    static String winner(Map<String, String> row) {
        if (!row.get("seats").equals("1")) {
            return "M";
        }
        String best = "?";
        BigDecimal bestVotes = BigDecimal.ZERO;
        boolean tie = false;
        for (Map.Entry<String, String> group : GROUPS) {
            String value = row.get(group.getValue());
            if (value == null || value.isEmpty()) {
                continue;
            }
            BigDecimal votes = new BigDecimal(value);
            if (votes.signum() < 0) {
                return group.getKey();
            }
            int order = votes.compareTo(bestVotes);
            if (order > 0) {
                best = group.getKey();
                bestVotes = votes;
                tie = false;
            } else if (order == 0 && votes.signum() > 0) {
                tie = true;
            }
        }
        return tie || best.equals("Oth") ? "?" : best;
    }

    /**
     * For each 2024 seat, the 2010 seat holding the largest share of its people: new-gss, old-gss, the share of the
     * new seat's people from the old seat, the share of the old seat's people now in the new one. The overlap file has
     * no header: key, from code, from name, to code, to name, then residential, geographic and population overlap,
     * each as a fraction of the from and of the to seat.
     */
    static List<String> predecessors(Path overlaps) throws IOException {
        Map<String, String[]> best = new LinkedHashMap<>();
        for (Map<String, String> r : HocCsv.readHeaderless(
                overlaps,
                List.of("key", "from", "fromName", "to", "toName", "r1", "r2", "g1", "g2", "popOfFrom", "popOfTo"))) {
            String[] row = {r.get("to"), r.get("from"), r.get("popOfTo"), r.get("popOfFrom")};
            best.merge(r.get("to"), row, (a, b) -> new BigDecimal(b[2]).compareTo(new BigDecimal(a[2])) > 0 ? b : a);
        }
        return best.values().stream()
                .sorted(Comparator.comparing((String[] r) -> r[0]))
                .map(r -> String.join(BundledFormat.SEPARATOR, r))
                .toList();
    }
}
