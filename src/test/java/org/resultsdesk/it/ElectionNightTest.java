package org.resultsdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.resultsdesk.core.alerts.SubscriptionCommands;
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
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.telegram.TelegramBot;
import org.resultsdesk.telegram.TelegramChatDirectory;
import org.resultsdesk.telegram.TelegramDesk;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * The whole path on one virtual clock: editors subscribe in Telegram, declaration files land in the watched
 * directory, and alerts arrive at the fake Bot API and Slack Web API through the real clients, within their limits.
 */
class ElectionNightTest {
    static final long NEWSROOM = -1005000L;
    static final long SOUTH_WEST_DESK = -1006000L;
    static final long EDITOR = 7L;
    static final long REPORTER = 42L;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2019-12-12T23:00:00Z"));
    final TelegramUpdates telegramUpdates = new TelegramUpdates();
    TelegramDesk telegram;
    FakeTelegramApi api;
    Database database;
    JdbiAlertStore outbox;
    DeclarationInbox inbox;
    TelegramBot bot;
    AlertDelivery delivery;
    JdbiSubscriptionStore subscriptions;
    Rights rights;
    CommandService commands;
    AlertComposer composer;

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(dir.resolve("db"));
        telegram = new TelegramDesk(clock, database);
        api = telegram.api();
        api.setAdministrators(NEWSROOM, EDITOR);
        api.setAdministrators(SOUTH_WEST_DESK, EDITOR);
        outbox = new JdbiAlertStore(database);
        ResultsArchive archive = TestData.freshArchive();
        SeatDirectory seats = new SeatDirectory(archive.seats());
        subscriptions = new JdbiSubscriptionStore(database, clock);
        inbox = new DeclarationInbox(dir.resolve("inbox"), clock, outbox, archive, subscriptions);
        rights = new Rights(new JdbiAuditTrail(database), clock);
        rights.enable(
                new PlatformRights(ChatContext.Platform.TELEGRAM, Set.of(), Optional.empty(), false),
                new TelegramChatDirectory(telegram.client(), clock));
        commands = new CommandService(archive, seats, new SubscriptionCommands(subscriptions, seats, archive, rights));
        bot = telegram.bot(commands, database);
        composer = new AlertComposer(outbox, archive);
        delivery = AlertDeliveries.withDefaults(telegram.gateway(), outbox, subscriptions, composer, database, clock);
    }

    @AfterEach
    void tearDown() {
        telegram.close();
        database.close();
    }

    void say(long chat, long from, String text) {
        telegram.poll(bot, telegramUpdates.message(chat, from, text));
        clock.advance(Duration.ofSeconds(2));
    }

    void deliverFor(Duration span) {
        Instant end = clock.instant().plus(span);
        while (clock.instant().isBefore(end)) {
            delivery.deliverDue();
            clock.advance(Duration.ofMillis(500));
        }
    }

    static Contest ge2019(String gss) {
        return TestData.contest("parl.2019-12-12", gss);
    }

    @Test
    void subscribedChannelsGetEachDeclarationOnceAndACorrectionEditsIt() throws Exception {
        say(NEWSROOM, REPORTER, "/subscribe kingswood");
        assertThat(api.messages(NEWSROOM).get(0).text()).startsWith("Only this chat's administrators can change");
        say(NEWSROOM, EDITOR, "/subscribe kingswood");
        say(SOUTH_WEST_DESK, EDITOR, "/subscribe region south west");
        int before = api.messages(NEWSROOM).size();

        inbox.land(ge2019("E14000774"), 1);
        inbox.land(ge2019("E14000831"), 1); // Newcastle upon Tyne Central: nobody follows it
        deliverFor(Duration.ofSeconds(10));

        List<FakeTelegramApi.Posted> newsroom =
                api.messages(NEWSROOM).subList(before, api.messages(NEWSROOM).size());
        assertThat(newsroom)
                .singleElement()
                .satisfies(p -> assertThat(p.text()).contains("<b>Kingswood, general election"));
        assertThat(api.messages(SOUTH_WEST_DESK).stream().filter(p -> p.text().contains("Kingswood, general")))
                .hasSize(1);
        assertThat(api.allMessages()).noneMatch(p -> p.text().contains("Newcastle"));

        Contest recount = TestData.withVotesMoved(ge2019("E14000774"), "Con", "Lab", 20);
        inbox.land(recount, 2);
        deliverFor(Duration.ofSeconds(10));

        FakeTelegramApi.Posted original = newsroom.get(0);
        FakeTelegramApi.Posted edited = api.messages(NEWSROOM).stream()
                .filter(p -> p.messageId() == original.messageId())
                .findFirst()
                .orElseThrow();
        assertThat(edited.text()).contains("majority 11,180").contains("Corrected: revision 2");
        assertThat(api.messages(NEWSROOM).get(api.messages(NEWSROOM).size() - 1).text())
                .startsWith("Correction: revised figures for Kingswood");
    }

    @Test
    void slackChannelsGetTheSameAlertsCorrectionsAndPausing() throws Exception {
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
            ChatContext reporter = ChatContext.person(
                    ChatContext.Platform.SLACK, "C0POLITICS", ChatContext.ChatKind.GROUP, "U0REPORTER");
            ChatContext editor = ChatContext.person(
                    ChatContext.Platform.SLACK, "C0POLITICS", ChatContext.ChatKind.GROUP, "U0EDITOR");
            assertThat(commands.handle("/subscribe kingswood", reporter)
                            .parts()
                            .get(0)
                            .toString())
                    .contains("Only the desk's editors and the workspace's admins");
            commands.handle("/subscribe kingswood", editor);
            commands.handle(
                    "/subscribe all",
                    ChatContext.person(
                            ChatContext.Platform.SLACK, "C0ARCHIVED", ChatContext.ChatKind.GROUP, "U0EDITOR"));
            slack.failNext("C0ARCHIVED", "is_archived");

            inbox.land(ge2019("E14000774"), 1);
            for (int i = 0; i < 5; i++) {
                toSlack.deliverDue();
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(slack.messages("C0POLITICS"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.text()).startsWith("Kingswood, general election 12 Dec 2019"));
            assertThat(outbox.pausedChannels())
                    .singleElement()
                    .satisfies(p -> assertThat(p.reason()).isEqualTo("is_archived"));

            Contest kingswood = ge2019("E14000774");
            inbox.land(
                    new Contest(
                            kingswood.election(),
                            kingswood.seat(),
                            kingswood.electorate() + 1,
                            kingswood.validVotes(),
                            kingswood.invalidVotes(),
                            kingswood.declaredAt(),
                            kingswood.candidates()),
                    2);
            for (int i = 0; i < 5; i++) {
                toSlack.deliverDue();
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(slack.messages("C0POLITICS")).hasSize(2);
            assertThat(slack.messages("C0POLITICS").get(0).text()).contains("Corrected: revision 2");
            assertThat(slack.messages("C0POLITICS").get(1).text()).startsWith("Correction: revised figures");
            assertThat(slack.messages("C0ARCHIVED")).isEmpty();
        }
    }

    @Test
    void aBurstOf50ToAGroupFollowingEverythingArrivesWithin20MessagesAMinute() throws Exception {
        say(NEWSROOM, EDITOR, "/subscribe all");
        Instant start = clock.instant();
        List<Contest> burst = TestData.archive().contestsOf("parl.2019-12-12").stream()
                .limit(50)
                .toList();
        for (Contest c : burst) {
            inbox.land(c, 1);
            delivery.deliverDue();
        }
        deliverFor(Duration.ofMinutes(3));

        List<FakeTelegramApi.Posted> alerts = api.messages(NEWSROOM).stream()
                .filter(p -> p.at().isAfter(start))
                .toList();
        for (FakeTelegramApi.Posted p : alerts) {
            assertThat(alerts.stream()
                            .filter(q ->
                                    !q.at().isBefore(p.at()) && q.at().isBefore(p.at().plus(Duration.ofMinutes(1)))))
                    .hasSizeLessThanOrEqualTo(20);
        }
        String all = String.join(
                "\n", alerts.stream().map(FakeTelegramApi.Posted::text).toList());
        burst.forEach(c -> assertThat(all)
                .contains(org.resultsdesk.telegram.TelegramHtmlRenderer.escape(
                        c.seat().name())));
        assertThat(outbox.pendingCount()).isZero();
        assertThat(api.throttledCount())
                .as("our own limits kept us clear of 429s")
                .isZero();
    }

    @Test
    void a429IsHonouredAndAKickedChatIsPaused() throws Exception {
        say(NEWSROOM, EDITOR, "/subscribe all");
        say(SOUTH_WEST_DESK, EDITOR, "/subscribe all");
        api.failNext(NEWSROOM, FakeTelegramApi.Failure.THROTTLED_DESCRIPTION_ONLY);
        api.failNext(SOUTH_WEST_DESK, FakeTelegramApi.Failure.KICKED);
        int before = api.messages(NEWSROOM).size();

        inbox.land(ge2019("E14000774"), 1);
        delivery.deliverDue();
        clock.advance(Duration.ofSeconds(8));
        delivery.deliverDue();
        assertThat(api.messages(NEWSROOM))
                .as("waited the 9 seconds Telegram asked for")
                .hasSize(before);
        clock.advance(Duration.ofSeconds(1));
        delivery.deliverDue();
        assertThat(api.messages(NEWSROOM)).hasSize(before + 1);

        assertThat(outbox.pausedChannels())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("kicked"));
        inbox.land(ge2019("E14000831"), 1);
        deliverFor(Duration.ofSeconds(5));
        assertThat(api.messages(SOUTH_WEST_DESK).stream().filter(p -> p.text().contains("Newcastle")))
                .isEmpty();
    }
}
