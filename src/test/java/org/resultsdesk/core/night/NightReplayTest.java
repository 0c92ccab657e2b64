package org.resultsdesk.core.night;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.CardSource;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.ResultAddenda;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.AuditEntry;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.rights.KnownChats;
import org.resultsdesk.core.rights.MemoryAuditTrail;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.feeds.BundledFeedParser;
import org.resultsdesk.feeds.DeclarationTimesFile;
import org.resultsdesk.feeds.ReplayFeed;
import org.resultsdesk.feeds.SeatResolver;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.store.JdbiWatchListStore;

/**
 * GE2019 replayed through the feed path (bundled feed files, the real ingest, a real SQLite store) into an archive
 * that starts without it, with the night's real declaration times as the desk's declaration-times file.
 */
class NightReplayTest {
    static final String GE2019 = "parl.2019-12-12";
    static final Instant TWO_AM = Instant.parse("2019-12-13T02:00:00Z");
    static final ChatContext EDITOR =
            ChatContext.person(ChatContext.Platform.TELEGRAM, "-100300", ChatContext.ChatKind.GROUP, "7");
    static final ChatContext REPORTER =
            ChatContext.person(ChatContext.Platform.TELEGRAM, "-100300", ChatContext.ChatKind.GROUP, "8");

    @TempDir
    Path directory;

    final List<Contest> night = TestData.archive().contestsOf(GE2019);
    MutableClock clock = new MutableClock(Instant.parse("2019-12-12T22:00:00Z"));
    Database database;
    JdbiAlertStore store;
    ResultsArchive archive;
    DeclarationIngest ingest;
    Tonight tonight;
    ResultContext context;
    CommandService commands;
    Rights rights = new Rights(new MemoryAuditTrail(), Clock.systemUTC());

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(directory);
        archive = TestData.archive().without(GE2019);
        store = new JdbiAlertStore(database);
        ingest = new DeclarationIngest(
                new BundledFeedParser(),
                new StoreFollower(store, archive, new RushBoard()),
                store,
                new AlertRouter(new JdbiSubscriptionStore(database, clock)),
                clock,
                () -> {});
        Path times = directory.resolve("times.csv");
        Files.writeString(times, DeclarationTimesFile.write(night));
        tonight = new Tonight(
                archive,
                Tonight.election(archive, GE2019),
                DeclarationTimesFile.read(
                        times, TestData.archive().contestsOf(GE2019).get(0).election(), new SeatResolver(archive)));
        context = new ResultContext(tonight);
        SeatDirectory seats = new SeatDirectory(archive.seats());
        // The chat's administrator is user 7; user 8 is a reporter.
        rights.enable(
                new PlatformRights(ChatContext.Platform.TELEGRAM, Set.of(), Optional.empty(), false),
                new KnownChats(ChatContext.Platform.TELEGRAM).admins("-100300", "7"));
        commands = new CommandService(
                archive,
                seats,
                new ContextAddenda(context, ResultAddenda.NONE),
                NightCommandsFixture.modules(tonight, new JdbiWatchListStore(database, clock), seats, clock, rights));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    /** Plays every 2019 declaration made before {@code until} through the feed path, and sets the clock there. */
    void replayUntil(Instant until) throws InterruptedException {
        List<Contest> before = night.stream()
                .filter(c -> c.declaredAt().orElseThrow().isBefore(until))
                .toList();
        int played = new ReplayFeed(before, 1_000_000, clock, d -> {}).play(ingest::accept);
        assertThat(played).isEqualTo(before.size());
        assertThat(archive.contestsOf(GE2019)).hasSize(before.size());
        clock.set(until);
    }

    Set<String> declaredBetween(Instant from, Instant to) {
        return night.stream()
                .filter(c -> !c.declaredAt().get().isBefore(from)
                        && c.declaredAt().get().isBefore(to))
                .map(c -> c.seat().name())
                .collect(Collectors.toSet());
    }

