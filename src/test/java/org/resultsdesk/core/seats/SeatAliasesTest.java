package org.resultsdesk.core.seats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Seat;

/** Every alias against every bundled seat: each finds exactly the seat meant, and none takes over another's name. */
class SeatAliasesTest {
    final List<Seat> seats = TestData.archive().seats();
    final SeatDirectory directory = new SeatDirectory(seats);
    final SeatAliases aliases = SeatAliases.bundled();

    @Test
    void everySeatNameStillFindsItsOwnSeat() {
        List<String> wrong = new ArrayList<>();
        for (Seat seat : seats) {
            SeatMatch match = directory.find(seat.name());
            if (!(match instanceof SeatMatch.Found found)
                    || found.seats().stream().noneMatch(s -> s.gss().equals(seat.gss()))) {
                wrong.add(seat.name() + " -> " + match);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everySeatAliasFindsExactlyItsSeat() {
        assertThat(aliases.seatNames()).hasSizeGreaterThan(20);
        List<String> wrong = new ArrayList<>();
        aliases.seatNames().forEach((alias, target) -> {
            SeatMatch match = directory.find(alias);
            boolean right = match instanceof SeatMatch.Found found
                    && found.seats().stream()
                            .anyMatch(s -> s.gss().equals(target)
                                    || SeatNames.normalise(s.name()).equals(SeatNames.normalise(target)));
            if (!right) {
                wrong.add(alias + " -> " + match);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyShortWordInEverySeatNameFindsThatSeat() {
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Seat seat : seats) {
            String name = SeatNames.normalise(seat.name());
            for (Map.Entry<String, String> word : aliases.words().entrySet()) {
                String padded = " " + name + " ";
                String longForm = " " + word.getValue() + " ";
                if (!padded.contains(longForm)) {
                    continue;
                }
                String query =
                        padded.replace(longForm, " " + word.getKey() + " ").strip();
                tried++;
                SeatMatch match = directory.find(query);
                if (!(match instanceof SeatMatch.Found found)
                        || found.seats().stream().noneMatch(s -> s.gss().equals(seat.gss()))) {
                    wrong.add(query + " (for " + seat.name() + ") -> " + match);
                }
            }
        }
        assertThat(tried).isGreaterThan(300);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyCountyAbbreviationInTheIssueIsThere() {
        assertThat(aliases.words())
                .containsKeys(
                        "beds",
                        "bucks",
                        "cambs",
                        "glos",
                        "hants",
                        "herts",
                        "lancs",
                        "leics",
                        "lincs",
                        "northants",
                        "notts",
                        "oxon",
                        "staffs",
                        "wilts",
                        "worcs",
                        "yorks",
                        "sw",
                        "ne",
                        "e");
    }
}
