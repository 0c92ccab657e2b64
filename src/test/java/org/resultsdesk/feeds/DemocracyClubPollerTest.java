package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LiveLocalArchive;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.retry.BackOff;
import org.resultsdesk.feeds.fake.FakeDemocracyClub;
import org.resultsdesk.feeds.fake.FakeDemocracyClub.Candidate;
import org.resultsdesk.feeds.fake.FakeDemocracyClub.Failure;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiDueBallots;
import org.resultsdesk.store.JdbiSourceMarks;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.slf4j.LoggerFactory;

/**
 * The Democracy Club poller against a fake of the API, into the real ingest and store: paged reads, the high-water
 * mark kept in the store, a correction, a rush, the API's nulls, and each way a read can fail (a 500, a page slower
 * than the time-out, malformed JSON, an absurd page, a link to another site) survived without losing its place or
 * alerting twice. The council (Testshire) is made up here, so nothing passes by reading the bundled data.
 */
class DemocracyClubPollerTest {
    static final Instant NIGHT = Instant.parse("2026-12-10T22:30:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 12, 10);
    static final Council TESTSHIRE = new Council("E06000901", "Testshire");
    static final Ward HIGH = new Ward("E05009901", "High Street", TESTSHIRE);
    static final Ward MILL = new Ward("E05009902", "Mill & Weir", TESTSHIRE);
    static final Ward QUAY = new Ward("E05009903", "Quayside", TESTSHIRE);
    static final ChannelRef DESK = new ChannelRef(Platform.TELEGRAM, "-100501");
    static final BackOff NO_JITTER = DemocracyClubPoller.BACK_OFF.withRandom(() -> 0);

    static final String HIGH_ID = "local.testshire.high-street.by." + DAY;
    static final String MILL_ID = "local.testshire.mill-weir.by." + DAY;
    static final String QUAY_ID = "local.testshire.quayside.by." + DAY;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(NIGHT);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger pollerLog = (Logger) LoggerFactory.getLogger(DemocracyClubPoller.class);
    FakeDemocracyClub api;
    Database database;
    JdbiAlertStore store;
    JdbiSourceMarks marks;
    DeclarationIngest ingest;

    static LocalArchive testshire() {
        LocalDate may = LocalDate.of(2025, 5, 1);
        return new LocalArchive(
                List.of(TESTSHIRE),
                List.of(
                        new LocalContest(
                                BallotId.scheduled("Testshire", "High Street", may),
                                HIGH,
                                1,
                                OptionalInt.of(5000),
                                OptionalInt.empty(),
                                Optional.of(new BigDecimal("30.0")),
                                Optional.empty(),
                                List.of(
                                        new LocalCandidacy(
                                                "Ann", "Old", new Party("Con", "Conservative"), 800, true, false),
                                        new LocalCandidacy(
                                                "Bob", "Red", new Party("Lab", "Labour"), 600, false, false))),
                        new LocalContest(
                                BallotId.scheduled("Testshire", "Mill & Weir", may),
                                MILL,
                                1,
                                OptionalInt.of(4000),
                                OptionalInt.empty(),
                                Optional.of(new BigDecimal("28.0")),
                                Optional.empty(),
                                List.of(
                                        new LocalCandidacy("Ada", "Mill", new Party("Lab", "Labour"), 700, true, false),
                                        new LocalCandidacy(
                                                "Cy", "Blue", new Party("Con", "Conservative"), 500, false, false)))),
                Map.of(),
                List.of());
    }

    static Candidate lab(String name, Integer votes, boolean elected) {
        return new Candidate(name, "PP53", "Labour Party", votes, elected);
    }

    static Candidate con(String name, Integer votes, boolean elected) {
        return new Candidate(name, "PP52", "Conservative and Unionist Party", votes, elected);
    }

    static FakeDemocracyClub.Result result(Candidate... candidates) {
        return new FakeDemocracyClub.Result(List.of(candidates), 5000, 1500, 30.0, 10, false);
    }

    @BeforeEach
    void setUp() throws Exception {
        logs.start();
        pollerLog.addAppender(logs);
        api = new FakeDemocracyClub(clock);
        api.list(new FakeDemocracyClub.Ballot(
                HIGH_ID,
                HIGH.onsCode(),
                HIGH.name(),
                1,
                List.of(lab("Cat New", null, false), con("Ann Old", null, false))));
        api.list(new FakeDemocracyClub.Ballot(
                MILL_ID,
                MILL.onsCode(),
                MILL.name(),
                1,
                List.of(lab("Dee Mill", null, false), con("Cy Blue", null, false))));
        api.list(new FakeDemocracyClub.Ballot(
                QUAY_ID,
                QUAY.onsCode(),
                QUAY.name(),
                1,
                List.of(lab("Eve Quay", null, false), con("Fay Dock", null, false))));
        database = Database.sqlite(dir.resolve("db"));
        store = new JdbiAlertStore(database);
        marks = new JdbiSourceMarks(database, clock);
        JdbiSubscriptionStore subscriptions = new JdbiSubscriptionStore(database, clock);
        subscriptions.add(new Subscription(DESK, Subscription.Kind.COUNCIL, TESTSHIRE.onsCode(), "Testshire"));
        LiveLocalArchive live = new LiveLocalArchive(DemocracyClubPollerTest::testshire);
        ingest = new DeclarationIngest(
                file -> List.of(),
                new StoreFollower(store, TestData.freshArchive(), new RushBoard(), live),
                store,
                new AlertRouter(subscriptions),
                clock,
                () -> {});
    }

    @AfterEach
    void tearDown() throws Exception {
        pollerLog.detachAppender(logs);
        api.close();
        database.close();
    }

    DemocracyClubPoller poller() {
        return new DemocracyClubPoller(
                new DemocracyClubApi(
                        new OkHttpClient(),
                        HttpUrl.get(api.baseUrl()),
                        Optional.of("test-key"),
                        Duration.ofMillis(700),
                        DemocracyClubApi.Limits.DEFAULTS,
                        DemocracyClubPollerTest::testshire),
                marks,
                new JdbiDueBallots(database),
                ingest::accept,
                clock,
                DemocracyClubPoller.Schedule.DEFAULTS,
                NO_JITTER);
    }

    /** Alerts queued, as "ballot kind revision", in the order made. */
    List<String> alerts() {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT contest_id, kind, revision FROM outbox ORDER BY id")
                        .map((rs, ctx) ->
                                rs.getString("contest_id") + " " + rs.getString("kind") + " " + rs.getInt("revision"))
                        .list());
    }