    static List<Reply.Table> tables(Reply reply) {
        return reply.parts().stream()
                .filter(p -> p instanceof Reply.Table)
                .map(p -> (Reply.Table) p)
                .toList();
    }

    static String text(Reply reply) {
        return reply.parts().stream()
                .filter(p -> p instanceof Reply.Text)
                .map(p -> ((Reply.Text) p).text())
                .collect(Collectors.joining("\n"));
    }

    static List<String> seatColumn(Reply.Table table) {
        return table.rows().subList(1, table.rows().size()).stream()
                .map(r -> r.get(1).replace("★ ", ""))
                .toList();
    }

    @Test
    void atTwoInTheMorningDueListsTheSeatsThatDeclaredBetweenTwoAndThreeAndNoneAlreadyDeclared() throws Exception {
        replayUntil(TWO_AM);

        Reply due = commands.handle("/due", EDITOR);

        Set<String> expected = declaredBetween(TWO_AM, TWO_AM.plus(Duration.ofHours(1)));
        assertThat(expected).hasSizeGreaterThan(100);
        Reply.Table table = tables(due).get(0);
        assertThat(table.title()).isEqualTo("Due by 03:00, soonest first: " + expected.size() + " seats");
        assertThat(seatColumn(table)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> declared = declaredBetween(Instant.EPOCH, TWO_AM);
        assertThat(seatColumn(table)).doesNotContainAnyElementsOf(declared);
        // Soonest first, and the holder is the 2017 winner from the comparison.
        List<String> times = table.rows().subList(1, table.rows().size()).stream()
                .map(r -> r.get(0))
                .toList();
        assertThat(times).isSorted().first().asString().startsWith("02:");
        assertThat(table.rows()).contains(List.of("02:30", "Aberavon", "Lab (2017)", "-"));
        assertThat(text(due))
                .contains(declared.size() + " of 650 declared so far")
                .doesNotContain("Overdue");

        Reply twoHours = commands.handle("/due 2", EDITOR);
        assertThat(seatColumn(tables(twoHours).get(0)))
                .containsExactlyInAnyOrderElementsOf(declaredBetween(TWO_AM, TWO_AM.plus(Duration.ofHours(2))));
    }

    @Test
    void aWatchedSeatIsMarkedInDueAndListedWithItsStateAndOnlyEditorsChangeTheList() throws Exception {
        replayUntil(TWO_AM);
        Contest early = night.stream()
                .filter(c -> c.declaredAt().get().isBefore(TWO_AM))
                .min(Comparator.comparing(c -> c.declaredAt().get()))
                .orElseThrow();

        assertThat(text(commands.handle("/watch aberavon", REPORTER)))
                .isEqualTo("Only this chat's administrators can change this chat's watch list. /watchlist shows it.");
        assertThat(text(commands.handle("/watch aberavon", EDITOR))).startsWith("This channel now watches Aberavon");
        assertThat(text(commands.handle("/watch aberavon", EDITOR))).startsWith("This channel already watches");
        commands.handle("/watch " + early.seat().name(), EDITOR);
        commands.handle("/watch Bolsover", EDITOR);

        assertThat(tables(commands.handle("/due", REPORTER)).get(0).rows())
                .contains(List.of("02:30", "★ Aberavon", "Lab (2017)", "-"));
        assertThat(tables(commands.handle(
                                "/due",
                                ChatContext.person(ChatContext.Platform.SLACK, "C1", ChatContext.ChatKind.GROUP, "8")))
                        .get(0)
                        .rows())
                .contains(List.of("02:30", "Aberavon", "Lab (2017)", "-"));
        Instant bolsover = night.stream()
                .filter(c -> c.seat().name().equals("Bolsover"))
                .findFirst()
                .orElseThrow()
                .declaredAt()
                .orElseThrow();
        assertThat(text(commands.handle("/due", REPORTER)))
                .contains("Watched here, later: Bolsover (due " + hhmm(bolsover) + ")");

        List<List<String>> list =
                tables(commands.handle("/watchlist", REPORTER)).get(0).rows();
        assertThat(list).contains(List.of("Aberavon", "02:30", "not yet", "-"));
        assertThat(list).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo(early.seat().name());
            assertThat(row.get(2)).isEqualTo(hhmm(early.declaredAt().get()));
            assertThat(row.get(3)).matches("\\w+ (HOLD|GAIN from \\w+)");
        });

