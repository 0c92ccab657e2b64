package org.resultsdesk.core.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.calc.PartyContinuity;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Comparison;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.seats.SeatNames;

/**
 * The history lines under a result (docs/night-desk.md, "Context lines"): the winner's first win in the seat, or
 * first since a year; how long a party has held it; and at a by-election, how rare the gain is. Each is claimed only
 * where every election it spans is on file:
 *
 * <ul>
 *   <li>from 2010 every contest in the seat (general elections and by-elections, candidate by candidate);
 *   <li>before 2010 general elections only, by party group, for a seat of the same name fought at each of them without
 *       a gap (the Commons Library's 1918-2019 file: no candidates, no by-elections), so those claims say "general
 *       election";
 *   <li>a 2024 seat takes the history of the 2010 seat most of its people come from, and says so when that seat was
 *       not the same ("on its old boundaries", "as Weaver Vale"); one formed from several, none a majority, takes none
 *       and is measured only on its 2019 notional result and since.
 * </ul>
 *
 * A group's win before 2010 proves a party's only where the group is that party: Conservative, Labour, the SNP or
 * Plaid Cymru (the nationalist group, by country), the Liberal Democrats from 1992 (before, the group held the
 * Liberals and the Alliance). A win by the "other" group before 2010 could be any other party's, so no claim for such
 * a party reaches past one. No line is claimed for the Speaker, nor for the first result after the Speaker's, nor for
 * an independent (whose record is their own, not a party's).
 */
public final class HistoryLines {
    static final LocalDate BOUNDARIES_2024 = LocalDate.of(2024, 7, 4);
    private static final String NOTIONAL_2019 = "parl.2019-12-12.notional";

    private final Supplier<ResultsArchive> archive;
    private final Supplier<GeneralElectionHistory> history;
    private final Supplier<Predecessors> predecessors;

    public HistoryLines(Supplier<ResultsArchive> archive) {
        this(archive, GeneralElectionHistory::bundled, Predecessors::bundled);
    }

    HistoryLines(
            Supplier<ResultsArchive> archive,
            Supplier<GeneralElectionHistory> history,
            Supplier<Predecessors> predecessors) {
        this.archive = archive;
        this.history = history;
        this.predecessors = predecessors;
    }

    /** What a point in the record proves about a party's winning it. */
    private enum Won {
        YES,
        NO,
        UNKNOWN
    }

    /**
     * One result in a seat's record: a general election before 2010 (party group only), or a contest on file.
     * {@code fromPredecessor} marks a result of the 2010 seat a 2024 seat took its history from.
     */
    record Entry(
            String label,
            boolean byElection,
            boolean generalOnly,
            String group,
            Optional<String> partyKey,
            boolean speaker,
            int year,
            boolean fromPredecessor) {}

    /** A seat's record before a result, oldest first, and how to name the predecessor when a claim reaches it. */
    record Record(List<Entry> entries, String predecessorNote) {}

    public List<String> lines(Contest contest) {
        Candidacy winner = contest.winner();
        if (winner.party().code().equals("Spk") || winner.party().isIndependent()) {
            return List.of();
        }
        Record record = record(contest);
        List<String> lines = new ArrayList<>();
        claim(contest, record).ifPresent(lines::add);
        byElectionGain(contest).ifPresent(lines::add);
        return lines;
    }

