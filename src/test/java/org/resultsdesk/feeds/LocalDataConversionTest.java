package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalContest;

/**
 * The bundled local resources are exactly what the documented conversion step makes from the Library's handbooks and
 * Open Council Data's files, so nobody can hand-edit a figure. Needs the shared data folder beside the repository.
 */
class LocalDataConversionTest {

    @Test
    void rerunningTheConversionReproducesTheBundledLocalFiles(@TempDir Path out) throws IOException {
        Path shared = Path.of(System.getProperty("shared.data.dir", "../shared/data"));
        assumeTrue(Files.isDirectory(shared.resolve("local")), "shared data folder not present");

        List<String> corrections = LocalResultsConverter.convert(shared, out);

        assertThat(corrections)
                .extracting(c -> c.substring(0, c.indexOf(':')))
                .containsExactlyInAnyOrderElementsOf(wardsWithMoreElectedThanSeats2025(shared));
        for (String file : LocalResultsConverter.outputFiles()) {
            assertThat(out.resolve(file)).as(file).hasSameTextualContentAs(Path.of("src/main/resources/data", file));
        }
    }

    /** "2025 Broadway, Worcestershire" for each 2025 ward whose source marks more candidates elected than seats. */
    private static List<String> wardsWithMoreElectedThanSeats2025(Path shared) throws IOException {
        Map<String, Long> elected = HocCsv.read(shared.resolve("local/leh-2025-candidates-result.csv")).stream()
                .filter(r -> r.get("Elected").equals("True"))
                .collect(Collectors.groupingBy(r -> r.get("ONS ward code"), Collectors.counting()));
        return HocCsv.read(shared.resolve("local/leh-2025-ward-results.csv")).stream()
                .filter(w -> elected.getOrDefault(w.get("ONS ward code"), 0L) > Long.parseLong(w.get("Seats")))
                .map(w -> "2025 " + w.get("Ward/ County Electoral District name") + ", "
                        + (w.get("Local authority type").equals("CC")
                                ? w.get("Upper tier authority")
                                : w.get("Lower tier authority")))
                .toList();
    }

    @Test
    void everyBundledContestLoadsWithoutAnIssue() {
        LocalBundledData.Loaded loaded = LocalBundledData.read();

        assertThat(loaded.issues()).isEmpty();
        assertThat(loaded.archive().pollingDays()).hasSize(4);
        LocalArchive archive = loaded.archive();
        Council kent = archive.council("E10000016").orElseThrow();
        assertThat(kent.fullName()).isEqualTo("Kent County Council");
        assertThat(archive.compositionBefore(kent, LocalDate.of(2025, 5, 1))
                        .orElseThrow()
                        .seats("Con"))
                .as("Open Council Data's 2024 make-up of Kent")
                .isEqualTo(59);
        LocalContest abbey =
                archive.contest("local.buckinghamshire.abbey.2025-05-01").orElseThrow();
        assertThat(abbey.ward().onsCode()).isEqualTo("E05015927");
        assertThat(abbey.seatsByParty()).containsExactly(Map.entry("Con", 2));
        assertThat(archive.councillorsIn(abbey.ward())).isNotEmpty();
    }

    @Test
    void candidateNamesInTheHandbooksFourFormatsSplitIntoGivenAndFamilyNames() {
        assertThat(LocalResultsConverter.surnameInitials("Wye T.")).containsExactly("T.", "Wye");
        assertThat(LocalResultsConverter.surnameInitials("Cole A.M.")).containsExactly("A.M.", "Cole");
        assertThat(LocalResultsConverter.surnameInitials("Hodgson-Jones P.")).containsExactly("P.", "Hodgson-Jones");
        assertThat(LocalResultsConverter.surnameInitials("Van Der Berg A.")).containsExactly("A.", "Van Der Berg");
        assertThat(LocalResultsConverter.surnameInitials("Smith")).containsExactly("", "Smith");
    }

    @Test
    void partyAbbreviationsMatchWhateverTheYearCallsAnd() {
        assertThat(LocalResultsConverter.partyKey("B and D IND"))
                .isEqualTo(LocalResultsConverter.partyKey("B & D Ind"));
        assertThat(LocalResultsConverter.partyKey("HandBFI")).isNotEqualTo(LocalResultsConverter.partyKey("HBFI"));
        assertThat(LocalResultsConverter.councilName("Bristol, City Of")).isEqualTo("Bristol");
    }
}