        assertThat(text(commands.handle("/unwatch aberavon", EDITOR))).startsWith("This channel no longer watches");
        assertThat(tables(commands.handle("/watchlist", REPORTER)).get(0).rows())
                .noneMatch(r -> r.get(0).equals("Aberavon"));
        assertThat(rights.latest(10))
                .extracting(AuditEntry::action, AuditEntry::detail)
                .contains(tuple(Action.WATCH, "Aberavon"), tuple(Action.UNWATCH, "Aberavon"));
    }

    @Test
    void theFirstSeatToChangeHandsIsSaidOfThatSeatOnlyInResultAndItsAlert() throws Exception {
        // From the Commons Library's own result text, not from the bot's verdicts.
        List<Contest> gains = night.stream()
                .filter(c ->
                        TestData.loaded().published().get(c.id()).resultText().contains("gain"))
                .sorted(Comparator.comparing(c -> c.declaredAt().get()))
                .toList();
        Contest first = gains.get(0);
        Contest second = gains.get(1);
        replayUntil(second.declaredAt().get().plusSeconds(1));

        assertThat(text(commands.handle("/result " + first.seat().name() + " 2019", EDITOR)))
                .contains("The first seat to change hands tonight");
        assertThat(text(commands.handle("/result " + second.seat().name() + " 2019", EDITOR)))
                .doesNotContain("The first seat to change hands tonight");

        AlertComposer composer = new AlertComposer(store, archive, CardSource.NONE, context);
        ChannelRef channel = new ChannelRef(ChatContext.Platform.TELEGRAM, "-100300");
        Reply alert = composer.single(Alert.pending(channel, first.id(), 1, Alert.Kind.RESULT, clock.instant()));
        assertThat(text(alert)).contains("The first seat to change hands tonight");
        Reply plain = new AlertComposer(store, archive, CardSource.NONE)
                .single(Alert.pending(channel, first.id(), 1, Alert.Kind.RESULT, clock.instant()));
        assertThat(text(plain)).isEmpty();
        // In a digest, the line carries it too.
        assertThat(composer.line(Alert.pending(channel, first.id(), 1, Alert.Kind.RESULT, clock.instant())))
                .endsWith(" The first seat to change hands tonight.");
        assertThat(composer.line(Alert.pending(channel, second.id(), 1, Alert.Kind.RESULT, clock.instant())))
                .doesNotContain("first seat to change hands");
    }

    @Test
    void theLargestSwingSoFarIsSaidOfTheSeatWithTheLargestSwingDeclared() throws Exception {
        replayUntil(Instant.parse("2019-12-13T01:30:00Z"));
        List<Contest> declared = archive.contestsOf(GE2019);
        Contest largest = declared.stream()
                .max(Comparator.comparing(c -> NightRecordsTest.swingPoints(c, archive)))
                .orElseThrow();
        Contest other = declared.stream().filter(c -> c != largest).findFirst().orElseThrow();

        assertThat(context.lines(largest)).contains("The largest swing of the night so far");
        assertThat(context.lines(other)).doesNotContain("The largest swing of the night so far");
        assertThat(text(commands.handle("/result " + largest.seat().name() + " 2019", EDITOR)))
                .contains("The largest swing of the night so far");
    }

    static String hhmm(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .withZone(java.time.ZoneId.of("Europe/London"))
                .format(instant);
    }
}
