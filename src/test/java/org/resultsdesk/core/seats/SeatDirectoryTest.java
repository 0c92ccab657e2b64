package org.resultsdesk.core.seats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.resultsdesk.core.model.Seat;

/** Lookups against every real seat name of GE2019 and GE2024, from the test fixture. */
class SeatDirectoryTest {
    static final SeatDirectory SEATS = new SeatDirectory(SeatFixture.allSeats());

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ynys mon | Ynys Môn",
                "YNYS MÔN | Ynys Môn",
                "mon ynys | Ynys Môn",
                "weston super mare | Weston-super-Mare",
                "Weston-Super-Mare | Weston-super-Mare",
                "westonsupermare | Weston-super-Mare",
                "weston | Weston-super-Mare",
                "brighton kemptown | Brighton, Kemptown",
                "kemptown brighton | Brighton, Kemptown",
                "Brighton, Kemptown | Brighton, Kemptown",
                "brighton kemptown and peacehaven | Brighton Kemptown and Peacehaven",
                "brighton kemptown & peacehaven | Brighton Kemptown and Peacehaven",
                "kemptown peacehaven | Brighton Kemptown and Peacehaven",
                "  kingswood   | Kingswood",
                "old bexley and sidcup | Old Bexley and Sidcup",
                "old bexley sidcup | Old Bexley and Sidcup",
                "na h-eileanan an iar | Na h-Eileanan an Iar",
                "na h eileanan an iar | Na h-Eileanan an Iar",
                "eileanan | Na h-Eileanan an Iar",
                "richmond yorks | Richmond (Yorks)",
                "Richmond (Yorks) | Richmond (Yorks)",
                "richmond & northallerton | Richmond and Northallerton",
                "st helens north | St Helens North",
                "St. Helens North | St Helens North",
                "saint helens north | St Helens North",
                "isle of wight east | Isle of Wight East",
                "wight west | Isle of Wight West",
                "montgomeryshire and glyndwr | Montgomeryshire and Glyndŵr",
                "glyndŵr | Montgomeryshire and Glyndŵr",
                "queens park | Queen's Park and Maida Vale",
                "queen’s park and maida vale | Queen's Park and Maida Vale",
                "stratford on avon | Stratford-on-Avon",
                "ashton under lyne | Ashton-under-Lyne",
                "Liverpool, Walton | Liverpool Walton",
                "cities of london | Cities of London and Westminster"
            })
    void awkwardNamesAreFound(String query, String name) {
        assertThat(SEATS.find(query))
                .isInstanceOfSatisfying(
                        SeatMatch.Found.class, f -> assertThat(f.name()).isEqualTo(name));
    }

    @Test
    void anExactNameWinsOverNamesThatStartWithIt() {
        assertThat(SEATS.find("stafford")).isEqualTo(new SeatMatch.Found("Stafford", SEATS.seatsNamed("Stafford")));
        assertThat(SEATS.find("stone"))
                .isInstanceOfSatisfying(
                        SeatMatch.Found.class, f -> assertThat(f.name()).isEqualTo("Stone"));
        assertThat(SEATS.find("stirling"))
                .isInstanceOfSatisfying(
                        SeatMatch.Found.class, f -> assertThat(f.name()).isEqualTo("Stirling"));
        assertThat(SEATS.find("wellingborough"))
                .isInstanceOfSatisfying(
                        SeatMatch.Found.class,
                        f -> assertThat(f.seats()).extracting(Seat::gss).containsExactly("E14001025"));
    }

    @Test
    void theSourceFilesMisspeltIsleOfWightIsStillFoundByItsCode() {
        assertThat(SEATS.find("isle of wight"))
                .isInstanceOfSatisfying(
                        SeatMatch.Found.class,
                        f -> assertThat(f.seats()).extracting(Seat::gss).containsExactly("E14000762"));
    }

    @Test
    void aNameUnderOldAndNewBoundariesIsFoundWithBothCodesNewestFirst() {
        assertThat(SEATS.find("ynys mon"))
                .isInstanceOfSatisfying(
                        SeatMatch.Found.class,
                        f -> assertThat(f.seats()).extracting(Seat::gss).containsExactly("W07000112", "W07000041"));
        assertThat(SEATS.find("hartlepool"))
                .isInstanceOfSatisfying(
                        SeatMatch.Found.class,
                        f -> assertThat(f.seats()).extracting(Seat::gss).containsExactly("E14001272", "E14000733"));
        assertThat(SEATS.seatsNamed("HARTLEPOOL")).extracting(Seat::gss).containsExactly("E14001272", "E14000733");
    }

    @Test
    void spellingsThatDifferOnlyInPunctuationAreOneNameShownAsTheNewest() {
        assertThat(SEATS.find("birmingham edgbaston")).isInstanceOfSatisfying(SeatMatch.Found.class, f -> {
            assertThat(f.name()).isEqualTo("Birmingham Edgbaston");
            assertThat(f.seats())
                    .extracting(Seat::name)
                    .containsExactly("Birmingham Edgbaston", "Birmingham, Edgbaston");
        });
        assertThat(SEATS.find("stratford-on-avon"))
                .isInstanceOfSatisfying(
                        SeatMatch.Found.class,
                        f -> assertThat(f.seats()).extracting(Seat::gss).containsExactly("E14001526", "E14000977"));
    }

    @Test
    void aSeatWhoseCodeDidNotChangeIsListedOnce() {
        assertThat(SEATS.seatsNamed("Na h-Eileanan an Iar"))
                .extracting(Seat::gss)
                .containsExactly("S14000027");
    }

    @ParameterizedTest(name = "\"{0}\" suggests {1} first")
    @CsvSource({
        "kingswod, Kingswood",
        "wellingborogh, Wellingborough",
        "ynys mone, Ynys Môn",
        "hartlepol, Hartlepool",
        "ashfeld, Ashfield",
        "runcorn and helsbey, Runcorn and Helsby",
        "westen super mare, Weston-super-Mare",
        "kingwsood, Kingswood",
        "glyndwyr, Montgomeryshire and Glyndŵr",
        "birmingham edgbastn, Birmingham Edgbaston",
        "hall gren moseley, Birmingham Hall Green and Moseley",
        "camberwell peckam, Camberwell and Peckham"
    })
    void typosGetSuggestionsBestFirst(String query, String best) {
        assertThat(SEATS.find(query)).isInstanceOfSatisfying(SeatMatch.Suggestions.class, s -> {
            assertThat(s.names().get(0)).isEqualTo(best);
            assertThat(s.names()).hasSizeLessThanOrEqualTo(5).doesNotHaveDuplicates();
        });
    }

    @Test
    void aPrefixMatchingSeveralSeatsListsThemCappedWithTheFullCount() {
        assertThat(SEATS.find("birmingham")).isInstanceOfSatisfying(SeatMatch.Ambiguous.class, a -> {
            assertThat(a.names())
                    .hasSize(10)
                    .allMatch(n -> n.startsWith("Birmingham"))
                    .doesNotHaveDuplicates();
            assertThat(a.total()).isEqualTo(11);
        });
        assertThat(SEATS.find("brighton"))
                .isInstanceOfSatisfying(
                        SeatMatch.Ambiguous.class,
                        a -> assertThat(a.names())
                                .containsExactly(
                                        "Brighton, Kemptown", "Brighton Kemptown and Peacehaven", "Brighton Pavilion"));
        assertThat(SEATS.find("richmond"))
                .isInstanceOfSatisfying(
                        SeatMatch.Ambiguous.class,
                        a -> assertThat(a.names())
                                .containsExactlyInAnyOrder(
                                        "Richmond (Yorks)", "Richmond and Northallerton", "Richmond Park"));
        assertThat(SEATS.find("st helens"))
                .isInstanceOfSatisfying(
                        SeatMatch.Ambiguous.class,
                        a -> assertThat(a.names()).containsExactly("St Helens North", "St Helens South and Whiston"));
    }

    @Test
    void namesStartingWithTheQueryAreListedBeforeNamesContainingIt() {
        assertThat(SEATS.find("york"))
                .isInstanceOfSatisfying(
                        SeatMatch.Ambiguous.class,
                        a -> assertThat(a.names())
                                .startsWith("York Central", "York Outer")
                                .contains("Richmond (Yorks)"));
    }

    @ParameterizedTest(name = "\"{0}\" is not found")
    @ValueSource(strings = {"xyzzy", "", "   ", "!!!", "🗳️", "zzzz"})
    void nonsenseAndEmptyQueriesAreNotFound(String query) {
        assertThat(SEATS.find(query)).isInstanceOf(SeatMatch.NotFound.class);
    }

    @Test
    void overlongAndNullQueriesAreNotFound() {
        assertThat(SEATS.find("kingswood ".repeat(11))).isInstanceOf(SeatMatch.NotFound.class);
        assertThat(SEATS.find("a".repeat(10_000))).isInstanceOf(SeatMatch.NotFound.class);
        assertThat(SEATS.find(null)).isInstanceOf(SeatMatch.NotFound.class);
        assertThat(SEATS.search(null, 5)).isEmpty();
        assertThat(SEATS.seatsNamed(null)).isEmpty();
    }

    @Test
    void randomInputNeverThrows() {
        Random random = new Random(20240704);
        for (int i = 0; i < 2_000; i++) {
            String query = random.ints(random.nextInt(40), 0, 0x2FFF)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            assertThatCode(() -> {
                        SEATS.find(query);
                        SEATS.search(query, 5);
                        SEATS.seatsNamed(query);
                    })
                    .as("query %s", query)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void searchListsNamesStartingWithTheTextFirst() {
        assertThat(SEATS.search("leeds", 20)).hasSizeGreaterThan(5).allMatch(n -> n.startsWith("Leeds"));
        assertThat(SEATS.search("york", 5)).startsWith("York Central", "York Outer");
        assertThat(SEATS.search("kingswood", 5)).startsWith("Kingswood");
        assertThat(SEATS.search("brighton", 2))
                .containsExactly("Brighton, Kemptown", "Brighton Kemptown and Peacehaven");
    }

    @Test
    void searchFindsTextInsideWordsAndTyposWhenNothingContainsIt() {
        assertThat(SEATS.search("borough", 50))
                .contains("Wellingborough", "Wellingborough and Rushden", "Scarborough and Whitby");
        assertThat(SEATS.search("kingswod", 5)).startsWith("Kingswood");
        assertThat(SEATS.search("   ", 5)).isEmpty();
        assertThat(SEATS.search("leeds", 0)).isEmpty();
    }

    @Test
    void seatsNamedIgnoresCaseAccentsAndPunctuation() {
        assertThat(SEATS.seatsNamed("ynys mon")).extracting(Seat::gss).containsExactly("W07000112", "W07000041");
        assertThat(SEATS.seatsNamed("Brighton Kemptown")).extracting(Seat::gss).containsExactly("E14000597");
        assertThat(SEATS.seatsNamed("Nowhere")).isEmpty();
    }

    @Test
    void everyNameInTheDataFindsItself() {
        List<Seat> all = SeatFixture.allSeats();
        assertThat(all).hasSize(1295);
        for (Seat seat : all) {
            assertThat(SEATS.find(seat.name()))
                    .as(seat.name())
                    .isInstanceOfSatisfying(
                            SeatMatch.Found.class, f -> assertThat(f.seats()).contains(seat));
        }
    }
}
