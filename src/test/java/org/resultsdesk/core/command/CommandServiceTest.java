package org.resultsdesk.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.seats.SeatDirectory;

class CommandServiceTest {
    private static final CommandService SERVICE = new CommandService(
            TestData.archive(), new SeatDirectory(TestData.archive().seats()));

    static Reply ask(String text) {
        return SERVICE.handle(text, ChatContext.console());
    }

    static Announcement announcement(Reply reply) {
        return reply.parts().stream()
                .filter(p -> p instanceof Reply.AnnouncementPart)
                .map(p -> ((Reply.AnnouncementPart) p).announcement())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no announcement in " + reply));
    }

    static String text(Reply reply) {
        return reply.parts().stream()
                .filter(p -> p instanceof Reply.Text)
                .map(p -> ((Reply.Text) p).text())
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void resultAnswersWithTheLatestContestInTheSeat() {
        Announcement a = announcement(ask("/result wellingborough"));

        assertThat(a.headline()).isEqualTo("Wellingborough by-election, 15 Feb 2024");
        assertThat(a.rows().get(0).votes()).isEqualTo("13,844");
        assertThat(a.swing()).contains("Swing 28.5% Con to Lab");
        assertThat(a.notes()).contains("Overturns a Conservative majority of 18,540 (2019)");
    }

    @Test
    void commandNamesIgnoreCaseAndABotSuffix() {
        assertThat(announcement(ask("/RESULT@ResultsDeskBot Kingswood")).headline())
                .isEqualTo("Kingswood by-election, 15 Feb 2024");
        assertThat(announcement(ask("result kingswood")).headline()).startsWith("Kingswood by-election");
    }

    @Test
    void anEarlierContestIsAskedForByYearAndOffered() {
        Reply latest = ask("/result kingswood");
        assertThat(latest.suggestions()).extracting(Reply.Suggestion::command).contains("/result Kingswood 2019");

        Announcement older = announcement(ask("/result kingswood 2019"));
        assertThat(older.headline()).isEqualTo("Kingswood, general election 12 Dec 2019");
        assertThat(older.verdict()).isEqualTo("Conservative HOLD");
        assertThat(older.winnerLine()).isEqualTo("Chris Skidmore (Con) elected, majority 11,220 (22.8%)");
    }

    @Test
    void everyOfferedButtonAnswersWithAResult() {
        Reply hartlepool = ask("/result hartlepool");
        // Every other contest on file in the seat: GE2010 to GE2019 and the 2021 by-election beside GE2024's.
        assertThat(hartlepool.suggestions())
                .extracting(Reply.Suggestion::label)
                .containsExactly(
                        "Hartlepool by-election 2021",
                        "Hartlepool general election 2019",
                        "Hartlepool general election 2017",
                        "Hartlepool general election 2015",
                        "Hartlepool general election 2010");
        for (Reply.Suggestion s : hartlepool.suggestions()) {
            assertThat(announcement(ask(s.command())).headline()).startsWith("Hartlepool");
        }
        assertThat(announcement(ask("/result hartlepool by-election")).headline())
                .isEqualTo("Hartlepool by-election, 6 May 2021");
    }

    @Test
    void anElectionTheSeatDidNotHaveListsTheOnesItDid() {
        Reply reply = ask("/result hartlepool 2005");

        assertThat(text(reply)).contains("no result for Hartlepool in that election");
        assertThat(reply.suggestions()).extracting(Reply.Suggestion::label).contains("Hartlepool by-election 2021");
    }

    @Test
    void aTypoGetsDidYouMeanWithAButton() {
        Reply reply = ask("/result kingswod");

        assertThat(text(reply)).contains("Did you mean Kingswood");
        assertThat(reply.suggestions()).extracting(Reply.Suggestion::command).contains("/result Kingswood");
        assertThat(announcement(ask(reply.suggestions().get(0).command())).headline())
                .startsWith("Kingswood");
    }

    @Test
    void missingSeatLongInputAndUnknownCommandsGetShortHelp() {
        assertThat(text(ask("/result"))).contains("Which seat?").contains("/result Kingswood");
        assertThat(text(ask("/result " + "x".repeat(300)))).contains("too long");
        assertThat(text(ask("/resutl kingswood")))
                .contains("don't know the command")
                .contains("/help");
        assertThat(text(ask("/help"))).contains("/result").contains("/snippet").contains("/scoreboard");
    }

    @Test
    void anAmbiguousPrefixSaysHowManySeatsItMatches() {
        Reply reply = ask("/result birmingham");

        assertThat(text(reply)).startsWith("\"birmingham\" matches 11 seats. Which one? The first 8 are below");
        assertThat(reply.suggestions()).hasSize(8).allMatch(s -> s.command().startsWith("/result Birmingham"));
    }

    @Test
    void snippetIsTheCopyParagraph() {
        assertThat(text(ask("/snippet kingswood")))
                .startsWith("Labour's Damien Egan has won the February 2024 Kingswood by-election, overturning a"
                        + " Conservative majority of 11,220.");
    }

    /** Copy asked for the week of the contest needs no date; asked later, it names the contest's date. */
    @Test
    void snippetIsDatedUnlessTheContestIsThisWeeks() {
        CommandService onTheNight = new CommandService(
                TestData.archive(),
                new SeatDirectory(TestData.archive().seats()),
                Clock.fixed(Instant.parse("2024-02-16T01:30:00Z"), ZoneOffset.UTC),
                ResultAddenda.NONE);
        CommandService weeksLater = new CommandService(
                TestData.archive(),
                new SeatDirectory(TestData.archive().seats()),
                Clock.fixed(Instant.parse("2024-03-16T01:30:00Z"), ZoneOffset.UTC),
                ResultAddenda.NONE);

        assertThat(text(onTheNight.handle("/snippet kingswood", ChatContext.console())))
                .startsWith("Labour's Damien Egan has won the Kingswood by-election, overturning");
        assertThat(text(weeksLater.handle("/snippet kingswood", ChatContext.console())))
                .startsWith("Labour's Damien Egan has won the February 2024 Kingswood by-election, overturning");
        assertThat(text(weeksLater.handle("/snippet kingswood 2019", ChatContext.console())))
                .startsWith(
                        "The Conservatives' Chris Skidmore has been re-elected in Kingswood at the 2019 general election.");
    }

    /** A seat abolished since is said to be, in copy words, after the paragraph and before any quote. */
    @Test
    void snippetSaysWhenTheSeatHasSinceBeenAbolished() {
        String belfastSouth = text(ask("/snippet belfast south"));

        assertThat(belfastSouth)
                .startsWith("The SDLP's Claire Hanna has won Belfast South at the 2019 general election")
                .endsWith(". Belfast South was abolished in 2024; most of it is now in Belfast South and Mid Down.\n");
    }

    @Test
    void seatsSearchesNames() {
        Reply reply = ask("/seats brighton");
        assertThat(text(reply)).contains("Pavilion").contains("Kemptown");
        assertThat(reply.suggestions()).isNotEmpty();
        assertThat(text(ask("/seats"))).contains("/seats brighton");
    }

    @Test
    void scoreboardForGe2024MatchesTheDeclaredSeatTotals() {
        Reply reply = ask("/scoreboard 2024");
        Reply.Table table = (Reply.Table) reply.parts().get(0);

        assertThat(table.title()).isEqualTo("General election 2024: 650 seats declared");
        assertThat(row(table, "LAB")).startsWith("LAB", "411");
        assertThat(row(table, "CON")).startsWith("CON", "121");
        assertThat(row(table, "LD")).startsWith("LD", "72");
        assertThat(row(table, "RUK")).startsWith("RUK", "5");
        assertThat(row(table, "LAB").get(5)).isEqualTo("33.7%");
        assertThat(text(ask("/scoreboard by-election"))).contains("general elections");
    }

    @Test
    void aboutAttributesTheData() {
        assertThat(text(ask("/about"))).contains("Open Parliament Licence v3.0").contains("House of Commons Library");
    }

    private static List<String> row(Reply.Table table, String label) {
        return table.rows().stream()
                .filter(r -> r.get(0).equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + table.rows()));
    }
}
