package org.resultsdesk.it;

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
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.quotes.QuoteCards;
import org.resultsdesk.core.quotes.QuoteCommands;
import org.resultsdesk.core.quotes.QuoteService;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.slack.SlackApp;
import org.resultsdesk.slack.SlackApps;
import org.resultsdesk.slack.SlackGateway;
import org.resultsdesk.slack.SlackSettings;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiAuditTrail;
import org.resultsdesk.store.JdbiQuoteStore;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.telegram.TelegramBot;
import org.resultsdesk.telegram.TelegramChatDirectory;
import org.resultsdesk.telegram.TelegramDesk;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * Quote snippets end to end: filed and approved in Telegram, cards to every Telegram chat and Slack channel that
 * follows the seat, once each, and retracted.
 */
class QuotesThroughChatsTest {
    static final long COUNT_CHAT = -1007000L;
    static final long KINGSWOOD_DESK = -1008000L;
    static final long UNRELATED = -1009000L;
    static final String SLACK_POLITICS = "C0POLITICS";
    static final long EDITOR = 7L;
    static final long REPORTER = 42L;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2024-02-16T02:30:00Z"));
    final TelegramUpdates telegramUpdates = new TelegramUpdates();
    TelegramDesk telegramDesk;
    FakeTelegramApi telegram;
    FakeSlackApi slack;
    Database database;
    TelegramBot bot;
    CommandService commands;
    AlertDelivery toTelegram;
    AlertDelivery toSlack;
    JdbiAlertStore outbox;

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(dir);
        telegramDesk = new TelegramDesk(clock, database);
        telegram = telegramDesk.api();
        slack = new FakeSlackApi(clock);
        for (long chat : new long[] {COUNT_CHAT, KINGSWOOD_DESK, UNRELATED}) {
            telegram.setAdministrators(chat, EDITOR);
        }
        outbox = new JdbiAlertStore(database);
        JdbiSubscriptionStore subscriptions = new JdbiSubscriptionStore(database, clock);
        subscriptions.add(new Subscription(
                new ChannelRef(Platform.TELEGRAM, String.valueOf(KINGSWOOD_DESK)),
                Subscription.Kind.SEAT,
                "E14000774",
                "Kingswood"));
        subscriptions.add(new Subscription(
                new ChannelRef(Platform.TELEGRAM, String.valueOf(UNRELATED)),
                Subscription.Kind.SEAT,
                "E14001025",
                "Wellingborough"));
        subscriptions.add(
                new Subscription(new ChannelRef(Platform.SLACK, SLACK_POLITICS), Subscription.Kind.ALL, null, "all"));
        JdbiQuoteStore quotes = new JdbiQuoteStore(database);
        SeatDirectory seats = new SeatDirectory(TestData.archive().seats());
        QuoteCards cards = new QuoteCards(quotes, TestData.archive());
        Rights rights = new Rights(new JdbiAuditTrail(database), clock);
        rights.enable(
                new PlatformRights(Platform.TELEGRAM, Set.of(), Optional.of(String.valueOf(COUNT_CHAT)), false),
                new TelegramChatDirectory(telegramDesk.client(), clock));
        commands = new CommandService(
                TestData.archive(),
                seats,
                cards,
                new QuoteCommands(
                        new QuoteService(
                                quotes, outbox, new AlertRouter(subscriptions), TestData.archive(), clock, () -> {}),
                        quotes,
                        TestData.archive(),
                        seats,
                        rights));
        bot = telegramDesk.bot(commands, database);
        AlertComposer composer = new AlertComposer(outbox, TestData.archive(), cards);
        toTelegram =
                AlertDeliveries.withDefaults(telegramDesk.gateway(), outbox, subscriptions, composer, database, clock);
        SlackSettings slackSettings =
                SlackApps.settings(slack, "secret", SlackSettings.Visibility.IN_CHANNEL, Set.of());
        toSlack = AlertDeliveries.withDefaults(
                new SlackGateway(SlackApp.slack(slackSettings).methods(FakeSlackApi.BOT_TOKEN)),
                outbox,
                subscriptions,
                composer,
                database,
                clock);
    }

    @AfterEach
    void tearDown() {
        telegramDesk.close();
        slack.close();
        database.close();
    }

    void deliver() {
        for (int i = 0; i < 6; i++) {
            toTelegram.deliverDue();
            toSlack.deliverDue();
            clock.advance(Duration.ofSeconds(2));
        }
    }

    void poll(ObjectNode update) {
        telegramDesk.poll(bot, update);
        clock.advance(Duration.ofSeconds(2));
    }

    String lastText(long chat) {
        List<FakeTelegramApi.Posted> posted = telegram.messages(chat);
        return posted.get(posted.size() - 1).text();
    }

    @Test
    void aQuoteFiledInTelegramIsApprovedByAnEditorAndReachesEveryFollowerOnceThenIsRetracted() {
        poll(telegramUpdates.message(
                COUNT_CHAT,
                REPORTER,
                "/quote kingswood Keir Starmer (Labour leader): These are fantastic results"
                        + " in Kingswood & Wellingborough <3 🌹"));
        FakeTelegramApi.Posted filed = telegram.messages(COUNT_CHAT).get(0);
        assertThat(filed.text()).contains("Filed quote #1 from Keir Starmer (Labour leader) (Kingswood)");
        String approve = filed.replyMarkup()
                .path("inline_keyboard")
                .get(0)
                .get(0)
                .path("callback_data")
                .asText();

        poll(telegramUpdates.buttonPress(COUNT_CHAT, REPORTER, approve));
        assertThat(lastText(COUNT_CHAT)).startsWith("Only the desk's editors can approve quotes");
        deliver();
        assertThat(telegram.messages(KINGSWOOD_DESK)).isEmpty();

        poll(telegramUpdates.buttonPress(COUNT_CHAT, EDITOR, approve));
        assertThat(lastText(COUNT_CHAT)).contains("Approved quote #1").contains("going to 2 channel(s)");
        deliver();

        assertThat(telegram.messages(KINGSWOOD_DESK))
                .singleElement()
                .satisfies(
                        card -> assertThat(card.text())
                                .isEqualTo(
                                        "“These are fantastic results in Kingswood &amp; Wellingborough &lt;3 🌹”\n— Keir Starmer"
                                                + " (Labour leader)\nKingswood: Labour GAIN from Conservative, majority 2,501\nApproved by User 7"));
        assertThat(telegram.messages(UNRELATED)).isEmpty();
        assertThat(slack.messages(SLACK_POLITICS))
                .singleElement()
                .satisfies(card -> assertThat(card.text()).contains("— Keir Starmer (Labour leader)"));

        poll(telegramUpdates.message(KINGSWOOD_DESK, REPORTER, "/result kingswood"));
        assertThat(lastText(KINGSWOOD_DESK)).contains("Quotes:").contains("— Keir Starmer (Labour leader)");

        poll(telegramUpdates.message(COUNT_CHAT, EDITOR, "/quote retract 1"));
        deliver();
        FakeTelegramApi.Posted card = telegram.messages(KINGSWOOD_DESK).get(0);
        assertThat(card.text()).startsWith("Retracted: the quote from Keir Starmer (Labour leader)");
        assertThat(slack.messages(SLACK_POLITICS).get(0).text()).startsWith("Retracted:");
    }

    @Test
    void aLongQuoteIsRefusedClearlyAndApprovalCanBeSwitchedOffByEditorsOnly() {
        poll(telegramUpdates.message(COUNT_CHAT, REPORTER, "/quotes approval off"));
        assertThat(lastText(COUNT_CHAT)).startsWith("Only the desk's editors can turn quote approval on or off");
        poll(telegramUpdates.message(COUNT_CHAT, EDITOR, "/quotes approval off"));
        poll(telegramUpdates.message(COUNT_CHAT, REPORTER, "/quote kingswood Damien Egan: " + "x".repeat(1600)));
        assertThat(lastText(COUNT_CHAT)).contains("the desk takes up to 1500");
        poll(telegramUpdates.message(
                COUNT_CHAT,
                REPORTER,
                "/quote kingswood Damien Egan: " + "word ".repeat(220).strip()));
        assertThat(lastText(COUNT_CHAT)).contains("is out to 2 channel(s)");
        deliver();
        assertThat(telegram.messages(KINGSWOOD_DESK))
                .singleElement()
                .satisfies(m -> assertThat(m.text().length()).isGreaterThan(1000));
    }

    @Test
    void editorsAreDecidedPerPlatform() {
        ChatContext slackReporter =
                ChatContext.person(Platform.SLACK, SLACK_POLITICS, ChatContext.ChatKind.GROUP, "U0REPORTER");
        commands.handle("/quote national Rishi Sunak: Disappointing", slackReporter);
        assertThat(commands.handle("/quote approve 1", slackReporter)
                        .parts()
                        .get(0)
                        .toString())
                .contains("Only the desk's editors can approve quotes");
    }
}
