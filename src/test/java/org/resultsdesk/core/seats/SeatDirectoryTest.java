package org.resultsdesk.core.seats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Seat;

/** Lookups against every real seat name of 2019 and 2024 and the by-elections. */
class SeatDirectoryTest {
    static final SeatDirectory SEATS = new SeatDirectory(TestData.archive().seats());

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', value = {
            "ynys mon | Ynys Môn",
            "YNYS MÔN | Ynys Môn",
            "mon ynys | Ynys Môn",
            "weston super mare | Weston-super-Mare",
            "Weston-Super-Mare | Weston-super-Mare",
            "kemptown brighton | Brighton, Kemptown",
            "brighton kemptown and peacehaven | Brighton Kemptown and Peacehaven",
            "brighton kemptown & peacehaven | Brighton Kemptown and Peacehaven",
            "  kingswood   | Kingswood",
            "old bexley sidcup | Old Bexley and Sidcup",
            "na h-eileanan an iar | Na h-Eileanan an Iar",
            "isle of wight | Isle of Wight",
            "richmond yorks | Richmond (Yorks)",
            "st helens north | St Helens North",
            "cities of london | Cities of London and Westminster"})
    void awkwardNamesAreFound(String query, String name) {
        assertThat(SEATS.find(query)).isInstanceOfSatisfying(SeatMatch.Found.class,
                f -> assertThat(f.name()).isEqualTo(name));
    }

    @ParameterizedTest(name = "\"{0}\" suggests {1}")
    @CsvSource({"kingswod, Kingswood", "wellingborogh, Wellingborough", "ynys mone, Ynys Môn",
            "hartlepol, Hartlepool", "ashfeld, Ashfield", "runcorn and helsbey, Runcorn and Helsby"})
    void typosGetSuggestionsBestFirst(String query, String best) {
        assertThat(SEATS.find(query)).isInstanceOfSatisfying(SeatMatch.Suggestions.class,
                s -> assertThat(s.names().get(0)).isEqualTo(best));
    }

    @Test
    void aPrefixMatchingSeveralSeatsListsThem() {
        assertThat(SEATS.find("birmingham")).isInstanceOfSatisfying(SeatMatch.Ambiguous.class,
                a -> assertThat(a.names()).hasSize(10).allMatch(n -> n.startsWith("Birmingham")));
        assertThat(SEATS.find("brighton")).isInstanceOfSatisfying(SeatMatch.Ambiguous.class,
                a -> assertThat(a.names()).contains("Brighton Pavilion", "Brighton Kemptown and Peacehaven"));
    }

    @Test
    void aNameUnderOldAndNewBoundariesIsFoundWithBothCodes() {
        assertThat(SEATS.find("hartlepool")).isInstanceOfSatisfying(SeatMatch.Found.class,
                f -> assertThat(f.seats()).extracting(Seat::gss).containsExactlyInAnyOrder("E14000733", "E14001272"));
        assertThat(SEATS.seatsNamed("HARTLEPOOL")).hasSize(2);
    }

    @Test
    void nonsenseEmptyAndOverlongQueriesAreNotFoundNeverAnError() {
        assertThat(SEATS.find("xyzzy")).isInstanceOf(SeatMatch.NotFound.class);
        assertThat(SEATS.find("")).isInstanceOf(SeatMatch.NotFound.class);
        assertThat(SEATS.find("!!!")).isInstanceOf(SeatMatch.NotFound.class);
        assertThat(SEATS.find("a".repeat(500))).isInstanceOf(SeatMatch.NotFound.class);
        assertThat(SEATS.find(null)).isInstanceOf(SeatMatch.NotFound.class);
    }

    @Test
    void searchListsNamesContainingTheWords() {
        assertThat(SEATS.search("leeds", 20)).allMatch(n -> n.contains("Leeds")).hasSizeGreaterThan(5);
        assertThat(SEATS.search("kingswod", 5)).contains("Kingswood");
        assertThat(SEATS.search("   ", 5)).isEmpty();
    }
}
