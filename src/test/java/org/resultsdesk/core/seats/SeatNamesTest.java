package org.resultsdesk.core.seats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeatNamesTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "Ynys Môn | ynys mon",
                "Montgomeryshire and Glyndŵr | montgomeryshire and glyndwr",
                "Weston-super-Mare | weston super mare",
                "  Brighton,   Kemptown  | brighton kemptown",
                "Richmond (Yorks) | richmond yorks",
                "Queen's Park and Maida Vale | queens park and maida vale",
                "Queen’s Park | queens park",
                "St. Helens North | st helens north",
                "Saint Helens | st helens",
                "Saintfield | saintfield",
                "Na h-Eileanan an Iar | na h eileanan an iar",
                "Brighton Kemptown & Peacehaven | brighton kemptown and peacehaven",
                "Brighton Kemptown&Peacehaven | brighton kemptown and peacehaven",
                "& Co | and co",
                "Dùn Èideann | dun eideann",
                "İSTANBUL 2 | istanbul 2",
                "🗳️ Bury | bury",
                "!!! | ''"
            })
    void normalisesWhatTypingCannotBeTrustedWith(String name, String normalised) {
        assertThat(SeatNames.normalise(name)).isEqualTo(normalised);
    }
}
