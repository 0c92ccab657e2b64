package org.resultsdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.AlertDeliveries;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.StatusCommand;
import org.resultsdesk.core.alerts.SubscriptionCommands;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.AuditEntry;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Quote;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.quotes.QuoteCards;
import org.resultsdesk.core.quotes.QuoteCommands;
import org.resultsdesk.core.quotes.QuoteService;
import org.resultsdesk.core.rights.AuditCommand;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiAuditTrail;
import org.resultsdesk.store.JdbiQuoteStore;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * Every route to an editorial action through the real client and the fake Bot API: commands, edited messages,
 * buttons (forged, replayed, pressed by someone else), a private chat naming a group, anonymous administrators. A
 * refused action changes nothing in the store and sends nothing anywhere but the refusal to the asker.
 */
class TelegramRightsTest {
    static final long NEWSROOM = -1001234L;
    static final long DESK_CHAT = -1009000L;
    static final long FOLLOWERS = -1005000L;
    static final long GROUP_ADMIN = 11L;
    static final long DESK_ADMIN = 19L;
    static final long DESK_EDITOR = 7L;
    static final long MEMBER = 43L;
    static final long STRANGER = 42L;
    static final ChannelRef NEWSROOM_REF = new ChannelRef(Platform.TELEGRAM, String.valueOf(NEWSROOM));

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2024-02-16T02:30:00Z"));
    final TelegramUpdates updates = new TelegramUpdates();
    TelegramDesk telegram;
    FakeTelegramApi api;
    Database database;
    TelegramBot bot;
    JdbiSubscriptionStore subscriptions;
    JdbiQuoteStore quotes;
    JdbiAuditTrail audit;
    AlertDelivery delivery;

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(dir);
        telegram = new TelegramDesk(clock, database);
        api = telegram.api();
        api.setAdministrators(NEWSROOM, GROUP_ADMIN);
        api.setAdministrators(FOLLOWERS, GROUP_ADMIN);
        api.setAdministrators(DESK_CHAT, DESK_ADMIN);
        JdbiAlertStore outbox = new JdbiAlertStore(database);
        subscriptions = new JdbiSubscriptionStore(database, clock);
        subscriptions.add(new Subscription(
                new ChannelRef(Platform.TELEGRAM, String.valueOf(FOLLOWERS)),
                Subscription.Kind.SEAT,
                "E14000774",
                "Kingswood"));
        quotes = new JdbiQuoteStore(database);
        audit = new JdbiAuditTrail(database);
        Rights rights = new Rights(audit, clock);
        rights.enable(
                new PlatformRights(
                        Platform.TELEGRAM,
                        Set.of(String.valueOf(DESK_EDITOR)),
                        Optional.of(String.valueOf(DESK_CHAT)),
                        false),
                new TelegramChatDirectory(telegram.client(), clock));
        SeatDirectory seats = new SeatDirectory(TestData.archive().seats());
        QuoteCards cards = new QuoteCards(quotes, TestData.archive());
        CommandService commands = new CommandService(
                TestData.archive(),
                seats,
                cards,
                new SubscriptionCommands(subscriptions, seats, TestData.archive(), rights),
                new QuoteCommands(
                        new QuoteService(
                                quotes, outbox, new AlertRouter(subscriptions), TestData.archive(), clock, () -> {}),
                        quotes,
                        TestData.archive(),
                        seats,
                        rights),
                new StatusCommand(
                        outbox,
                        () -> new StatusCommand.Activity(Optional.empty(), Optional.empty(), Optional.empty()),
                        Optional::empty,
                        clock,
                        rights),
                new AuditCommand(rights));
        bot = telegram.bot(commands, database);
        delivery = AlertDeliveries.withDefaults(
                telegram.gateway(),
                outbox,
                subscriptions,
                new AlertComposer(outbox, TestData.archive(), cards),
                database,
                clock);
    }

    @AfterEach
    void tearDown() {
        telegram.close();
        database.close();
    }

    void poll(ObjectNode update) {
        telegram.poll(bot, update);
        clock.advance(Duration.ofSeconds(2));
    }

    String say(long chat, long from, String text) {
        poll(updates.message(chat, from, text));
        return lastText(chat);
    }

    String lastText(long chat) {
        List<FakeTelegramApi.Posted> posted = api.messages(chat);
        return posted.get(posted.size() - 1).text();
    }

    void deliver() {
        for (int i = 0; i < 6; i++) {
            delivery.deliverDue();
            clock.advance(Duration.ofSeconds(2));
        }
    }

    /** A reporter files a Kingswood quote in the newsroom; it waits for approval. Returns its Approve button. */
    String fileQuote() {
        say(NEWSROOM, MEMBER, "/quote kingswood Damien Egan (Labour): A historic night");
        return api.messages(NEWSROOM)
                .get(api.messages(NEWSROOM).size() - 1)
                .replyMarkup()
                .path("inline_keyboard")
                .get(0)
                .get(0)
                .path("callback_data")
                .asText();
    }

    Quote.Status quoteStatus() {
        return quotes.find(1).orElseThrow().status();
    }

    @Test
    void aStrangerInAPrivateChatMayChangeOnlyThatChat() {
        fileQuote();
        int newsroomBefore = api.messages(NEWSROOM).size();

        assertThat(say(STRANGER, STRANGER, "/quote approve 1"))
                .isEqualTo("Only the desk's editors can approve quotes"
                        + " (the editors the desk has named and the administrators of the desk chat).");
        assertThat(say(STRANGER, STRANGER, "/quotes approval off"))
                .startsWith("Only the desk's editors can turn quote" + " approval on or off");
        assertThat(say(STRANGER, STRANGER, "/quote reject 1")).startsWith("Only the desk's editors can reject");
        assertThat(say(STRANGER, STRANGER, "/quote retract 1")).startsWith("Only the desk's editors can retract");
        assertThat(say(STRANGER, STRANGER, "/quotes pending")).startsWith("Only the desk's editors can see the quotes");
        assertThat(say(STRANGER, STRANGER, "/status")).startsWith("Only the desk's editors can see the desk's status");
        assertThat(say(STRANGER, STRANGER, "/audit")).startsWith("Only the desk's editors can see the audit trail");
        assertThat(say(STRANGER, STRANGER, "/subscribe all in " + NEWSROOM))
                .startsWith("Only the administrators of" + " telegram:-1001234 can change what that chat follows.");
        deliver();

        assertThat(quoteStatus()).isEqualTo(Quote.Status.PENDING);
        assertThat(quotes.approvalRequired(new ChannelRef(Platform.TELEGRAM, String.valueOf(STRANGER))))
                .isTrue();
        assertThat(subscriptions.forChannel(NEWSROOM_REF)).isEmpty();
        assertThat(audit.latest(20)).isEmpty();
        assertThat(api.messages(NEWSROOM)).hasSize(newsroomBefore);
        assertThat(api.messages(FOLLOWERS)).isEmpty();

        assertThat(say(STRANGER, STRANGER, "/subscribe kingswood")).startsWith("This channel now follows Kingswood.");
        assertThat(audit.latest(20)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(Action.SUBSCRIBE);
            assertThat(e.userId()).isEqualTo("42");
            assertThat(e.askedIn()).isEqualTo(new ChannelRef(Platform.TELEGRAM, "42"));
        });
    }

    @Test
    void aGroupMemberWhoIsNotAnAdministratorIsRefusedByCommandAndByEditedMessage() {
        assertThat(say(NEWSROOM, MEMBER, "/subscribe all"))
                .isEqualTo("Only this chat's administrators can change"
                        + " what this chat follows. /subscriptions shows what it follows now.");
        poll(updates.edited(NEWSROOM, MEMBER, "/subscribe gains"));
        assertThat(lastText(NEWSROOM)).startsWith("Only this chat's administrators can change");
        assertThat(say(NEWSROOM, MEMBER, "/quotes approval off")).startsWith("Only the desk's editors");
        assertThat(subscriptions.forChannel(NEWSROOM_REF)).isEmpty();
        assertThat(quotes.approvalRequired(NEWSROOM_REF)).isTrue();

        poll(updates.edited(NEWSROOM, GROUP_ADMIN, "/subscribe gains"));
        assertThat(lastText(NEWSROOM)).isEqualTo("This channel now follows every seat that changes hands.");
        assertThat(say(NEWSROOM, MEMBER, "/unsubscribe everything")).startsWith("Only this chat's administrators");
        assertThat(subscriptions.forChannel(NEWSROOM_REF)).hasSize(1);
        assertThat(audit.latest(20)).extracting(AuditEntry::userId).containsExactly(String.valueOf(GROUP_ADMIN));
    }

    @Test
    void anAnonymousAdministratorHoldsTheirGroupsRightsAndTheDeskChatsAnonymousAdminsApprove() {
        fileQuote();
        poll(updates.fromAnonymousAdmin(NEWSROOM, "/subscribe kingswood"));
        assertThat(lastText(NEWSROOM)).startsWith("This channel now follows Kingswood.");
        poll(updates.fromAnonymousAdmin(NEWSROOM, "/quote approve 1"));
        assertThat(lastText(NEWSROOM)).startsWith("Only the desk's editors can approve quotes");
        poll(updates.sentAsChat(NEWSROOM, -1007777L, "/unsubscribe everything"));
        assertThat(lastText(NEWSROOM)).startsWith("Only this chat's administrators");
        assertThat(quoteStatus()).isEqualTo(Quote.Status.PENDING);
        assertThat(subscriptions.forChannel(NEWSROOM_REF)).hasSize(1);

        poll(updates.fromAnonymousAdmin(DESK_CHAT, "/quote approve 1"));
        assertThat(lastText(DESK_CHAT)).startsWith("Approved quote #1");
        assertThat(audit.latest(20))
                .extracting(AuditEntry::action, AuditEntry::userId, AuditEntry::userName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Action.APPROVE, String.valueOf(DESK_CHAT), "Newsroom " + DESK_CHAT),
                        org.assertj.core.groups.Tuple.tuple(
                                Action.SUBSCRIBE, String.valueOf(NEWSROOM), "Newsroom " + NEWSROOM));
    }

    @Test
    void aBroadcastChannelsOwnPostsHoldItsChannelRightsButNoDeskRights() {
        long channel = -1003000L;
        fileQuote();
        poll(updates.channelPost(channel, "/subscribe kingswood"));
        assertThat(lastText(channel)).startsWith("This channel now follows Kingswood.");
        poll(updates.channelPost(channel, "/quote approve 1"));
        assertThat(lastText(channel)).startsWith("Only the desk's editors can approve quotes");

        assertThat(subscriptions.forChannel(new ChannelRef(Platform.TELEGRAM, String.valueOf(channel))))
                .hasSize(1);
        assertThat(quoteStatus()).isEqualTo(Quote.Status.PENDING);
    }

    @Test
    void deskEditorsApproveFromAnywhereAndTheCardAndAuditSayWho() {
        fileQuote();
        assertThat(say(DESK_EDITOR, DESK_EDITOR, "/quote approve 1")).startsWith("Approved quote #1");
        deliver();
        assertThat(api.messages(FOLLOWERS))
                .singleElement()
                .satisfies(card -> assertThat(card.text())
                        .endsWith("\nKingswood: Labour GAIN from Conservative, majority 2,501\nApproved by User 7"));

        assertThat(say(DESK_ADMIN, DESK_ADMIN, "/quotes approval off"))
                .isEqualTo("Quotes filed here now go out" + " without approval.");
        assertThat(say(DESK_EDITOR, DESK_EDITOR, "/status")).startsWith("Results Desk status");
        assertThat(say(DESK_EDITOR, DESK_EDITOR, "/audit")).isEqualTo("""
                Latest editorial actions (UTC):
                16 Feb 02:30  User 19 (telegram 19) set approval off for quotes filed in telegram:19, in telegram:19
                16 Feb 02:30  User 7 (telegram 7) approved quote #1 from Damien Egan (Labour), in telegram:7""");
    }

    @Test
    void anAdministratorNamesTheirGroupFromAPrivateChatAndNothingIsPostedThere() {
        int before = api.messages(NEWSROOM).size();
        assertThat(say(GROUP_ADMIN, GROUP_ADMIN, "/subscribe kingswood in " + NEWSROOM))
                .startsWith("Chat -1001234 now follows Kingswood.");
        assertThat(say(MEMBER, MEMBER, "/unsubscribe kingswood in " + NEWSROOM))
                .startsWith("Only the administrators of telegram:-1001234");

        assertThat(subscriptions.forChannel(NEWSROOM_REF))
                .extracting(Subscription::target)
                .containsExactly("E14000774");
        assertThat(api.messages(NEWSROOM)).hasSize(before);
        assertThat(audit.latest(20))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("Kingswood for telegram:-1001234"));
    }

    @Test
    void forgedReplayedAndSomeoneElsesButtonsAreCheckedLikeCommands() {
        String approve = fileQuote();
        poll(updates.buttonPress(NEWSROOM, MEMBER, approve));
        assertThat(lastText(NEWSROOM))
                .as("the filer pressing the button they were shown")
                .startsWith("Only the desk's editors can approve quotes");
        poll(updates.buttonPress(NEWSROOM, MEMBER, "c:/quotes approval off"));
        assertThat(lastText(NEWSROOM)).startsWith("Only the desk's editors can turn quote approval");
        poll(updates.buttonPress(NEWSROOM, MEMBER, "c:/subscribe all"));
        assertThat(lastText(NEWSROOM)).startsWith("Only this chat's administrators");
        poll(updates.buttonPress(NEWSROOM, MEMBER, "r:999"));
        deliver();
        assertThat(quoteStatus()).isEqualTo(Quote.Status.PENDING);
        assertThat(quotes.approvalRequired(NEWSROOM_REF)).isTrue();
        assertThat(subscriptions.forChannel(NEWSROOM_REF)).isEmpty();
        assertThat(api.messages(FOLLOWERS)).isEmpty();

        poll(updates.buttonPress(NEWSROOM, DESK_EDITOR, approve));
        assertThat(lastText(NEWSROOM)).startsWith("Approved quote #1");
        poll(updates.buttonPress(NEWSROOM, DESK_EDITOR, approve));
        assertThat(lastText(NEWSROOM)).isEqualTo("Quote #1 is approved, not waiting for approval.");
        deliver();
        assertThat(api.messages(FOLLOWERS)).hasSize(1);
        assertThat(audit.latest(20)).extracting(AuditEntry::action).containsExactly(Action.APPROVE);
    }

    @Test
    void administratorsAreAskedOnlyWhenARightIsAtStakeAndRememberedForAMinute() {
        say(NEWSROOM, MEMBER, "/result kingswood");
        assertThat(api.calls()).doesNotContain("getchatadministrators");

        for (String seat : List.of("kingswood", "wellingborough", "rochdale", "hartlepool", "mid bedfordshire")) {
            assertThat(say(NEWSROOM, GROUP_ADMIN, "/subscribe " + seat)).contains("now follows");
        }
        assertThat(api.calls().stream().filter("getchatadministrators"::equals)).hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        say(NEWSROOM, GROUP_ADMIN, "/unsubscribe kingswood");
        assertThat(api.calls().stream().filter("getchatadministrators"::equals)).hasSize(2);
    }
}
