package org.resultsdesk.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resultsdesk.core.command.CommandServiceTest.announcement;
import static org.resultsdesk.core.command.CommandServiceTest.ask;
import static org.resultsdesk.core.command.CommandServiceTest.text;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.model.Reply;

/** Issue 12 through the commands: shorthand names, GSS codes, abolished seats, the years a name was used. */
class SeatNamesAndCopyCommandsTest {
    private static String headline(Reply reply) {
        return announcement(reply).headline();
    }

    @Test
    void shorthandWelshNamesAndGssCodesFindTheirSeats() {
        assertThat(headline(ask("/result mid beds"))).startsWith("Mid Bedfordshire, general election 4 Jul 2024");
        assertThat(headline(ask("/result South West Herts"))).startsWith("South West Hertfordshire,");
        assertThat(headline(ask("/result SW Herts"))).startsWith("South West Hertfordshire,");
        assertThat(headline(ask("/result western isles"))).startsWith("Na h-Eileanan an Iar,");
        assertThat(headline(ask("/result Wrecsam"))).startsWith("Wrexham,");
        assertThat(headline(ask("/result E14001316"))).startsWith("Kingswinford and South Staffordshire,");
        assertThat(headline(ask("/result e14000774 2019"))).startsWith("Kingswood, general election 12 Dec 2019");
    }

    @Test
    void resultsAndRWorkLikeResult() {
        assertThat(headline(ask("/results kingswood 2019"))).isEqualTo(headline(ask("/result kingswood 2019")));
        assertThat(headline(ask("/r kingswood 2019"))).isEqualTo(headline(ask("/result kingswood 2019")));
    }

    @Test
    void anAbolishedSeatIsAnsweredWithItsSuccessor() {
        Reply kemptown = ask("/result Brighton Kemptown");
        assertThat(headline(kemptown)).startsWith("Brighton, Kemptown, general election 12 Dec 2019");
        assertThat(text(kemptown)).contains("Abolished in 2024; now mostly Brighton Kemptown and Peacehaven.");
        assertThat(kemptown.suggestions())
                .contains(new Reply.Suggestion(
                        "Brighton Kemptown and Peacehaven", "/result Brighton Kemptown and Peacehaven"));
        assertThat(text(ask("/result Henley"))).contains("Abolished in 2024; now mostly Henley and Thame.");
        assertThat(text(ask("/result Buckingham 2019")))
                .contains(
                        "Abolished in 2024; its largest part (41% of its people) is now in Buckingham and Bletchley.");
        assertThat(text(ask("/result Kingswood 2019"))).contains("Abolished in 2024");
        // Names that live on, even under the same code, are not abolished.
        assertThat(text(ask("/result Ynys Mon 2019"))).doesNotContain("Abolished");
        assertThat(text(ask("/result Na h-Eileanan an Iar 2019"))).doesNotContain("Abolished");
        assertThat(text(ask("/result Brighton Kemptown and Peacehaven"))).doesNotContain("Abolished");
    }

    @Test
    void seatListsShowTheYearsANameWasUsed() {
        assertThat(text(ask("/seats brighton")))
                .contains("Brighton, Kemptown (2010, 2015, 2017, 2019)")
                .contains("Brighton Kemptown and Peacehaven (2024)")
                .contains("Brighton Pavilion (2010, 2015, 2017, 2019, 2024)");
        assertThat(text(ask("/seats kingswood"))).contains("Kingswood (2010, 2015, 2017, 2019, 2024 by-election)");
        List<String> labels = ask("/result brighton").suggestions().stream()
                .map(Reply.Suggestion::label)
                .toList();
        assertThat(labels)
                .contains(
                        "Brighton, Kemptown (2010, 2015, 2017, 2019)",
                        "Brighton Pavilion (2010, 2015, 2017, 2019, 2024)");
        assertThat(ask("/result brighton").suggestions())
                .contains(new Reply.Suggestion(
                        "Brighton Pavilion (2010, 2015, 2017, 2019, 2024)", "/result Brighton Pavilion"));
    }

    @Test
    void theScoreboardsGainsEqualItsLossesForEveryGeneralElection() {
        for (String year : List.of("2019", "2024")) {
            Reply.Table table = (Reply.Table) ask("/scoreboard " + year).parts().get(0);
            int gains = 0;
            int losses = 0;
            for (List<String> row : table.rows().subList(1, table.rows().size())) {
                gains += Integer.parseInt(row.get(2));
                losses += Integer.parseInt(row.get(3));
            }
            assertThat(gains).as(year).isPositive().isEqualTo(losses);
        }
        Reply.Table ge2019 = (Reply.Table) ask("/scoreboard 2019").parts().get(0);
        assertThat(ge2019.rows()).contains(List.of("Others", "0", "0", "1", "-1", "1.5%"));
    }

    @Test
    void snippetsUseWhatTheSeatWasOnTheDay() {
        assertThat(text(ask("/snippet rochdale")))
                .startsWith("Labour's Paul Waugh has regained Rochdale from the"
                        + " Workers Party's George Galloway, who won it at the February 2024 by-election.");
        assertThat(text(ask("/snippet Mid Bedfordshire")))
                .startsWith("The Conservatives' Blake Stephenson has"
                        + " regained Mid Bedfordshire from Labour's Alistair Strathern");
        assertThat(text(ask("/snippet Blackpool South 2024")))
                .startsWith("Labour's Chris Webb has been re-elected in" + " Blackpool South");
        assertThat(text(ask("/snippet Chorley 2024")))
                .as("a note about the tool is not copy")
                .doesNotContain("no swing is given")
                .doesNotContain("swing");
    }
}
