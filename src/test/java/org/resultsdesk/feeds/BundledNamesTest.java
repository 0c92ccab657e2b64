package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;

/** Every bundled name is clean text: no double-encoded UTF-8 and no control characters. */
class BundledNamesTest {
    /** "Ã" or "Â" followed by a Latin-1 continuation byte, the "â€" of a mangled quote, or C0/C1 controls. */
    private static final Pattern MOJIBAKE =
            Pattern.compile("[ÃÂ][\\u0080-\\u00BF]|â€|[\\u0000-\\u001F\\u007F-\\u009F]");

    @Test
    void everyNameIsFreeOfMojibakeAndControlCharacters() {
        List<String> bad = new ArrayList<>();
        int names = 0;
        for (Contest contest : TestData.archive().contests()) {
            List<String> texts = new ArrayList<>(
                    List.of(contest.seat().name(), contest.seat().region()));
            for (Candidacy c : contest.candidates()) {
                texts.addAll(List.of(c.givenName(), c.familyName(), c.party().name()));
            }
            for (String text : texts) {
                names++;
                if (MOJIBAKE.matcher(text).find()) {
                    bad.add(contest.id() + ": " + text);
                }
            }
        }
        assertThat(names).isGreaterThan(30_000);
        assertThat(bad).isEmpty();
        assertThat(TestData.contest("parl.2024-07-04", "N05000003").candidates())
                .anyMatch(c -> c.givenName().equals("Áine") && c.familyName().equals("Groogan"));
    }

    @Test
    void doubleEncodedTextIsRepairedAndRealAccentsAreLeftAlone() {
        assertThat(NameRepair.repair("\u00C3\u0081ine")).isEqualTo("Áine");
        assertThat(NameRepair.repair("Sin\u00C3\u00A9ad")).isEqualTo("Sinéad");
        assertThat(NameRepair.repair("Siân")).isEqualTo("Siân");
        assertThat(NameRepair.repair("Sinn Féin")).isEqualTo("Sinn Féin");
        assertThat(NameRepair.repair("Ynys Môn")).isEqualTo("Ynys Môn");
        assertThat(NameRepair.repair("Kingswood")).isEqualTo("Kingswood");
    }

    @Test
    void copyUsesTheNamePeopleKnowAndTheTableTheFullName() {
        Candidacy pochin = TestData.contest("parl.runcorn-and-helsby.by.2025-05-01", "E14001455")
                .winner();
        assertThat(pochin.displayName()).isEqualTo("Sarah Joanne Pochin");
        assertThat(pochin.knownName()).isEqualTo("Sarah Pochin");
        assertThat(pochin.sittingMp()).isFalse();
        Candidacy webb = TestData.contest("parl.2024-07-04", "E14001105").winner();
        assertThat(webb.sittingMp()).isTrue();
    }
}