    Optional<Instant> mark() {
        return marks.highWater(DemocracyClubPoller.SOURCE + "/results/" + DAY);
    }

    List<String> warnings() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void readsEveryPageFromEmptyToCompleteAlertsEachResultOnceAndKeepsItsMarkInTheStore() {
        DemocracyClubPoller poller = poller();
        assertThat(poller.pollOnce()).isEqualTo(new DemocracyClubPoller.Round.Read(0));
        assertThat(mark())
                .as("a day read through with nothing in it is still read")
                .isPresent();

        clock.advance(Duration.ofMinutes(5));
        api.enter(HIGH_ID, result(lab("Cat New", 900, true), con("Ann Old", 500, false)));
        api.enter(MILL_ID, result(lab("Dee Mill", 650, true), con("Cy Blue", 600, false)));
        api.enter(QUAY_ID, result(lab("Eve Quay", 400, false), con("Fay Dock", 450, true)));
        clock.advance(Duration.ofMinutes(1));

        assertThat(poller.pollOnce()).isEqualTo(new DemocracyClubPoller.Round.Read(3));

        assertThat(alerts()).containsExactly(HIGH_ID + " RESULT 1", MILL_ID + " RESULT 1", QUAY_ID + " RESULT 1");
        assertThat(api.requests())
                .as("the second page of results followed")
                .anySatisfy(u -> assertThat(u.queryParameter("page")).isEqualTo("2"));
        assertThat(mark()).contains(clock.instant().minus(DemocracyClubPoller.OVERLAP));
        assertThat(store.latestDeclaration(QUAY_ID, Declaration.Stage.RESULT))
                .map(d -> ((FeedMessage.LocalResult) d.message()).contest().ward())
                .as("a ward no result on file has, known by the code the ballots list gives")
                .contains(QUAY);

        clock.advance(Duration.ofMinutes(1));
        poller.pollOnce();
        assertThat(alerts())
                .as("read again inside the overlap: held, not alerted twice")
                .hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void aFailedReadMovesNothingBacksOffAndTheNextReadAlertsEachResultOnce(Failure failure) {
        DemocracyClubPoller poller = poller();
        api.enter(HIGH_ID, result(lab("Cat New", 900, true), con("Ann Old", 500, false)));
        clock.advance(Duration.ofMinutes(5));
        poller.pollOnce();
        Optional<Instant> before = mark();
        assertThat(alerts()).hasSize(1);

        clock.advance(Duration.ofMinutes(5));
        api.enter(MILL_ID, result(lab("Dee Mill", 650, true), con("Cy Blue", 600, false)));
        api.enter(QUAY_ID, result(lab("Eve Quay", 400, false), con("Fay Dock", 450, true)));
        clock.advance(Duration.ofMinutes(1));
        api.pageSize(1);
        api.failOnPage(failure == Failure.FOREIGN_NEXT ? 1 : 2, failure);

        DemocracyClubPoller.Round failed = poller.pollOnce();

        assertThat(failed).isInstanceOf(DemocracyClubPoller.Round.Failed.class);
        assertThat(mark()).as("its place kept").isEqualTo(before);
        assertThat(alerts()).as("nothing of the failed read ingested").hasSize(1);
        assertThat(poller.pollOnce())
                .as("backing off")
                .isEqualTo(new DemocracyClubPoller.Round.Waited(clock.instant().plus(NO_JITTER.delay(1))));
        assertThat(warnings())
                .anySatisfy(
                        line -> assertThat(line).contains("keeping its place").doesNotContain("\n"));

        clock.advance(NO_JITTER.delay(1));
        assertThat(poller.pollOnce()).isEqualTo(new DemocracyClubPoller.Round.Read(2));

        assertThat(alerts()).containsExactly(HIGH_ID + " RESULT 1", MILL_ID + " RESULT 1", QUAY_ID + " RESULT 1");
    }

    @Test
    void failuresInARowBackOffLongerEachTime() {
        DemocracyClubPoller poller = poller();
        api.failNext(Failure.SERVER_ERROR, Failure.SERVER_ERROR, Failure.SERVER_ERROR);
        Instant start = clock.instant();

        assertThat(poller.pollOnce())
                .isEqualTo(new DemocracyClubPoller.Round.Failed(
                        "HTTP 500 from /api/next/ballots/?election_date_range_after=2026-12-03&election_date_range_before=2026-12-31&page_size=200",
                        start.plus(NO_JITTER.delay(1))));
        clock.advance(NO_JITTER.delay(1));
        DemocracyClubPoller.Round second = poller.pollOnce();
        clock.advance(NO_JITTER.delay(2));
        DemocracyClubPoller.Round third = poller.pollOnce();

        assertThat(NO_JITTER.delay(2)).isGreaterThan(NO_JITTER.delay(1));
        assertThat(second).isInstanceOf(DemocracyClubPoller.Round.Failed.class);
        assertThat(((DemocracyClubPoller.Round.Failed) third).until())
                .isEqualTo(clock.instant().plus(NO_JITTER.delay(3)));
    }

    @Test
    void aNewPollerOnTheSameStoreResumesFromTheStoredMark() {
        api.enter(HIGH_ID, result(lab("Cat New", 900, true), con("Ann Old", 500, false)));
        clock.advance(Duration.ofMinutes(5));
        poller().pollOnce();
        Instant stored = mark().orElseThrow();

        clock.advance(Duration.ofMinutes(10));
        api.enter(MILL_ID, result(lab("Dee Mill", 650, true), con("Cy Blue", 600, false)));
        clock.advance(Duration.ofMinutes(1));
        int before = api.requests().size();

        DemocracyClubPoller restarted = poller();
        assertThat(restarted.pollOnce()).isEqualTo(new DemocracyClubPoller.Round.Read(1));

        assertThat(api.requests().subList(before, api.requests().size()))
                .filteredOn(u -> u.encodedPath().endsWith("/results/"))
                .first()
                .satisfies(u -> assertThat(Instant.parse(u.queryParameter("last_updated")))
                        .isEqualTo(stored));
        assertThat(alerts()).containsExactly(HIGH_ID + " RESULT 1", MILL_ID + " RESULT 1");
    }

    @Test
    void aResultCorrectedInALaterVersionIsACorrectionOfTheOriginal() {
        DemocracyClubPoller poller = poller();
        api.enter(HIGH_ID, result(lab("Cat New", 900, true), con("Ann Old", 500, false)));
        clock.advance(Duration.ofMinutes(5));
        poller.pollOnce();

        clock.advance(Duration.ofMinutes(30));
        api.enter(HIGH_ID, result(lab("Cat New", 909, true), con("Ann Old", 500, false)));
        clock.advance(DemocracyClubPoller.Schedule.DEFAULTS.busy());
        poller.pollOnce();

        assertThat(api.versions(HIGH_ID)).isEqualTo(2);
        assertThat(alerts()).containsExactly(HIGH_ID + " RESULT 1", HIGH_ID + " CORRECTION 2");
    }

    @Test
    void winnersMarkedBeforeTheVotesAreARushLoggedOnceAndTheResultIsAlertedWhenTheVotesCome() {
        DemocracyClubPoller poller = poller();
        api.enter(HIGH_ID, result(lab("Cat New", null, true), con("Ann Old", null, false)));
        clock.advance(Duration.ofMinutes(5));
        poller.pollOnce();
        clock.advance(Duration.ofSeconds(30));
        api.enter(HIGH_ID, result(lab("Cat New", null, true), con("Ann Old", null, false)));
        clock.advance(DemocracyClubPoller.Schedule.DEFAULTS.busy());
        poller.pollOnce();

        assertThat(alerts()).isEmpty();
        assertThat(warnings())
                .filteredOn(l -> l.contains("before its votes are entered"))
                .singleElement()
                .satisfies(l -> assertThat(l).contains(HIGH_ID));

        clock.advance(Duration.ofMinutes(20));
        api.enter(HIGH_ID, result(lab("Cat New", 900, true), con("Ann Old", 500, false)));
        clock.advance(DemocracyClubPoller.Schedule.DEFAULTS.busy());
        poller.pollOnce();

        assertThat(alerts()).containsExactly(HIGH_ID + " RESULT 1");
    }

    @Test
    void nullTurnoutAndTheOlderWinnerFlagAreAcceptedTheTurnoutWorkedOutFromTheVotesAndSaidSo() {
        api.enter(
                HIGH_ID,
                new FakeDemocracyClub.Result(
                        List.of(lab("Cat New", 900, true), con("Ann Old", 500, false)), 5000, null, null, 100, true));
        api.enter(
                MILL_ID,
                new FakeDemocracyClub.Result(
                        List.of(lab("Dee Mill", 650, true), con("Cy Blue", 600, false)),
                        null,
                        null,
                        null,
                        null,
                        false));
        clock.advance(Duration.ofMinutes(5));
        poller().pollOnce();

        LocalContest high = ((FeedMessage.LocalResult) store.latestDeclaration(HIGH_ID, Declaration.Stage.RESULT)
                        .orElseThrow()
                        .message())
                .contest();
        assertThat(high.elected()).extracting(LocalCandidacy::familyName).containsExactly("New");
        assertThat(high.turnout()).as("(900 + 500 + 100 spoilt) / 5000").contains(new BigDecimal("30.0"));
        LocalContest mill = ((FeedMessage.LocalResult) store.latestDeclaration(MILL_ID, Declaration.Stage.RESULT)
                        .orElseThrow()
                        .message())
                .contest();
        assertThat(mill.turnout()).as("no electorate: no turnout").isEmpty();
        assertThat(warnings()).anySatisfy(l -> assertThat(l).contains(HIGH_ID).contains("turnout from the votes cast"));
    }

    @Test
    void aResultThatCannotBeReadIsRefusedWithOneEscapedLineAndTheOthersGoThrough() {
        api.list(new FakeDemocracyClub.Ballot(
                "local.nowhere-shire.x.by." + DAY, "E05009999", "X", 1, List.of(lab("Gil Lost", null, false))));
        api.enter("local.nowhere-shire.x.by." + DAY, result(lab("Gil Lost\nforged line", 10, true)));
        api.enter(HIGH_ID, result(lab("Cat New", 900, true), con("Ann Old", 500, false)));
        api.enter(MILL_ID, result(lab("Dee Mill", 650, true), lab("Two Winners", 600, true)));
        clock.advance(Duration.ofMinutes(5));
        DemocracyClubPoller poller = poller();
        poller.pollOnce();
        clock.advance(DemocracyClubPoller.Schedule.DEFAULTS.busy());
        poller.pollOnce();

        assertThat(alerts()).containsExactly(HIGH_ID + " RESULT 1");
        assertThat(warnings())
                .filteredOn(l -> l.contains("refused result"))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).doesNotContain("\n"))
                .anySatisfy(l -> assertThat(l).contains(MILL_ID + ": 2 elected for 1 seat"))
                .anySatisfy(l -> assertThat(l).contains("unknown council nowhere-shire"));
        assertThat(warnings())
                .filteredOn(l -> l.contains("refused ballot"))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("unknown council nowhere-shire"));
        assertThat(mark()).isPresent();
    }
}
