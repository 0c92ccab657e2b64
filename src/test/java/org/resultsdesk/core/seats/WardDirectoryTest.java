package org.resultsdesk.core.seats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.Ward;

class WardDirectoryTest {
    private static final Council BUCKS = new Council("E06000060", "Buckinghamshire");
    private static final Council READING = new Council("E06000038", "Reading");
    private static final Council RBKC = new Council("E09000020", "Kensington and Chelsea");
    private static final Council NORTH_NORTHANTS = new Council("E06000061", "North Northamptonshire");
    private static final Council WEST_NORTHANTS = new Council("E06000062", "West Northamptonshire");
    private static final Council LINCOLNSHIRE = new Council("E10000019", "Lincolnshire");
    private static final Council LINCOLN = new Council("E07000138", "Lincoln");
    private static final Council KENT = new Council("E10000016", "Kent");

    private static final Ward ABBEY_BUCKS = new Ward("E05015927", "Abbey", BUCKS);
    private static final Ward ABBEY_READING = new Ward("E05013864", "Abbey", READING);
    private static final Ward BIRCHINGTON = new Ward("E58000700", "Birchington & Rural", KENT);
    private static final Ward ABINGTON = new Ward("E05016000", "Abington", WEST_NORTHANTS);
    private static final Ward PARK_NORTH = new Ward("E05016001", "Park", NORTH_NORTHANTS);
    private static final Ward PARK_WEST = new Ward("E05016002", "Park", WEST_NORTHANTS);

    private final CouncilDirectory councils = new CouncilDirectory(
            List.of(BUCKS, READING, RBKC, NORTH_NORTHANTS, WEST_NORTHANTS, LINCOLNSHIRE, LINCOLN, KENT));
    private final WardDirectory wards = new WardDirectory(
            List.of(ABBEY_BUCKS, ABBEY_READING, BIRCHINGTON, ABINGTON, PARK_NORTH, PARK_WEST), councils);

    @Test
    void aWardIsFoundByNameAndCouncilWithOrWithoutAComma() {
        assertThat(wards.find("abbey, buckinghamshire")).isEqualTo(new WardMatch.Found(ABBEY_BUCKS));
        assertThat(wards.find("Abbey Buckinghamshire")).isEqualTo(new WardMatch.Found(ABBEY_BUCKS));
        assertThat(wards.find("abbey bucks")).isEqualTo(new WardMatch.Found(ABBEY_BUCKS));
        assertThat(wards.find("abbey, reading borough council")).isEqualTo(new WardMatch.Found(ABBEY_READING));
        assertThat(wards.find("birchington and rural, kent county council"))
                .isEqualTo(new WardMatch.Found(BIRCHINGTON));
    }

    @Test
    void aWardIsFoundByItsOnsCodeOrAUniqueName() {
        assertThat(wards.find("e05013864")).isEqualTo(new WardMatch.Found(ABBEY_READING));
        assertThat(wards.find("abington")).isEqualTo(new WardMatch.Found(ABINGTON));
        assertThat(wards.find("E05999999")).isEqualTo(new WardMatch.NotFound());
    }

    @Test
    void aNameSeveralCouncilsHaveOffersTheCouncils() {
        assertThat(wards.find("abbey"))
                .isEqualTo(new WardMatch.Ambiguous("Abbey", List.of(ABBEY_BUCKS, ABBEY_READING)));
    }

    @Test
    void anAmbiguousCouncilIsNarrowedByTheWardsItHasOrAsked() {
        assertThat(wards.find("abington, northants")).isEqualTo(new WardMatch.Found(ABINGTON));
        assertThat(wards.find("park, northants"))
                .isEqualTo(new WardMatch.CouncilAmbiguous("park", List.of(NORTH_NORTHANTS, WEST_NORTHANTS)));
    }

    @Test
    void aMisspeltWardInANamedCouncilSuggestsItsClosestWards() {
        assertThat(wards.find("birchingtn and rural, kent"))
                .isEqualTo(new WardMatch.NotInCouncil(KENT, List.of(BIRCHINGTON)));
    }

    @Test
    void councilsByNameShorthandAndWithTheKindOfCouncilSaid() {
        assertThat(councils.find("rbkc")).isEqualTo(new CouncilDirectory.Match.Found(RBKC));
        assertThat(councils.find("Kensington & Chelsea")).isEqualTo(new CouncilDirectory.Match.Found(RBKC));
        assertThat(councils.find("royal borough of kensington and chelsea"))
                .isEqualTo(new CouncilDirectory.Match.Found(RBKC));
        assertThat(councils.find("kent county council")).isEqualTo(new CouncilDirectory.Match.Found(KENT));
        assertThat(councils.find("northants"))
                .isEqualTo(new CouncilDirectory.Match.Ambiguous(List.of(NORTH_NORTHANTS, WEST_NORTHANTS)));
        assertThat(councils.find("lincoln")).isEqualTo(new CouncilDirectory.Match.Found(LINCOLN));
        assertThat(councils.find("lincs")).isEqualTo(new CouncilDirectory.Match.Found(LINCOLNSHIRE));
        assertThat(councils.find("buckinghamshre")).isEqualTo(new CouncilDirectory.Match.Suggestions(List.of(BUCKS)));
        assertThat(councils.find("<b>&amp;</b>")).isEqualTo(new CouncilDirectory.Match.NotFound());
    }
}
