package org.resultsdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.AlertDeliveries;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.AlertPictures;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.CardSource;
import org.resultsdesk.core.alerts.ContextSource;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.LocalAlerts;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.alerts.SubscriptionCommands;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.command.ResultAddenda;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.LiveLocalArchive;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.feeds.DemocracyClubCsvFeedParser;
import org.resultsdesk.feeds.DemocracyClubFeedParser;
import org.resultsdesk.feeds.DirectoryFeedSource;
import org.resultsdesk.feeds.FeedFormatDetector;
import org.resultsdesk.feeds.HandbookCsvFeedParser;
import org.resultsdesk.feeds.LocalBundledData;
import org.resultsdesk.feeds.LocalReplayFeed;
import org.resultsdesk.feeds.PaXmlFeedParser;
import org.resultsdesk.feeds.SeatResolver;
import org.resultsdesk.slack.SlackApp;
import org.resultsdesk.slack.SlackApps;
import org.resultsdesk.slack.SlackChatDirectory;
import org.resultsdesk.slack.SlackEndpoint;
import org.resultsdesk.slack.SlackGateway;
import org.resultsdesk.slack.SlackSettings;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiAuditTrail;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.telegram.TelegramBot;
import org.resultsdesk.telegram.TelegramChatDirectory;
import org.resultsdesk.telegram.TelegramDesk;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * Part of the 1 May 2025 local night (Doncaster, Kent and the two Northamptonshires) replayed as {@code replay local}
 * plays it, council by council through the feed folder, into a Telegram group that follows Kent County Council and a
 * Slack channel that follows every council. Editors subscribe them as users would, through the real TelegramBots and
 * Bolt clients against the fakes; delivery runs while the replay waits between councils, on one virtual clock.
 */
class LocalNightThroughChatsTest {
    static final LocalDate DAY = LocalDate.of(2025, 5, 1);
    static final Set<String> COUNCILS = Set.of("Doncaster", "Kent", "North Northamptonshire", "West Northamptonshire");
    static final long KENT_DESK = -1007100L;
    static final String EVERY_COUNCIL = "C0LOCALS";
    static final long EDITOR = 7L;
    static final long REPORTER = 42L;
    static final String SIGNING_SECRET = "local-night-secret";
    /** The replay's councils come this far apart on the test's clock. */
    static final Duration GAP = Duration.ofSeconds(5);

    static LocalArchive full;
    static List<LocalContest> night;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T21:30:00Z"));
    final TelegramUpdates updates = new TelegramUpdates();
    Database database;
    TelegramDesk telegram;
    FakeSlackApi slack;
    SlackEndpoint slackEndpoint;
    TelegramBot bot;
    JdbiAlertStore outbox;
    JdbiSubscriptionStore subscriptions;
    AlertDelivery toTelegram;
    AlertDelivery toSlack;
    Path inbox;
    DirectoryFeedSource feedFolder;

