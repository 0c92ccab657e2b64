package org.resultsdesk;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The contests with golden files (announcement and snippet, plain, Telegram HTML and Slack Block Kit), each for a
 * point of house style: election id, GSS code, golden file stem.
 */
public final class GoldenCases {
    private GoldenCases() {}

    public static Stream<Arguments> cases() {
        return Stream.of(
                // DESIGN.md §4's example; Wellingborough's real 18,540 majority
                Arguments.of("parl.kingswood.by.2024-02-15", "E14000774", "kingswood-2024"),
                Arguments.of("parl.wellingborough.by.2024-02-15", "E14001025", "wellingborough-2024"),
                // who held the seat on the day: a by-election winner beaten, a party regaining, a sitting MP re-elected
                Arguments.of("parl.2024-07-04", "E14001446", "rochdale-2024"),
                Arguments.of("parl.2024-07-04", "E14001359", "mid-bedfordshire-2024"),
                Arguments.of("parl.2024-07-04", "E14001105", "blackpool-south-2024"),
                // the Speaker's seat: no swing, and why
                Arguments.of("parl.2024-07-04", "E14001170", "chorley-2024"),
                // People Before Profit is PBP in the notionals and PBPA in 2024: a change and a swing, not "new"
                Arguments.of("parl.2024-07-04", "N05000004", "belfast-west-2024"),
                // a name double-encoded in the source, repaired (Áine Groogan)
                Arguments.of("parl.2024-07-04", "N05000003", "belfast-south-and-mid-down-2024"),
                // the party named once; the name people know
                Arguments.of("parl.2024-07-04", "E14001167", "chingford-and-woodford-green-2024"),
                // a majority of six: in words, and "<0.1%"; "Sarah Pochin", not "Sarah Joanne Pochin"; RUK, Reform UK
                Arguments.of("parl.runcorn-and-helsby.by.2025-05-01", "E14001455", "runcorn-and-helsby-2025"),
                // "an SNP majority", "an 11.8% swing", "an 8.8% swing"; a sitting MP defeated
                Arguments.of("parl.aberdeen-south.by.2026-06-18", "S14000061", "aberdeen-south-2026"),
                Arguments.of("parl.2024-07-04", "E14001342", "loughborough-2024"),
                Arguments.of("parl.2019-12-12", "W07000069", "neath-2019"));
    }
}
