package org.resultsdesk.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.command.CommandService;
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
import org.resultsdesk.store.JdbiSubscriptionStore;

class SubscriptionCommandsTest {
    static final ChatContext EDITOR = ChatContext.person(Platform.TELEGRAM, "-100555", ChatContext.ChatKind.GROUP, "1");
    static final ChatContext REPORTER =
            ChatContext.person(Platform.TELEGRAM, "-100555", ChatContext.ChatKind.GROUP, "2");
    static final ChannelRef CHANNEL = new ChannelRef(Platform.TELEGRAM, "-100555");

    @TempDir
    Path dir;

    Database database;
    JdbiSubscriptionStore store;
    CommandService commands;

    @BeforeEach
    void setUp() {
        database = Database.sqlite(dir);
        store = new JdbiSubscriptionStore(database, new MutableClock(Instant.parse("2024-07-04T21:00:00Z")));
        SeatDirectory seats = new SeatDirectory(TestData.archive().seats());
        Rights rights = new Rights(new MemoryAuditTrail(), Clock.systemUTC());
        rights.enable(
                new PlatformRights(Platform.TELEGRAM, Set.of(), Optional.empty(), false),
                new KnownChats(Platform.TELEGRAM).admins("-100555", "1"));
        commands = new CommandService(
                TestData.archive(), seats, new SubscriptionCommands(store, seats, TestData.archive(), rights));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static String text(Reply reply) {
        return ((Reply.Text) reply.parts().get(0)).text();
    }

    @Test
    void anEditorSubscribesToASeatUnderEveryBoundarySetItsNameCovers() {
        assertThat(text(commands.handle("/subscribe hartlepool", EDITOR)))
                .isEqualTo("This channel now follows Hartlepool.");
        assertThat(store.forChannel(CHANNEL))
                .extracting(Subscription::target)
                .containsExactlyInAnyOrder("E14000733", "E14001272");
        assertThat(text(commands.handle("/subscribe Hartlepool", EDITOR))).contains("already follows");
        assertThat(text(commands.handle("/subscriptions", REPORTER))).isEqualTo("This channel follows:\nHartlepool");
    }

    @Test
    void subscribingToAnAbolishedSeatWarnsAndOffersItsSuccessor() {
        Reply reply = commands.handle("/subscribe Brighton Kemptown", EDITOR);

        assertThat(text(reply))
                .isEqualTo("This channel now follows Brighton, Kemptown. Abolished in 2024; now mostly"
                        + " Brighton Kemptown and Peacehaven. Follow Brighton Kemptown and Peacehaven too?");
        assertThat(reply.suggestions())
                .containsExactly(new Reply.Suggestion(
                        "Brighton Kemptown and Peacehaven", "/subscribe Brighton Kemptown and Peacehaven"));
        assertThat(text(commands.handle("/subscribe Brighton Kemptown and Peacehaven", EDITOR)))
                .isEqualTo("This channel now follows Brighton Kemptown and Peacehaven.");
    }

    @Test
    void aReporterIsRefusedClearly() {
        assertThat(text(commands.handle("/subscribe all", REPORTER)))
                .isEqualTo("Only this chat's administrators can"
                        + " change what this chat follows. /subscriptions shows what it follows now.");
        assertThat(store.forChannel(CHANNEL)).isEmpty();
    }

    @Test
    void regionsAllAndGainsAndUnsubscribe() {
        assertThat(text(commands.handle("/subscribe region south west", EDITOR)))
                .contains("South West (region)");
        assertThat(text(commands.handle("/subscribe region scot", EDITOR))).contains("Scotland (region)");
        assertThat(text(commands.handle("/subscribe all", EDITOR))).contains("every declaration");
        assertThat(text(commands.handle("/subscribe gains", EDITOR))).contains("changes hands");
        assertThat(store.forChannel(CHANNEL)).hasSize(4);

        assertThat(text(commands.handle("/unsubscribe all", EDITOR))).contains("no longer follows every declaration");
        assertThat(text(commands.handle("/unsubscribe everything", EDITOR))).contains("Removed 3");
        assertThat(store.forChannel(CHANNEL)).isEmpty();
    }

    @Test
    void unknownRegionsAndMisspeltSeatsGetChoices() {
        Reply region = commands.handle("/subscribe region atlantis", EDITOR);
        assertThat(text(region)).startsWith("Regions are:").contains("North East");
        assertThat(region.suggestions()).extracting(Reply.Suggestion::command).contains("/subscribe region Wales");

        Reply seat = commands.handle("/subscribe kingswod", EDITOR);
        assertThat(seat.suggestions()).extracting(Reply.Suggestion::command).contains("/subscribe Kingswood");
        assertThat(text(commands.handle("/subscribe", EDITOR))).contains("/subscribe <seat>");
    }
}