    Record record(Contest contest) {
        String gss = contest.seat().gss();
        LocalDate date = contest.election().date();
        List<Entry> entries = new ArrayList<>();
        String note = "";
        String old2010 = gss;
        Predecessors lineage = predecessors.get();
        if (lineage.isNewSeat(gss)) {
            Optional<Predecessors.Predecessor> predecessor = lineage.of(gss);
            if (predecessor.isEmpty()) {
                // No seat holds most of its people: nothing before its 2019 notional result is claimed.
                archive.get()
                        .contest(NOTIONAL_2019 + "/" + gss)
                        .ifPresent(n -> entries.add(new Entry(
                                "2019 (notional result)",
                                false,
                                false,
                                group(n.winner().party()),
                                Optional.of(key(n.winner())),
                                false,
                                2019,
                                false)));
                entries.addAll(onFile(gss, date, false));
                return new Record(List.copyOf(entries), "");
            }
            old2010 = predecessor.get().gss();
            Optional<GeneralElectionHistory.Row> oldSeat = history.get().seat2010(old2010);
            String oldName = oldSeat.map(GeneralElectionHistory.Row::name).orElse("");
            if (!SeatNames.normalise(oldName)
                    .equals(SeatNames.normalise(contest.seat().name()))) {
                note = " (as " + oldName + " before 2024)";
            } else if (!predecessor.get().whole()) {
                note = " (on its old boundaries before 2024)";
            }
        }
        boolean inherited = !old2010.equals(gss);
        history.get()
                .seat2010(old2010)
                .map(row -> history.get().before2010(row.name()))
                .orElse(List.of())
                .forEach(row -> entries.add(new Entry(
                        row.label(), false, true, row.winner(), Optional.empty(), false, row.year(), inherited)));
        LocalDate oldUntil = inherited && date.isAfter(BOUNDARIES_2024) ? BOUNDARIES_2024 : date;
        entries.addAll(onFile(old2010, oldUntil, inherited));
        if (inherited) {
            entries.addAll(onFile(gss, date, false));
        }
        return new Record(List.copyOf(entries), note);
    }

    private List<Entry> onFile(String gss, LocalDate before, boolean inherited) {
        return archive.get().contests().stream()
                .filter(c -> c.seat().gss().equals(gss)
                        && c.election().kind() != ElectionKind.NOTIONAL
                        && c.election().date().isBefore(before))
                .sorted(Comparator.comparing(c -> c.election().date()))
                .map(c -> new Entry(
                        c.election().kind() == ElectionKind.BY_ELECTION
                                ? "the " + c.election().date().getYear() + " by-election"
                                : String.valueOf(c.election().date().getYear()),
                        c.election().kind() == ElectionKind.BY_ELECTION,
                        false,
                        group(c.winner().party()),
                        Optional.of(key(c.winner())),
                        c.winner().party().code().equals("Spk"),
                        c.election().date().getYear(),
                        inherited))
                .toList();
    }

    Optional<String> claim(Contest contest, Record record) {
        List<Entry> entries = record.entries();
        if (entries.isEmpty() || entries.get(entries.size() - 1).speaker()) {
            return Optional.empty();
        }
        Candidacy winner = contest.winner();
        String seat = contest.seat().name();
        String who = who(winner);
        int last = entries.size() - 1;
        if (won(entries.get(last), winner) == Won.YES) {
            int start = last;
            while (start > 0 && won(entries.get(start - 1), winner) == Won.YES) {
                start--;
            }
            Entry from = entries.get(start);
            String note = noteIfReached(entries, start, record);
            if (from.generalOnly()) {
                return Optional.of("Held by " + who + " at every general election since " + from.label() + note);
            }
            boolean changedHands = start > 0 && won(entries.get(start - 1), winner) == Won.NO;
            return Optional.of(
                    changedHands
                            ? "Held by " + who + " since " + from.label() + note
                            : "Held by " + who + " at every election on file since " + from.label() + note);
        }
        for (int i = last; i >= 0; i--) {
            Won won = won(entries.get(i), winner);
            if (won == Won.UNKNOWN) {
                return Optional.empty();
            }
            if (won == Won.YES) {
                Entry lastWin = entries.get(i);
                String note = noteIfReached(entries, i, record);
                if (!lastWin.generalOnly()) {
                    return Optional.of("First win for " + who + " in " + seat + " since " + lastWin.label() + note);
                }
                return Optional.of(
                        contest.election().kind() == ElectionKind.GENERAL
                                ? "First general-election win for " + who + " in " + seat + " since " + lastWin.label()
                                        + note
                                : "First win for " + who + " in " + seat + " since " + lastWin.label()
                                        + parenthesised("general elections only before 2010", note));
            }
        }
        Entry first = entries.get(0);
        String span = first.generalOnly()
                ? "general elections since " + first.label() + ", every contest since 2010"
                : first.year() + " onwards";
        return Optional.of("First win for " + who + " in " + seat + " in the results on file"
                + parenthesised(span, noteIfReached(entries, 0, record)));
    }

