package org.resultsdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.AlertDeliveries;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.cards.ChartCardRenderer;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.AlertPictures;
import org.resultsdesk.core.alerts.CardSource;
import org.resultsdesk.core.alerts.CardsCommand;
import org.resultsdesk.core.alerts.ContextSource;
import org.resultsdesk.core.alerts.SubscriptionCommands;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.slack.SlackApp;
import org.resultsdesk.slack.SlackApps;
import org.resultsdesk.slack.SlackChatDirectory;
import org.resultsdesk.slack.SlackGateway;
import org.resultsdesk.slack.SlackSettings;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiAuditTrail;
import org.resultsdesk.store.JdbiChannelCards;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.telegram.TelegramBot;
import org.resultsdesk.telegram.TelegramChatDirectory;
import org.resultsdesk.telegram.TelegramDesk;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * Alerts as pictures, end to end: editors turn cards on in one channel and not another, a declaration file lands,
 * and through the real clients the carded channel gets one photo while the other gets text; a correction replaces
 * the picture and still posts its note.
 */
class CardedAlertsTest {
    static final long CARDS = -1007000L;
    static final long TEXT = -1008000L;
    static final long EDITOR = 7L;
    static final long REPORTER = 42L;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2019-12-12T23:00:00Z"));
    final TelegramUpdates updates = new TelegramUpdates();
    final Cards cards = new Cards(new ChartCardRenderer());
    TelegramDesk telegram;
    FakeTelegramApi api;
    Database database;
    JdbiAlertStore outbox;
    JdbiSubscriptionStore subscriptions;
    DeclarationInbox inbox;
    TelegramBot bot;
    CommandService commands;
    Rights rights;
    AlertComposer composer;
    AlertDelivery delivery;

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(dir.resolve("db"));
        telegram = new TelegramDesk(clock, database);
        api = telegram.api();
        api.setAdministrators(CARDS, EDITOR);
        api.setAdministrators(TEXT, EDITOR);
        outbox = new JdbiAlertStore(database);
        ResultsArchive archive = TestData.freshArchive();
        SeatDirectory seats = new SeatDirectory(archive.seats());
        subscriptions = new JdbiSubscriptionStore(database, clock);
        inbox = new DeclarationInbox(dir.resolve("inbox"), clock, outbox, archive, subscriptions);
        JdbiChannelCards channelCards = new JdbiChannelCards(database, clock);
        rights = new Rights(new JdbiAuditTrail(database), clock);
        rights.enable(
                new PlatformRights(ChatContext.Platform.TELEGRAM, Set.of(), Optional.empty(), false),
                new TelegramChatDirectory(telegram.client(), clock));
        commands = new CommandService(
                archive,
                seats,
                new SubscriptionCommands(subscriptions, seats, archive, rights),
                new CardsCommand(channelCards, rights));
        bot = telegram.bot(commands, database);
        composer = new AlertComposer(
                outbox, archive, CardSource.NONE, ContextSource.NONE, AlertPictures.cards(channelCards, cards));
        delivery = AlertDeliveries.withDefaults(telegram.gateway(), outbox, subscriptions, composer, database, clock);
    }

    @AfterEach
    void tearDown() {
        telegram.close();
        database.close();
    }

    void say(long chat, long from, String text) {
        telegram.poll(bot, updates.message(chat, from, text));
        clock.advance(Duration.ofSeconds(2));
    }

    void deliver(Runnable pass) {
        for (int i = 0; i < 20; i++) {
            pass.run();
            clock.advance(Duration.ofMillis(500));
        }
    }

    static Contest kingswood() {
        return TestData.contest("parl.2019-12-12", "E14000774");
    }

    /** Kingswood 2019 with 20 votes moved from Conservative to Labour. */
    static Contest recount() {
        return TestData.withVotesMoved(kingswood(), "Con", "Lab", 20);
    }

    private List<FakeTelegramApi.Posted> since(long chat, int from) {
        List<FakeTelegramApi.Posted> all = api.messages(chat);
        return all.subList(from, all.size());
    }

    @Test
    void aCardedTelegramChatGetsOnePhotoAndItsCorrectionReplacesIt() throws Exception {
        say(CARDS, REPORTER, "/cards on");
        assertThat(api.messages(CARDS).get(0).text())
                .isEqualTo("Only this chat's administrators can change how this chat's alerts look.");
        say(CARDS, EDITOR, "/cards on");
        say(CARDS, EDITOR, "/subscribe kingswood");
        say(TEXT, EDITOR, "/subscribe kingswood");
        int cardsBefore = api.messages(CARDS).size();
        int textBefore = api.messages(TEXT).size();

        inbox.land(kingswood(), 1);
        deliver(delivery::deliverDue);

        FakeTelegramApi.Posted photo = since(CARDS, cardsBefore).get(0);
        assertThat(since(CARDS, cardsBefore)).hasSize(1);
        FakeTelegramApi.Photo first = api.photo(photo.messageId()).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.png()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(675);
        assertThat(photo.text()).contains("<b>Kingswood, general election 12 Dec 2019</b>");
        assertThat(since(TEXT, textBefore)).singleElement().satisfies(m -> {
            assertThat(api.photo(m.messageId())).isEmpty();
            assertThat(m.text()).contains("<b>Kingswood, general election 12 Dec 2019</b>");
        });

        inbox.land(recount(), 2);
        deliver(delivery::deliverDue);

        assertThat(api.mediaEdits()).containsExactly(photo.messageId());
        FakeTelegramApi.Photo replaced = api.photo(photo.messageId()).orElseThrow();
        assertThat(replaced.png()).isNotEqualTo(first.png());
        assertThat(api.messages(CARDS).stream()
                        .filter(m -> m.messageId() == photo.messageId())
                        .findFirst()
                        .orElseThrow()
                        .text())
                .contains("majority 11,180")
                .contains("Corrected: revision 2");
        List<FakeTelegramApi.Posted> after = since(CARDS, cardsBefore);
        assertThat(after).hasSize(2);
        assertThat(after.get(1).text()).startsWith("Correction: revised figures for Kingswood");
        assertThat(api.photo(after.get(1).messageId())).isEmpty();
        assertThat(since(TEXT, textBefore))
                .hasSize(2)
                .allSatisfy(m -> assertThat(api.photo(m.messageId())).isEmpty());
    }

    @Test
    void aCardedSlackChannelGetsOneUploadAndAChannelWithCardsOffGetsText() throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi(clock)) {
            SlackSettings settings =
                    SlackApps.settings(slack, "secret", SlackSettings.Visibility.IN_CHANNEL, Set.of("U0EDITOR"));
            AlertDelivery toSlack = AlertDeliveries.withDefaults(
                    new SlackGateway(SlackApp.slack(settings).methods(FakeSlackApi.BOT_TOKEN)),
                    outbox,
                    subscriptions,
                    composer,
                    database,
                    clock);
            rights.enable(
                    new PlatformRights(ChatContext.Platform.SLACK, settings.editorUserIds(), Optional.empty(), true),
                    new SlackChatDirectory(SlackApp.slack(settings).methods(FakeSlackApi.BOT_TOKEN), clock));
            ChatContext pictures = ChatContext.person(
                    ChatContext.Platform.SLACK, "C0PICTURES", ChatContext.ChatKind.GROUP, "U0EDITOR");
            ChatContext words =
                    ChatContext.person(ChatContext.Platform.SLACK, "C0WORDS", ChatContext.ChatKind.GROUP, "U0EDITOR");
            commands.handle("/cards on", pictures);
            commands.handle("/subscribe kingswood", pictures);
            commands.handle("/cards off", words);
            commands.handle("/subscribe kingswood", words);

            inbox.land(kingswood(), 1);
            deliver(toSlack::deliverDue);

            assertThat(slack.uploads()).singleElement().satisfies(u -> {
                assertThat(u.channel()).isEqualTo("C0PICTURES");
                assertThat(u.width()).isEqualTo(1200);
                assertThat(u.comment()).startsWith("Kingswood, general election 12 Dec 2019");
            });
            assertThat(slack.messages("C0PICTURES")).hasSize(1);
            assertThat(slack.messages("C0WORDS"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.text()).startsWith("Kingswood, general election 12 Dec 2019"));

            inbox.land(recount(), 2);
            deliver(toSlack::deliverDue);

            assertThat(slack.messages("C0PICTURES")).hasSize(2);
            assertThat(slack.messages("C0PICTURES").get(0).text()).contains("Corrected: revision 2");
            assertThat(slack.messages("C0PICTURES").get(1).text()).startsWith("Correction: revised figures");
            assertThat(slack.uploads()).hasSize(1);
        }
    }
}
