package org.resultsdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.NewsPolicy;
import org.resultsdesk.core.alerts.SubscriptionCommands;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiAuditTrail;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.telegram.TelegramBot;
import org.resultsdesk.telegram.TelegramChatDirectory;
import org.resultsdesk.telegram.TelegramDesk;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;
import org.slf4j.LoggerFactory;

/**
 * Old results do not go out as news: an editor subscribes a Telegram group through the fake Bot API, declaration
 * files for an election that is not in the bundled data land in the watched directory, and only news reaches the
 * group. An archive re-sent under new revision numbers is stored with one log line a file and no alert; so is a
 * result for an election that ended days ago (the editor can still post it with /result); a correction is alerted
 * as before.
 */
class NotNewsTwiceTest {
    static final long NEWSROOM = -1007000L;
    static final long EDITOR = 7L;

    @TempDir
    Path dir;

    final FutureElection night = new FutureElection(3);
    final MutableClock clock = new MutableClock(Instant.now());
    final TelegramUpdates updates = new TelegramUpdates();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger ingestLog = (Logger) LoggerFactory.getLogger(DeclarationIngest.class);
    TelegramDesk telegram;
    FakeTelegramApi api;
    Database database;
    JdbiAlertStore outbox;
    DeclarationInbox inbox;
    TelegramBot bot;
    AlertDelivery delivery;

    @BeforeEach
    void setUp() throws Exception {
        logs.start();
        ingestLog.addAppender(logs);
        database = Database.sqlite(dir.resolve("db"));
        telegram = new TelegramDesk(clock, database);
        api = telegram.api();
        api.setAdministrators(NEWSROOM, EDITOR);
        outbox = new JdbiAlertStore(database);
        ResultsArchive archive = TestData.freshArchive();
        SeatDirectory seats = new SeatDirectory(archive.seats());
        JdbiSubscriptionStore subscriptions = new JdbiSubscriptionStore(database, clock);
        inbox = new DeclarationInbox(dir.resolve("inbox"), clock, outbox, archive, subscriptions);
        Rights rights = new Rights(new JdbiAuditTrail(database), clock);
        rights.enable(
                new PlatformRights(ChatContext.Platform.TELEGRAM, Set.of(), Optional.empty(), false),
                new TelegramChatDirectory(telegram.client(), clock));
        CommandService commands =
                new CommandService(archive, seats, new SubscriptionCommands(subscriptions, seats, archive, rights));
        bot = telegram.bot(commands, database);
        delivery = AlertDeliveries.withDefaults(
                telegram.gateway(), outbox, subscriptions, new AlertComposer(outbox, archive), database, clock);
        say("/subscribe all");
    }

    @AfterEach
    void tearDown() {
        ingestLog.detachAppender(logs);
        telegram.close();
        database.close();
    }

    void say(String text) {
        telegram.poll(bot, updates.message(NEWSROOM, EDITOR, text));
        clock.advance(Duration.ofSeconds(2));
    }

    void deliverFor(Duration span) {
        Instant end = clock.instant().plus(span);
        while (clock.instant().isBefore(end)) {
            delivery.deliverDue();
            clock.advance(Duration.ofMillis(500));
        }
    }

    List<String> postedAbout(Contest contest) {
        return api.messages(NEWSROOM).stream()
                .map(FakeTelegramApi.Posted::text)
                .filter(t -> t.contains(contest.seat().name()))
                .toList();
    }

    List<String> linesNaming(String file) {
        return logs.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(file))
                .toList();
    }

    static String fileName(Contest contest, int revision) {
        return contest.seat().gss() + "_" + revision + ".tsv";
    }

    @Test
    void anArchiveReSentUnderNewRevisionNumbersIsStoredWithOneLogLineAFileAndNoAlert() throws Exception {
        for (Contest c : night.contests) {
            inbox.land(c, 1);
        }
        deliverFor(Duration.ofSeconds(10));
        int posted = api.messages(NEWSROOM).size();
        night.contests.forEach(c -> assertThat(postedAbout(c)).hasSize(1));

        for (Contest c : night.contests) {
            inbox.land(c, 2);
        }
        deliverFor(Duration.ofSeconds(10));

        assertThat(api.messages(NEWSROOM)).as("nothing more posted").hasSize(posted);
        assertThat(outbox.pendingCount()).isZero();
        for (Contest c : night.contests) {
            assertThat(outbox.latestRevision(c.id(), Declaration.Stage.RESULT)).hasValue(2);
            assertThat(linesNaming(fileName(c, 2)))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains("accepted 1 declaration(s)")
                            .contains("0 alert(s) queued")
                            .contains("not alerted, as not news: 1 for the figures already held (" + c.id() + ")"));
        }
    }

    @Test
    void aResultForAnElectionThatEndedDaysAgoIsStoredNotAlertedAndAnEditorCanStillPostIt() throws Exception {
        clock.advance(Duration.ofDays(NewsPolicy.DEFAULT_OLD_ELECTION_DAYS + 2));
        Contest late = night.contests.get(0);

        inbox.land(late, 1);
        deliverFor(Duration.ofSeconds(10));

        assertThat(postedAbout(late)).isEmpty();
        assertThat(outbox.latestRevision(late.id(), Declaration.Stage.RESULT)).hasValue(1);
        assertThat(linesNaming(fileName(late, 1)))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("0 alert(s) queued")
                        .contains("1 for an election that ended more than " + NewsPolicy.DEFAULT_OLD_ELECTION_DAYS
                                + " days ago (" + late.id() + ")"));

        say("/result " + late.seat().name());
        assertThat(postedAbout(late))
                .singleElement()
                .satisfies(reply -> assertThat(reply).contains(night.headline(late)));
    }

    @Test
    void aCorrectionIsStillAlerted() throws Exception {
        Contest first = night.contests.get(0);
        inbox.land(first, 1);
        deliverFor(Duration.ofSeconds(10));
        assertThat(postedAbout(first)).hasSize(1);

        Contest recount = night.recounted(first, 20);
        inbox.land(recount, 2);
        deliverFor(Duration.ofSeconds(10));

        assertThat(api.messages(NEWSROOM).get(api.messages(NEWSROOM).size() - 1).text())
                .startsWith("Correction: revised figures for " + first.seat().name());
        assertThat(linesNaming(fileName(recount, 2)))
                .singleElement()
                .satisfies(
                        line -> assertThat(line).contains("1 alert(s) queued").doesNotContain("not news"));
    }
}
