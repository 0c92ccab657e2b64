package org.resultsdesk.core.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.calc.CouncilResult;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.feeds.LocalBundledData;

/** The council card's figures against counts made here from the wards' own candidates. */
class CouncilCardFactoryTest {
    private static final LocalDate MAY_2025 = LocalDate.of(2025, 5, 1);
    private static LocalArchive archive;

    @BeforeAll
    static void load() {
        archive = LocalBundledData.read().archive();
    }

    private static Council council(String name) {
        return archive.councils().stream()
                .filter(c -> c.fullName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Seats won by party code, counted from every elected candidate in the council's wards that day. */
    private static Map<String, Integer> electedByParty(Council council) {
        Map<String, Integer> won = new HashMap<>();
        for (LocalContest contest : archive.contestsOf(council, MAY_2025)) {
            if (contest.ballot().byElection()) {
                continue;
            }
            for (LocalCandidacy candidate : contest.candidates()) {
                if (candidate.elected()) {
                    won.merge(candidate.party().code(), 1, Integer::sum);
                }
            }
        }
        return won;
    }

    @Test
    void kentIsTakenByReformUkWithTheSeatsItsWardsElected() {
        Council kent = council("Kent County Council");
        CouncilCard card = new CouncilCardFactory().card(CouncilResult.of(archive, kent, MAY_2025));
        Map<String, Integer> won = electedByParty(kent);
        int seats = won.values().stream().mapToInt(Integer::intValue).sum();

        assertThat(card.totalSeats()).isEqualTo(seats);
        assertThat(card.majorityLine()).isEqualTo(seats / 2 + 1);
        CouncilCard.Row first = card.rows().get(0);
        assertThat(first.label()).isEqualTo("RUK");
        assertThat(first.after()).isEqualTo(won.get("RUK"));
        assertThat(first.before()).isEqualTo(OptionalInt.of(0));
        assertThat(first.change()).isEqualTo("+" + won.get("RUK"));
        assertThat(card.verdict())
                .isEqualTo("Reform UK GAIN from Conservative (" + won.get("RUK") + " of " + seats + " seats)");
        assertThat(card.verdictColour()).isEqualTo(PartyColours.of("RUK"));
        CouncilCard.Row conservatives = card.rows().stream()
                .filter(r -> r.label().equals("CON"))
                .findFirst()
                .orElseThrow();
        assertThat(conservatives.after()).isEqualTo(won.get("Con"));
        assertThat(conservatives.before().getAsInt() + Integer.parseInt(conservatives.change()))
                .isEqualTo(won.get("Con"));
        assertThat(card.rows().stream().mapToInt(CouncilCard.Row::after).sum()).isEqualTo(seats);
        assertThat(card.subtitle()).startsWith("1 May 2025: " + seats + " of " + seats + " seats up");
        assertThat(card.fileName()).isEqualTo("kent-county-council-1-may-2025-81-of-81-seats-up-council.png");
    }

    @Test
    void aCouncilInNoOverallControlHasAGreyBadgeAndNoMajorityParty() {
        Council gloucestershire = council("Gloucestershire County Council");
        CouncilResult result = CouncilResult.of(archive, gloucestershire, MAY_2025);
        CouncilCard card = new CouncilCardFactory().card(result);
        Map<String, Integer> won = electedByParty(gloucestershire);

        assertThat(card.rows().stream().mapToInt(CouncilCard.Row::after).max().orElseThrow())
                .isLessThan(card.majorityLine());
        assertThat(won.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
                .isLessThan(card.majorityLine());
        assertThat(card.verdictColour()).isEqualTo("#5F6673");
        assertThat(card.badge()).doesNotContain("(").doesNotContain(";");
        assertThat(card.verdict()).startsWith(card.badge());
    }

    @Test
    void theCreditNamesOpenCouncilDatasLicenceAsTheReadmeDoes() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));

        assertThat(readme).contains("Open Council Data UK, CC BY-SA 4.0");
        assertThat(CouncilCardFactory.CREDIT).contains("Open Council Data UK (CC BY-SA 4.0)");
    }
}