    /** At a by-election gain: how many gains by the winner's party from the loser's at by-elections on file. */
    Optional<String> byElectionGain(Contest contest) {
        if (contest.election().kind() != ElectionKind.BY_ELECTION
                || contest.winner().party().isIndependent()) {
            return Optional.empty();
        }
        Optional<Comparison> before = archive.get().comparisonFor(contest);
        String winnerKey = key(contest.winner());
        if (before.isEmpty()
                || before.get().winner().isIndependent()
                || keyOf(before.get()).equals(winnerKey)) {
            return Optional.empty();
        }
        String loserKey = keyOf(before.get());
        LocalDate day = contest.election().date();
        List<Contest> gains = archive.get().contests().stream()
                .filter(c -> c.election().kind() == ElectionKind.BY_ELECTION
                        && !c.election().date().isAfter(day)
                        && !c.id().equals(contest.id())
                        && key(c.winner()).equals(winnerKey))
                .filter(c -> archive.get()
                        .comparisonFor(c)
                        .filter(k -> keyOf(k).equals(loserKey))
                        .isPresent())
                .toList();
        long earlier =
                gains.stream().filter(c -> c.election().date().isBefore(day)).count();
        // Gains the same day (Kingswood and Wellingborough, 15 February 2024): no order between them is on file, so
        // the count names them together rather than give two seats the same number.
        List<String> sameDay = gains.stream()
                .filter(c -> c.election().date().equals(day))
                .map(c -> c.seat().name())
                .sorted()
                .toList();
        String from = PartyStyle.of(before.get().winner()).collective();
        String together = sameDay.isEmpty() ? "" : " (with " + names(sameDay) + " the same day)";
        String gainWord = sameDay.isEmpty() ? "gain" : "gains";
        if (earlier == 0) {
            return Optional.of("The first by-election " + gainWord + " by "
                    + PartyStyle.of(contest.winner().party()).collective() + " from " + from
                    + " in the results on file (by-elections since 2010)" + together);
        }
        List<String> ordinals = new ArrayList<>();
        for (long n = earlier + 1; n <= earlier + 1 + sameDay.size(); n++) {
            ordinals.add(ordinal(n));
        }
        return Optional.of(capitalised(PartyStyle.of(contest.winner().party()).possessive()) + " " + names(ordinals)
                + " by-election " + gainWord + " from " + from + " since 2010" + together);
    }

    /** "Kingswood", "Kingswood and Wellingborough", "A, B and C". */
    private static String names(List<String> names) {
        return names.size() <= 1
                ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private Won won(Entry entry, Candidacy winner) {
        if (entry.speaker()) {
            return Won.NO;
        }
        if (entry.partyKey().isPresent()) {
            return entry.partyKey().get().equals(key(winner)) ? Won.YES : Won.NO;
        }
        String group = group(winner.party());
        if (entry.group().equals("?")) {
            return Won.UNKNOWN;
        }
        if (!entry.group().equals(group)) {
            return Won.NO;
        }
        if (group.equals("Oth") || (group.equals("Lib") && entry.year() < 1992)) {
            return Won.UNKNOWN;
        }
        return Won.YES;
    }

    /** One bracket for the record's span and the predecessor note: "(2010 onwards; as Weaver Vale before 2024)". */
    private static String parenthesised(String span, String note) {
        return " (" + span + (note.isEmpty() ? "" : "; " + note.substring(2, note.length() - 1)) + ")";
    }

    private static String noteIfReached(List<Entry> entries, int from, Record record) {
        return entries.subList(from, entries.size()).stream().anyMatch(Entry::fromPredecessor)
                ? record.predecessorNote()
                : "";
    }

    /** The party group of the 1918-2019 file a party belongs to. */
    static String group(Party party) {
        return switch (party.code()) {
            case "Con" -> "Con";
            case "Lab" -> "Lab";
            case "LD" -> "Lib";
            case "SNP", "PC" -> "Nat";
            default -> "Oth";
        };
    }

    private static String who(Candidacy winner) {
        return winner.party().isIndependent()
                ? winner.displayName()
                : PartyStyle.of(winner.party()).collective();
    }

    private static String key(Candidacy c) {
        return PartyContinuity.key(c.party(), c.displayName());
    }

    private static String keyOf(Comparison c) {
        return PartyContinuity.key(c.winner(), c.winnerName());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    static String ordinal(long n) {
        long tens = n % 100;
        String suffix = tens >= 11 && tens <= 13
                ? "th"
                : switch ((int) (n % 10)) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
