package org.resultsdesk.core.announce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resultsdesk.TestData;
import org.resultsdesk.core.calc.ResultFigures;

/**
 * Each case of house style in {@link org.resultsdesk.GoldenCases}, rendered in full. The Kingswood golden file is the
 * example in DESIGN.md §4, character for character.
 */
class AnnouncementGoldenTest {

    @ParameterizedTest
    @MethodSource("org.resultsdesk.GoldenCases#cases")
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
