package org.resultsdesk.core.announce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resultsdesk.TestData;
import org.resultsdesk.core.calc.ResultFigures;

/**
 * The two by-elections of 15 February 2024, rendered in full. The Kingswood golden file is the example in
 * DESIGN.md §4, character for character.
 */
class AnnouncementGoldenTest {

    @ParameterizedTest
    @CsvSource({
            "parl.kingswood.by.2024-02-15, E14000774, kingswood-2024",
            "parl.wellingborough.by.2024-02-15, E14001025, wellingborough-2024"})
    void announcementAndSnippetMatchGoldenFiles(String election, String gss, String golden) throws IOException {
        ResultFigures figures = TestData.figures(election, gss);

        String announcement = new PlainTextRenderer().render(new AnnouncementFactory().announce(figures));
        String snippet = new CopySnippetWriter().write(figures);

        assertThat(announcement).isEqualTo(golden(golden + ".txt"));
        assertThat(snippet + "\n").isEqualTo(golden(golden + "-snippet.txt"));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = AnnouncementGoldenTest.class.getResourceAsStream("/golden/announce/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
