package org.resultsdesk.core.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.feeds.BundledResults;

/**
 * Each entry of data/party-continuity.tsv, checked against the Commons Library's own Change column: every GE2024
 * candidate of the later party whose change the Library publishes gets that change from us (to within the rounding of
 * the Library's figures), not "new".
 */
class PartyContinuityTest {
    private final ResultCalculator calculator = new ResultCalculator();

    static Stream<Map.Entry<String, String>> entries() {
        return PartyContinuity.renamed().entrySet().stream();
    }

    @ParameterizedTest
    @MethodSource("entries")
    void theLibrarysPublishedChangeIsOurs(Map.Entry<String, String> entry) {
        List<String> checked = new ArrayList<>();
        for (Contest contest : TestData.archive().contestsOf("parl.2024-07-04")) {
            BundledResults.Published published = TestData.loaded().published().get(contest.id());
            for (CandidateFigures row : calculator
                    .calculate(contest, TestData.archive().comparisonFor(contest))
                    .rows()) {
                Candidacy c = row.candidacy();
                BigDecimal libraryChange = published.changes().get(c);
                if (!c.party().code().equals(entry.getValue()) || libraryChange == null) {
                    continue;
                }
                assertThat(row.change())
                        .as(contest.seat().name() + " " + c.displayName())
                        .isInstanceOf(ShareChange.Points.class);
                // Within 0.1 points, the rounding of the Library's figures (as CommonsLibraryAgreementTest allows).
                BigDecimal ours = ((ShareChange.Points) row.change()).value();
                assertThat(ours.subtract(Percent.fromFraction(libraryChange)).abs())
                        .as(contest.seat().name() + " " + c.displayName())
                        .isLessThanOrEqualTo(new BigDecimal("0.1"));
                checked.add(contest.seat().name());
            }
        }
        assertThat(checked).as(entry.getKey() + " to " + entry.getValue()).isNotEmpty();
    }
}
