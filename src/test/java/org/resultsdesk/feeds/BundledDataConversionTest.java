package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled resources are exactly what the documented conversion step makes from the Commons Library CSVs, so
 * nobody can hand-edit a figure. Needs the shared data folder beside the repository, as on CI and developer machines.
 */
class BundledDataConversionTest {

    @Test
    void rerunningTheConversionReproducesTheBundledFiles(@TempDir Path out) throws IOException {
        Path shared = Path.of(System.getProperty("shared.data.dir", "../shared/data"));
        assumeTrue(Files.isDirectory(shared), "shared data folder not present: " + shared.toAbsolutePath());

        HocResultsConverter.convert(shared, out);

        for (String file : HocResultsConverter.OUTPUT_FILES) {
            assertThat(out.resolve(file)).as(file).hasSameTextualContentAs(Path.of("src/main/resources/data", file));
        }
    }

    @Test
    void byElectionIdsFollowDemocracyClubStyle() {
        assertThat(HocResultsConverter.slug("Runcorn and Helsby")).isEqualTo("runcorn-and-helsby");
        assertThat(HocResultsConverter.slug("Mid Bedfordshire")).isEqualTo("mid-bedfordshire");
        assertThat(HocResultsConverter.slug("Old Bexley & Sidcup")).isEqualTo("old-bexley-sidcup");
    }
}
