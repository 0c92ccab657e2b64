package org.resultsdesk.core.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.RecordingGateway;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.rights.KnownChats;
import org.resultsdesk.core.rights.MemoryAuditTrail;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiQuoteStore;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiSubscriptionStore;

/** A quote from the count to every channel that follows the seat, through approval and retraction. */
class QuoteFlowTest {
    static final ChatContext REPORTER =
            ChatContext.person(Platform.TELEGRAM, "-100count", ChatContext.ChatKind.GROUP, "reporter-7");
    static final ChatContext EDITOR = new ChatContext(
            Platform.TELEGRAM, "-100count", ChatContext.ChatKind.GROUP, "editor-1", "Jane Editor", false);
    static final ChannelRef KINGSWOOD_DESK = new ChannelRef(Platform.TELEGRAM, "-100kingswood");
    static final ChannelRef SOUTH_WEST = new ChannelRef(Platform.TELEGRAM, "-100southwest");
    static final ChannelRef SCOTLAND = new ChannelRef(Platform.TELEGRAM, "-100scotland");
    static final ChannelRef EVERYTHING = new ChannelRef(Platform.TELEGRAM, "-100all");
    static final String STARMER = "/quote kingswood Keir Starmer (Labour leader): These are fantastic results in"
            + " Kingswood and Wellingborough.";

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.parse("2024-02-16T02:00:00Z"));
    Database database;
    JdbiAlertStore outbox;
    JdbiQuoteStore quotes;
    CommandService commands;
    AlertDelivery delivery;
    RecordingGateway telegram = new RecordingGateway(Platform.TELEGRAM, clock::instant);

    @BeforeEach
    void setUp() {
        database = Database.sqlite(dir);
        outbox = new JdbiAlertStore(database);
        quotes = new JdbiQuoteStore(database);
        JdbiSubscriptionStore subscriptions = new JdbiSubscriptionStore(database, clock);
        subscriptions.add(new Subscription(KINGSWOOD_DESK, Subscription.Kind.SEAT, "E14000774", "Kingswood"));
        subscriptions.add(new Subscription(SOUTH_WEST, Subscription.Kind.REGION, "south west", "South West"));
        subscriptions.add(new Subscription(SCOTLAND, Subscription.Kind.REGION, "scotland", "Scotland"));
        subscriptions.add(new Subscription(EVERYTHING, Subscription.Kind.ALL, null, "all"));
        SeatDirectory seats = new SeatDirectory(TestData.archive().seats());
        Rights rights = new Rights(new MemoryAuditTrail(), clock);
        rights.enable(
                new PlatformRights(Platform.TELEGRAM, Set.of("editor-1"), Optional.empty(), false),
                new KnownChats(Platform.TELEGRAM));
        AlertRouter router = new AlertRouter(subscriptions);
        QuoteService service = new QuoteService(quotes, outbox, router, TestData.archive(), clock, () -> {});
        QuoteCards cards = new QuoteCards(quotes, TestData.archive());
        commands = new CommandService(
                TestData.archive(),
                seats,
                cards,
                new QuoteCommands(service, quotes, TestData.archive(), seats, rights));
        delivery = new AlertDelivery(
                telegram,
                outbox,
                subscriptions,
                new AlertComposer(outbox, TestData.archive(), cards),
                new JdbiSendBudget(database),
                clock,
                AlertDelivery.Settings.DEFAULTS,
                new AlertDelivery.Listener() {});
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static String text(Reply reply) {
        return reply.parts().stream()
                .filter(p -> p instanceof Reply.Text)
                .map(p -> ((Reply.Text) p).text())
                .reduce("", (a, b) -> a + b + "\n");
    }

    void deliver() {
        for (int i = 0; i < 10; i++) {
            delivery.deliverDue();
            clock.advance(Duration.ofSeconds(3));
        }
    }

    @Test
    void aReportersQuoteWaitsForAnEditorThenReachesEveryFollowingChannelOnce() {
        Reply filed = commands.handle(STARMER, REPORTER);
        assertThat(text(filed)).startsWith("Filed quote #1 from Keir Starmer (Labour leader) (Kingswood)");
        assertThat(filed.suggestions())
                .extracting(Reply.Suggestion::command)
                .containsExactly("/quote approve 1", "/quote reject 1");
        deliver();
        assertThat(telegram.sent).isEmpty();

        assertThat(text(commands.handle("/quote approve 1", REPORTER)))
                .startsWith("Only the desk's editors can" + " approve quotes");
        assertThat(text(commands.handle("/quote approve 1", EDITOR))).contains("going to 3 channel(s)");
        deliver();

        assertThat(telegram.sent)
                .extracting(RecordingGateway.Sent::channelId)
                .containsExactlyInAnyOrder(KINGSWOOD_DESK.channelId(), SOUTH_WEST.channelId(), EVERYTHING.channelId());
        assertThat(text(telegram.sent.get(0).reply()))
                .isEqualTo("“These are fantastic results in Kingswood and"
                        + " Wellingborough.”\n— Keir Starmer (Labour leader)\nKingswood: Labour GAIN from Conservative,"
                        + " majority 2,501\nApproved by Jane Editor\n");
        assertThat(text(commands.handle("/quote approve 1", EDITOR))).contains("is approved, not waiting");
    }

    @Test
    void aQuoteFiledWithoutItsFullStopEndsAsASentenceInTheSnippet() {
        commands.handle("/quote kingswood Damien Egan (Labour): \"This is a historic night\"", REPORTER);
        commands.handle("/quote approve 1", EDITOR);

        assertThat(text(commands.handle("/snippet kingswood", REPORTER)))
                .endsWith(" Egan said: “This is a historic night.”\n");
    }

    @Test
    void approvedQuotesShowUnderTheResultAndInTheSnippet() {
        commands.handle(STARMER, REPORTER);
        commands.handle("/quote approve 1", EDITOR);

        assertThat(text(commands.handle("/result kingswood", REPORTER)))
                .contains("Quotes:\n“These are fantastic"
                        + " results in Kingswood and Wellingborough.” — Keir Starmer (Labour leader)");
        assertThat(text(commands.handle("/snippet kingswood", REPORTER)))
                .endsWith("Turnout was 37.1%. Kingswood was abolished in 2024; its largest part (45% of its people) is"
                        + " now in North East Somerset and Hanham. Starmer said:"
                        + " “These are fantastic results in Kingswood and Wellingborough.”\n");
        assertThat(text(commands.handle("/quotes kingswood", REPORTER))).contains("#1 “These are fantastic");
    }

    @Test
    void aRetractionEditsThePostedCards() {
        commands.handle(STARMER, REPORTER);
        commands.handle("/quote approve 1", EDITOR);
        deliver();

        assertThat(text(commands.handle("/quote retract 1", EDITOR))).contains("3 posted card(s)");
        deliver();

        assertThat(telegram.edits)
                .hasSize(3)
                .allSatisfy(e -> assertThat(text(e.reply()))
                        .startsWith("Retracted: the quote from Keir Starmer (Labour leader)"));
        assertThat(telegram.sent).hasSize(3);
        assertThat(text(commands.handle("/result kingswood", REPORTER))).doesNotContain("Quotes:");
    }

    @Test
    void nationalQuotesGoToChannelsFollowingEverythingAndSeveralSeatsToEachSeatsFollowers() {
        commands.handle("quotes approval off", EDITOR);
        assertThat(text(commands.handle(
                        "/quote national Rishi Sunak (Prime Minister) “Disappointing results.”", REPORTER)))
                .contains("national reaction")
                .contains("out to 1 channel(s)");
        assertThat(text(commands.handle("/quote kingswood, aberdeen south Ed Davey: Good night", REPORTER)))
                .contains("(Kingswood, Aberdeen South)")
                .contains("out to 4 channel(s)");
    }

    @Test
    void markupEmojiAndLongQuotesBehave() {
        commands.handle("/quotes approval off", EDITOR);
        String markup = "/quote kingswood <b>Damien</b> & Co: Vote <Labour> & win 🎉🌹 \"really\"";
        assertThat(text(commands.handle(markup, REPORTER))).contains("<b>Damien</b> & Co");
        deliver();
        assertThat(text(telegram.sentTo(KINGSWOOD_DESK.channelId()).get(0).reply()))
                .startsWith("“Vote <Labour> & win 🎉🌹 \"really\"”\n— <b>Damien</b> & Co");

        String thousand = "word ".repeat(240).strip();
        assertThat(text(commands.handle("/quote kingswood Damien Egan: " + thousand, REPORTER)))
                .contains("is out to");
        String tooLong = "word ".repeat(400).strip();
        assertThat(text(commands.handle("/quote kingswood Damien Egan: " + tooLong, REPORTER)))
                .contains("1999 characters long; the desk takes up to 1500");
        assertThat(text(commands.handle("/quote Damien Egan said something", REPORTER)))
                .contains("after a colon");
        assertThat(text(commands.handle("/quote atlantis Bob: hello", REPORTER)))
                .contains("could not find a seat");
    }

    @Test
    void aQuoteWithoutASpeakerGetsAPoliteAnswerAndTheLongestSeatThatLeavesASpeakerWins() {
        commands.handle("/quotes approval off", EDITOR);
        assertThat(text(commands.handle("/quote kingswood (Editor): words", REPORTER)))
                .startsWith("Who said it?");
        assertThat(text(commands.handle("/quote kingswood : words", REPORTER))).startsWith("Who said it?");
        assertThat(text(commands.handle("/quote national (Aide): words", REPORTER)))
                .startsWith("Who said it?");

        assertThat(text(commands.handle("/quote brighton kemptown A & B (Aide): x", REPORTER)))
                .contains("from B (Aide) (Brighton Kemptown and Peacehaven)");
        assertThat(text(commands.handle("/quote kingswood Ann Lee (((((((((((((((((((((((((x): words", REPORTER)))
                .contains("from Ann Lee (((((((((((((((((((((((( (x)");
    }
}