    @BeforeAll
    static void loadTheNight() {
        full = LocalBundledData.load();
        night = full.contests().stream()
                .filter(c -> c.ballot().date().equals(DAY) && !c.ballot().byElection())
                .filter(c -> COUNCILS.contains(c.council().name()))
                .toList();
    }

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(dir.resolve("db"));
        telegram = new TelegramDesk(clock, database);
        telegram.api().setAdministrators(KENT_DESK, EDITOR);
        slack = new FakeSlackApi(clock);
        outbox = new JdbiAlertStore(database);
        subscriptions = new JdbiSubscriptionStore(database, clock);
        ResultsArchive archive = TestData.freshArchive();
        SeatDirectory seats = new SeatDirectory(archive.seats());
        // As the rehearsal runs: the night taken out of what the desk knows, the full data saying who has wards up.
        LiveLocalArchive live = new LiveLocalArchive(() -> full.without(DAY), Optional.of(() -> full));
        LocalResults local = new LocalResults(live, new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE));
        StoreFollower follower = new StoreFollower(outbox, archive, new RushBoard(), live);

        SlackSettings slackSettings =
                SlackApps.settings(slack, SIGNING_SECRET, SlackSettings.Visibility.IN_CHANNEL, Set.of("U0EDITOR"));
        var slackClient = SlackApp.slack(slackSettings);
        Rights rights = new Rights(new JdbiAuditTrail(database), clock);
        rights.enable(
                new PlatformRights(ChatContext.Platform.TELEGRAM, Set.of(), Optional.empty(), false),
                new TelegramChatDirectory(telegram.client(), clock));
        rights.enable(
                new PlatformRights(ChatContext.Platform.SLACK, slackSettings.editorUserIds(), Optional.empty(), true),
                new SlackChatDirectory(slackClient.methods(FakeSlackApi.BOT_TOKEN), clock));
        CommandService commands = new CommandService(
                archive,
                seats,
                clock,
                ResultAddenda.NONE,
                local,
                new SubscriptionCommands(subscriptions, seats, archive, rights, local));
        bot = telegram.bot(commands, database);
        SlackGateway slackGateway = new SlackGateway(slackClient.methods(FakeSlackApi.BOT_TOKEN));
        slackEndpoint = new SlackEndpoint(
                new SlackApp(
                        slackSettings,
                        slackClient,
                        commands,
                        org.resultsdesk.InlineReplies.on(slackGateway, new JdbiSendBudget(database), clock)),
                SIGNING_SECRET,
                clock);

        AlertComposer composer = new AlertComposer(
                outbox,
                archive,
                CardSource.NONE,
                ContextSource.NONE,
                AlertPictures.NONE,
                new LocalAlerts(local, live, follower::catchUp));
        toTelegram = AlertDeliveries.withDefaults(telegram.gateway(), outbox, subscriptions, composer, database, clock);
        toSlack = AlertDeliveries.withDefaults(slackGateway, outbox, subscriptions, composer, database, clock);

        // The feed folder as the replay's desk reads it: every format told apart by content.
        SeatResolver resolver = new SeatResolver(archive);
        DeclarationIngest ingest = new DeclarationIngest(
                new FeedFormatDetector(
                        new PaXmlFeedParser(resolver),
                        new BundledFeedParser(),
                        new DemocracyClubFeedParser(resolver, live),
                        file -> List.of(),
                        new DemocracyClubCsvFeedParser(live),
                        new HandbookCsvFeedParser(live, DAY)),
                follower,
                outbox,
                new AlertRouter(subscriptions),
                clock,
                () -> {});
        inbox = Files.createDirectories(dir.resolve("inbox"));
        feedFolder = new DirectoryFeedSource(inbox, Duration.ofMillis(200), clock, ingest::accept);
    }

    @AfterEach
    void tearDown() {
        slackEndpoint.close();
        slack.close();
        telegram.close();
        database.close();
    }

    void sayInTelegram(long chat, long from, String text) {
        telegram.poll(bot, updates.message(chat, from, text));
        clock.advance(Duration.ofSeconds(2));
    }

    /** A signed slash command to our endpoint as Slack posts it; the text of the reply in its acknowledgement. */
    String slashCommandInSlack(String channel, String user, String command, String text) throws Exception {
        HttpResponse<String> response = slackEndpoint.signed(
                SlackEndpoint.slashCommand(channel, user, command, text, slack.responseUrl("cmd-" + user)));
        clock.advance(Duration.ofSeconds(2));
        assertThat(response.statusCode()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body())
                .path("text")
                .asText();
    }

    /** Writes a file into the feed folder as {@code replay} does (a partial file, then a rename) and lets it settle. */
    void land(String name, byte[] content) {
        try {
            Path partial = inbox.resolve(name + ".part");
            Files.write(partial, content);
            Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            feedFolder.scanOnce();
            clock.advance(Duration.ofMillis(300));
            feedFolder.scanOnce();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Both platforms' delivery workers running for {@code span} on the test's clock, which moves on to whatever is
     * due next (at least 200 ms a pass), so an idle stretch costs nothing.
     */
    void deliverFor(Duration span) {
        Instant end = clock.instant().plus(span);
        while (clock.instant().isBefore(end)) {
            Instant next = earliest(end, toTelegram.deliverDue(), toSlack.deliverDue());
            Instant soonest = clock.instant().plusMillis(200);
            clock.set(next.isBefore(soonest) ? (soonest.isAfter(end) ? end : soonest) : next);
        }
    }

    static Instant earliest(Instant end, Optional<Instant> a, Optional<Instant> b) {
        Instant next = end;
        for (Optional<Instant> due : List.of(a, b)) {
            if (due.isPresent() && due.get().isBefore(next)) {
                next = due.get();
            }
        }
        return next;
    }

    @Test
    void aCouncilsFollowersGetItsWardsOnceEveryCouncilsFollowersItsDeclarationAndACorrectionFollows() throws Exception {
        sayInTelegram(KENT_DESK, REPORTER, "/subscribe council kent");
        assertThat(telegram.api().messages(KENT_DESK).get(0).text())
                .startsWith("Only this chat's administrators can change");
        sayInTelegram(KENT_DESK, EDITOR, "/subscribe council kent");
        assertThat(telegram.api().messages(KENT_DESK).get(1).text())
                .contains("now follows Kent County Council (its divisions and its declaration)");
        assertThat(slashCommandInSlack(EVERY_COUNCIL, "U0REPORTER", "/subscribe", "councils"))
                .startsWith("Only the desk's editors and the workspace's admins");
        assertThat(slashCommandInSlack(EVERY_COUNCIL, "U0EDITOR", "/subscribe", "councils"))
                .contains("now follows every council's declaration");
        assertThat(subscriptions.forChannel(new ChannelRef(ChatContext.Platform.SLACK, EVERY_COUNCIL)))
                .extracting(Subscription::kind)
                .containsExactly(Subscription.Kind.COUNCILS);
        int kentBefore = telegram.api().messages(KENT_DESK).size();
        int slackBefore = slack.messages(EVERY_COUNCIL).size();

        LocalReplayFeed replay = new LocalReplayFeed(DAY, night, 1, clock, d -> {});
        // The replay spreads the four over the night; squeezed here so that each comes GAP after the last.
        Duration spread = Duration.between(
                replay.firstDeclared(), replay.councils().get(replay.size() - 1).at());
        double speed =
                (double) spread.toMillis() / GAP.multipliedBy(replay.size() - 1).toMillis();
        replay = new LocalReplayFeed(DAY, night, speed, clock, this::deliverFor);
        assertThat(replay.councils())
                .extracting(d -> d.council().name())
                .containsExactly("Doncaster", "Kent", "North Northamptonshire", "West Northamptonshire");
        assertThat(replay.play(file -> {
                    if (file.name().startsWith("north-northamptonshire")) {
                        // Slack holds the channel back for 7 seconds: the next two declarations wait together.
                        slack.failNext(EVERY_COUNCIL, "ratelimited");
                    }
                    land(file.name(), file.content());
                }))
                .isEqualTo(4);
        deliverFor(Duration.ofMinutes(3));
        assertThat(outbox.pendingCount()).isZero();

        // The Kent desk: each of Kent's 72 divisions once, in digests, then Kent's declaration; nothing else.
        List<FakeTelegramApi.Posted> kent = telegram.api()
                .messages(KENT_DESK)
                .subList(kentBefore, telegram.api().messages(KENT_DESK).size());
        List<LocalContest> kentDivisions =
                night.stream().filter(c -> c.council().name().equals("Kent")).toList();
        assertThat(kentDivisions).hasSize(72);
        String kentText = kent.stream()
                .map(p -> org.apache.commons.text.StringEscapeUtils.unescapeHtml4(p.text()))
                .collect(Collectors.joining("\n"));
        for (LocalContest division : kentDivisions) {
            assertThat(occurrences(kentText, headline(division)))
                    .as(division.ward().name())
                    .isEqualTo(1);
        }
        assertThat(kent).allSatisfy(p -> assertThat(p.text()).contains("Kent County Council"));
        assertThat(kentText).doesNotContain("Doncaster").doesNotContain("Northamptonshire");
        assertThat(kent)
                .as("72 divisions arrived in one file: digests, not 72 messages")
                .hasSizeLessThan(10);
        assertThat(kent.get(0).text()).matches("(?s)\\d+ new declarations:\n.*");
        assertThat(occurrences(kentText, "Kent County Council, 1 May 2025: 81 of 81 seats up"))
                .isEqualTo(1);
        assertThat(kentText).contains("Reform UK GAIN from Conservative");

        // Every council's channel: each declaration once and no ward; two held back by Slack came as one digest.
        List<FakeSlackApi.Posted> councils = slack.messages(EVERY_COUNCIL)
                .subList(slackBefore, slack.messages(EVERY_COUNCIL).size());
        String councilsText = councils.stream().map(FakeSlackApi.Posted::text).collect(Collectors.joining("\n"));
        assertThat(councils).hasSize(3);
        assertThat(councils.get(0).text()).startsWith("Doncaster Council, 1 May 2025");
        assertThat(councils.get(1).text()).startsWith("Kent County Council, 1 May 2025: 81 of 81 seats up");
        assertThat(councils.get(2).text())
                .startsWith("2 new declarations:")
                .contains("North Northamptonshire Council, 1 May 2025")
                .contains("West Northamptonshire Council, 1 May 2025");
        for (String council : List.of(
                "Doncaster Council",
                "Kent County Council",
                "North Northamptonshire Council",
                "West Northamptonshire Council")) {
            assertThat(occurrences(councilsText, council + ", 1 May 2025:"))
                    .as(council)
                    .isEqualTo(1);
        }
        assertThat(councilsText).doesNotContain(" ward, ").doesNotContain(" division, ");
        assertThat(telegram.api().throttledCount()).isZero();

        // A recount in a division Reform UK won reaches the feed folder: its runner-up, of another party, wins it.
        LocalContest division = kentDivisions.stream()
                .filter(c -> c.seats() == 1 && c.candidates().size() >= 2)
                .filter(c -> byVotes(c).get(0).party().code().equals("RUK")
                        && !byVotes(c).get(1).party().code().equals("RUK"))
                .findFirst()
                .orElseThrow();
        LocalContest recount = swapTopTwo(division);
        String newWinner = byVotes(recount).get(0).displayName();
        land("kent_recount.csv", LocalReplayFeed.csv(List.of(recount)).getBytes(StandardCharsets.UTF_8));
        deliverFor(Duration.ofMinutes(1));

        // The Kent desk had both in digests, which are not edited: the division's and the declaration's corrections.
        List<FakeTelegramApi.Posted> afterRecount = telegram.api()
                .messages(KENT_DESK)
                .subList(
                        kentBefore + kent.size(),
                        telegram.api().messages(KENT_DESK).size());
        assertThat(afterRecount)
                .singleElement()
                .satisfies(p -> assertThat(org.apache.commons.text.StringEscapeUtils.unescapeHtml4(p.text()))
                        .startsWith("2 new declarations:")
                        .contains("Correction: " + headline(division) + ": ")
                        .contains(newWinner)
                        .contains("Correction: Kent County Council, 1 May 2025: 81 of 81 seats up. Reform UK GAIN"
                                + " from Conservative (56 of 81 seats)"));
        assertThat(telegram.api().messages(KENT_DESK).subList(kentBefore, kentBefore + kent.size()))
                .as("the digests as they went out")
                .isEqualTo(kent);
        // Every council's channel had Kent's declaration on its own: it is edited to the new figures, and told.
        assertThat(slack.messages(EVERY_COUNCIL)).hasSize(slackBefore + councils.size() + 1);
        assertThat(slack.messages(EVERY_COUNCIL).get(slackBefore + 1).text())
                .startsWith("Kent County Council, 1 May 2025: 81 of 81 seats up\n"
                        + "Reform UK GAIN from Conservative (56 of 81 seats)")
                .contains("RUK     56       0     56     +56")
                .contains("Corrected: a ward's result was revised");
        assertThat(slack.messages(EVERY_COUNCIL)
                        .get(slackBefore + councils.size())
                        .text())
                .startsWith("Correction: revised figures for Kent County Council, 1 May 2025: 81 of 81 seats up"
                        + " (a ward's result was revised)")
                .contains("(56 of 81 seats)");
        assertThat(slack.messages(EVERY_COUNCIL).get(slackBefore).text())
                .as("Doncaster's untouched")
                .doesNotContain("Corrected");
    }

    static List<LocalCandidacy> byVotes(LocalContest contest) {
        List<LocalCandidacy> sorted = new ArrayList<>(contest.candidates());
        sorted.sort((a, b) -> Integer.compare(b.votes(), a.votes()));
        return sorted;
    }

    static String headline(LocalContest contest) {
        return contest.ward().name() + " division, Kent County Council, 1 May 2025";
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** The same division with the top two candidates' votes swapped, and so who was elected. */
    static LocalContest swapTopTwo(LocalContest contest) {
        LocalCandidacy first = byVotes(contest).get(0);
        LocalCandidacy second = byVotes(contest).get(1);
        List<LocalCandidacy> swapped = contest.candidates().stream()
                .map(c -> c == first
                        ? new LocalCandidacy(
                                c.givenName(), c.familyName(), c.party(), second.votes(), false, c.incumbent())
                        : c == second
                                ? new LocalCandidacy(
                                        c.givenName(), c.familyName(), c.party(), first.votes(), true, c.incumbent())
                                : c)
                .toList();
        return new LocalContest(
                contest.ballot(),
                contest.ward(),
                contest.seats(),
                contest.electorate(),
                contest.ballotPapers(),
                contest.turnout(),
                contest.declaredAt(),
                swapped);
    }
}
