package org.resultsdesk.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Council;
import org.resultsdesk.core.model.CouncilComposition;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LiveLocalArchive;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.rights.KnownChats;
import org.resultsdesk.core.rights.MemoryAuditTrail;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiSubscriptionStore;

/**
 * A local night through the live path on a real SQLite store: validation, revisions and repeats, the store round
 * trip, the live archive on a second instance, routing by ward, council and every council, the council's
 * declaration after its last ward, and corrections that edit. The council (Testshire, three seats in two wards) is
 * made up here, so nothing passes by reading the bundled data.
 */
class LocalAlertPipelineTest {
    static final Instant NIGHT = Instant.parse("2025-05-02T01:00:00Z");
    static final LocalDate DAY = LocalDate.of(2025, 5, 1);
    static final Council TESTSHIRE = new Council("E06000901", "Testshire");
    static final org.resultsdesk.core.model.Ward HIGH =
            new org.resultsdesk.core.model.Ward("E05009901", "High Street", TESTSHIRE);
    static final org.resultsdesk.core.model.Ward MILL =
            new org.resultsdesk.core.model.Ward("E05009902", "Mill & Weir", TESTSHIRE);
    static final Party LAB = new Party("Lab", "Labour");
    static final Party CON = new Party("Con", "Conservative");

    static final ChannelRef WARD_DESK = new ChannelRef(Platform.TELEGRAM, "-100301");
    static final ChannelRef COUNCIL_DESK = new ChannelRef(Platform.TELEGRAM, "-100302");
    static final ChannelRef EVERY_COUNCIL = new ChannelRef(Platform.TELEGRAM, "-100303");
    static final ChannelRef WESTMINSTER = new ChannelRef(Platform.TELEGRAM, "-100304");

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(NIGHT);
    Database database;
    JdbiAlertStore store;
    JdbiSubscriptionStore subscriptions;
    StoreFollower follower;
    DeclarationIngest ingest;
    Map<String, List<FeedMessage>> feed = new HashMap<>();
    RecordingGateway telegram = new RecordingGateway(Platform.TELEGRAM, clock::instant);
    AlertDelivery delivery;

    static LocalArchive before() {
        LocalDate y2021 = LocalDate.of(2021, 5, 6);
        List<LocalContest> contests = List.of(
                contest(HIGH, y2021, 1, c("Ann", "Old", CON, 600, true), c("Bob", "Red", LAB, 400, false)),
                contest(
                        MILL,
                        y2021,
                        2,
                        c("Ada", "Mill", LAB, 900, true),
                        c("Ben", "Weir", LAB, 850, true),
                        c("Cy", "Blue", CON, 700, false),
                        c("Di", "Navy", CON, 650, false)));
        CouncilComposition in2024 =
                new CouncilComposition(TESTSHIRE, 3, Map.of("Lab", 2, "Con", 1), "Open Council Data UK, 2024");
        CouncilComposition thirdsby2026 =
                new CouncilComposition(THIRDSBY, 6, Map.of("Con", 4, "Lab", 2), "Open Council Data UK, 2026");
        return new LocalArchive(
                List.of(TESTSHIRE, THIRDSBY),
                contests,
                Map.of(TESTSHIRE.onsCode(), Map.of(2024, in2024), THIRDSBY.onsCode(), Map.of(2026, thirdsby2026)),
                thirdsbyRoster());
    }

    /** Thirdsby elects by thirds: two wards of three councillors, one seat in each up on 6 May 2027. */
    static final Council THIRDSBY = new Council("E07000903", "Thirdsby");

    static final LocalDate THIRDS_NIGHT = LocalDate.of(2027, 5, 6);

    static List<org.resultsdesk.core.model.Councillor> thirdsbyRoster() {
        List<org.resultsdesk.core.model.Councillor> roster = new ArrayList<>();
        String[][] seats = {
            {"North", "Con", "2027-05-06"}, {"North", "Con", "2028-05-04"}, {"North", "Lab", "2030-05-02"},
            {"South", "Con", "2027-05-06"}, {"South", "Con", "2028-05-04"}, {"South", "Lab", "2030-05-02"}
        };
        int i = 0;
        for (String[] seat : seats) {
            roster.add(new org.resultsdesk.core.model.Councillor(
                    THIRDSBY,
                    seat[0],
                    "Councillor " + ++i,
                    seat[1].equals("Con") ? CON : LAB,
                    Optional.of(LocalDate.parse(seat[2]))));
        }
        return roster;
    }

    static LocalCandidacy c(String given, String family, Party party, int votes, boolean elected) {
        return new LocalCandidacy(given, family, party, votes, elected, false);
    }

    static LocalContest contest(org.resultsdesk.core.model.Ward ward, LocalDate day, int seats, LocalCandidacy... cs) {
        return new LocalContest(
                BallotId.scheduled(ward.council().name(), ward.name(), day),
                ward,
                seats,
                OptionalInt.of(5000),
                OptionalInt.empty(),
                Optional.of(new BigDecimal("31.5")),
                Optional.empty(),
                List.of(cs));
    }

    /** Labour takes High Street from the Conservatives. */
    static LocalContest high2025() {
        return contest(HIGH, DAY, 1, c("Cat", "New", LAB, 700, true), c("Ann", "Old", CON, 500, false));
    }

    /** Mill & Weir splits: Labour holds one seat, the Conservatives gain the other. */
    static LocalContest mill2025(int shift) {
        return contest(
                MILL,
                DAY,
                2,
                c("Ada", "Mill", LAB, 800 + shift, true),
                c("Cy", "Blue", CON, 780, true),
                c("Ben", "Weir", LAB, 760, false),
                c("Di", "Navy", CON, 700, false));
    }

    LiveLocalArchive live;
    LocalResults local;

    @BeforeEach
    void setUp() {
        database = Database.sqlite(dir);
        store = new JdbiAlertStore(database);
        subscriptions = new JdbiSubscriptionStore(database, clock);
        ResultsArchive archive = TestData.freshArchive();
        live = new LiveLocalArchive(LocalAlertPipelineTest::before);
        local = new LocalResults(live, new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE));
        follower = new StoreFollower(store, archive, new RushBoard(), live);
        ingest = new DeclarationIngest(
                file -> feed.getOrDefault(file.name(), List.of()),
                follower,
                store,
                new AlertRouter(subscriptions),
                clock,
                () -> {});
        AlertDelivery.Settings defaults = AlertDelivery.Settings.DEFAULTS;
        delivery = new AlertDelivery(
                telegram,
                store,
                subscriptions,
                new AlertComposer(
                        store,
                        archive,
                        CardSource.NONE,
                        ContextSource.NONE,
                        AlertPictures.NONE,
                        new LocalAlerts(local, live, follower::catchUp)),
                new JdbiSendBudget(database),
                clock,
                defaults,
                new AlertDelivery.Listener() {});
        subscriptions.add(new Subscription(WARD_DESK, Subscription.Kind.WARD, MILL.onsCode(), MILL.label()));
        subscriptions.add(new Subscription(COUNCIL_DESK, Subscription.Kind.COUNCIL, TESTSHIRE.onsCode(), "Testshire"));
        subscriptions.add(new Subscription(EVERY_COUNCIL, Subscription.Kind.COUNCILS, null, null));
        subscriptions.add(new Subscription(WESTMINSTER, Subscription.Kind.ALL, null, null));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    IngestOutcome land(String name, FeedMessage... messages) {
        feed.put(name, List.of(messages));
        return ingest.accept(new FeedFile(name, name.getBytes(StandardCharsets.UTF_8), clock.instant()));
    }

    /** Delivers everything due, moving the clock on past each channel's pacing. */
    void deliverAll() {
        Optional<Instant> next = delivery.deliverDue();
        for (int i = 0; i < 100 && next.isPresent(); i++) {
            clock.set(next.get().isAfter(clock.instant()) ? next.get() : clock.instant());
            next = delivery.deliverDue();
        }
    }

    static String text(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Reply.Part p : reply.parts()) {
            if (p instanceof Reply.Text t) {
                out.append(t.text()).append('\n');
            } else if (p instanceof Reply.Table t) {
                t.rows().forEach(r -> out.append(String.join(" | ", r)).append('\n'));
            } else if (p instanceof Reply.AnnouncementPart a) {
                out.append(a.announcement().headline()).append('\n');
                out.append(a.announcement().verdict()).append('\n');
                out.append(a.announcement().winnerLine()).append('\n');
                a.announcement()
                        .rows()
                        .forEach(r -> out.append(r.partyLabel())
                                .append(' ')
                                .append(r.candidate())
                                .append(' ')
                                .append(r.votes())
                                .append(' ')
                                .append(r.share())
                                .append(' ')
                                .append(r.change())
                                .append('\n'));
                a.announcement().notes().forEach(n -> out.append(n).append('\n'));
            }
        }
        return out.toString();
    }

    String all(ChannelRef channel) {
        return telegram.sentTo(channel.channelId()).stream()
                .map(s -> text(s.reply()))
                .reduce("", String::concat);
    }

    @Test
    void wardResultsGoToWardAndCouncilFollowersAndTheCouncilsDeclarationFollowsItsLastWard() {
        assertThat(land("high.csv", new FeedMessage.LocalResult(high2025(), FeedMessage.Result.UNNUMBERED)))
                .isInstanceOf(IngestOutcome.Accepted.class);
        deliverAll();
        assertThat(telegram.sentTo(WARD_DESK.channelId())).isEmpty();
        assertThat(telegram.sentTo(EVERY_COUNCIL.channelId())).isEmpty();
        assertThat(all(COUNCIL_DESK))
                .contains("High Street ward, Testshire Council, 1 May 2025")
                .contains("Labour GAIN from Conservative")
                .contains("Cat New (Lab) elected, majority 200");

        clock.advance(Duration.ofMinutes(20));
        land("mill.csv", new FeedMessage.LocalResult(mill2025(0), FeedMessage.Result.UNNUMBERED));
        deliverAll();

        String ward = all(WARD_DESK);
        assertThat(ward)
                .contains("Mill & Weir ward, Testshire Council, 1 May 2025 (2 seats)")
                .contains("Labour HOLD 1")
                .contains("Conservative GAIN 1 from Labour")
                .contains("Elected: Ada Mill (Lab), Cy Blue (Con). Lab 1, Con 1")
                // Top candidates: Lab 800 and Con 780 of 1,580; in 2021 Lab 900 and Con 700 of 1,600.
                .contains("50.6%")
                .contains("49.4%")
                .contains("Shares and changes: each party's top candidate");
        assertThat(telegram.sentTo(WARD_DESK.channelId())).hasSize(1);
        // Both wards and the council's declaration; the council's declaration once to the every-council desk.
        String council = all(COUNCIL_DESK);
        assertThat(council).contains("Mill & Weir ward").contains("Testshire Council, 1 May 2025: 3 of 3 seats up");
        assertThat(all(EVERY_COUNCIL))
                .contains("Testshire Council, 1 May 2025: 3 of 3 seats up")
                .contains("Labour HOLD (2 of 3 seats)")
                .doesNotContain("Mill & Weir ward");
        assertThat(telegram.sentTo(EVERY_COUNCIL.channelId())).hasSize(1);
        assertThat(telegram.sentTo(WESTMINSTER.channelId())).isEmpty();
    }

    @Test
    void aRepeatIsHeldAndACorrectionEditsTheOriginalOnEveryInstance() {
        land("mill.csv", new FeedMessage.LocalResult(mill2025(0), FeedMessage.Result.UNNUMBERED));
        deliverAll();
        assertThat(land("mill-again.csv", new FeedMessage.LocalResult(mill2025(0), FeedMessage.Result.UNNUMBERED)))
                .isInstanceOf(IngestOutcome.NothingNew.class);
        deliverAll();
        assertThat(telegram.sentTo(WARD_DESK.channelId())).hasSize(1);

        clock.advance(Duration.ofMinutes(10));
        // A recount: Labour's top candidate 50 votes up. Unnumbered, so it becomes revision 2.
        land("mill-recount.csv", new FeedMessage.LocalResult(mill2025(50), FeedMessage.Result.UNNUMBERED));
        deliverAll();

        String original = telegram.sentTo(WARD_DESK.channelId()).get(0).messageId();
        assertThat(telegram.edits)
                .filteredOn(e -> e.channelId().equals(WARD_DESK.channelId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.messageId()).isEqualTo(original);
                    assertThat(text(e.reply())).contains("850").contains("Corrected: revision 2");
                });
        assertThat(telegram.sentTo(WARD_DESK.channelId())).hasSize(2);
        assertThat(text(telegram.sentTo(WARD_DESK.channelId()).get(1).reply()))
                .startsWith("Correction: revised figures for Mill & Weir ward");

        String id = mill2025(0).id();
        // The store gives back what was declared, and a second instance following it answers with the recount.
        assertThat(store.latestDeclaration(id, Declaration.Stage.RESULT)
                        .orElseThrow()
                        .message())
                .isEqualTo(new FeedMessage.LocalResult(mill2025(50), 2));
        LiveLocalArchive elsewhere = new LiveLocalArchive(LocalAlertPipelineTest::before);
        new StoreFollower(store, TestData.freshArchive(), new RushBoard(), elsewhere).catchUp();
        assertThat(elsewhere.get().contest(id)).contains(mill2025(50));
        assertThat(elsewhere.get().previous(mill2025(50)).orElseThrow().ballot().date())
                .isEqualTo(LocalDate.of(2021, 5, 6));
    }

    @Test
    void aWardCorrectedAfterItsCouncilDeclaredCorrectsTheDeclarationEachTime() {
        land("high.csv", new FeedMessage.LocalResult(high2025(), FeedMessage.Result.UNNUMBERED));
        land("mill.csv", new FeedMessage.LocalResult(mill2025(0), FeedMessage.Result.UNNUMBERED));
        deliverAll();
        String declaration = telegram.sentTo(EVERY_COUNCIL.channelId()).get(0).messageId();
        assertThat(all(EVERY_COUNCIL)).contains("Labour HOLD (2 of 3 seats)");

        clock.advance(Duration.ofMinutes(10));
        // A recount in High Street: the Conservative holds it after all, and Labour loses control.
        LocalContest recount = contest(HIGH, DAY, 1, c("Cat", "New", LAB, 500, false), c("Ann", "Old", CON, 700, true));
        land("high-recount.csv", new FeedMessage.LocalResult(recount, FeedMessage.Result.UNNUMBERED));
        deliverAll();

        assertThat(telegram.edits)
                .filteredOn(e -> e.channelId().equals(EVERY_COUNCIL.channelId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.messageId()).isEqualTo(declaration);
                    assertThat(text(e.reply()))
                            .contains("Testshire Council, 1 May 2025: 3 of 3 seats up")
                            .doesNotContain("Labour HOLD (2 of 3 seats)")
                            .contains("Corrected: a ward's result was revised");
                });
        assertThat(telegram.sentTo(EVERY_COUNCIL.channelId())).hasSize(2);
        assertThat(text(telegram.sentTo(EVERY_COUNCIL.channelId()).get(1).reply()))
                .startsWith("Correction: revised figures for Testshire Council, 1 May 2025: 3 of 3 seats up")
                .doesNotContain("High Street ward");
        assertThat(telegram.sentTo(WARD_DESK.channelId()))
                .as("Mill & Weir's desk follows only its ward")
                .hasSize(1);

        // A second ward's correction corrects the declaration again, under a number of its own.
        clock.advance(Duration.ofMinutes(10));
        land("mill-recount.csv", new FeedMessage.LocalResult(mill2025(50), FeedMessage.Result.UNNUMBERED));
        deliverAll();
        assertThat(telegram.sentTo(EVERY_COUNCIL.channelId())).hasSize(3);
        assertThat(telegram.edits)
                .filteredOn(e -> e.channelId().equals(EVERY_COUNCIL.channelId()))
                .hasSize(2);
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void aCouncilElectingByThirdsDeclaresWhenTheSeatsItsRosterHasUpAreIn() {
        clock.set(Instant.parse("2027-05-07T01:00:00Z"));
        org.resultsdesk.core.model.Ward north = new org.resultsdesk.core.model.Ward("E05009911", "North", THIRDSBY);
        org.resultsdesk.core.model.Ward south = new org.resultsdesk.core.model.Ward("E05009912", "South", THIRDSBY);
        land(
                "north.csv",
                new FeedMessage.LocalResult(
                        contest(
                                north,
                                THIRDS_NIGHT,
                                1,
                                c("Lee", "Red", LAB, 900, true),
                                c("Al", "Blue", CON, 600, false)),
                        FeedMessage.Result.UNNUMBERED));
        deliverAll();
        assertThat(telegram.sentTo(EVERY_COUNCIL.channelId()))
                .as("one of the two seats up is in")
                .isEmpty();

        land(
                "south.csv",
                new FeedMessage.LocalResult(
                        contest(
                                south,
                                THIRDS_NIGHT,
                                1,
                                c("Mo", "Red", LAB, 800, true),
                                c("Bo", "Blue", CON, 700, false)),
                        FeedMessage.Result.UNNUMBERED));
        deliverAll();
        // Before: Con 4, Lab 2. The two Conservative seats up go to Labour: Con 2, Lab 4.
        assertThat(telegram.sentTo(EVERY_COUNCIL.channelId())).hasSize(1);
        assertThat(all(EVERY_COUNCIL))
                .contains("Thirdsby Council, 6 May 2027: 2 of 6 seats up")
                .contains("Labour GAIN from Conservative (4 of 6 seats)")
                .contains("LAB | 2 | 2 | 4 | +2")
                .contains("CON | 0 | 4 | 2 | -2")
                .contains("After: Open Council Data UK, 2026, less the seats up (its roster), plus the results (only"
                        + " some seats were up), Labour majority (4 of 6).");
    }

    @Test
    void anOlderRevisionIsRefusedAndAnOldElectionIsStoredWithoutAlerts() {
        land("mill-2.csv", new FeedMessage.LocalResult(mill2025(0), 2));
        assertThat(land("mill-1.csv", new FeedMessage.LocalResult(mill2025(10), 1)))
                .isInstanceOfSatisfying(
                        IngestOutcome.Rejected.class,
                        r -> assertThat(r.reason()).contains("older than revision 2"));
        clock.set(Instant.parse("2025-05-20T10:00:00Z"));
        IngestOutcome late = land("high.csv", new FeedMessage.LocalResult(high2025(), 1));
        assertThat(late)
                .isInstanceOfSatisfying(
                        IngestOutcome.Accepted.class,
                        a -> assertThat(a.alertsQueued()).isZero());
        assertThat(live.get().contest(high2025().id())).isPresent();
    }

    @Test
    void implausibleOrHostileLocalResultsAreRefusedWithAReason() {
        LocalContest four = new LocalContest(
                BallotId.scheduled("Testshire", "Mill & Weir", DAY),
                MILL,
                4,
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(
                        c("A", "One", LAB, 10, true),
                        c("B", "Two", LAB, 10, true),
                        c("C", "Three", LAB, 10, true),
                        c("D", "Four", LAB, 10, true)));
        LocalContest hostile = contest(
                HIGH, DAY, 1, c("Eve\u202e", "Evil\n[INFO] forged", LAB, 700, true), c("Ann", "Old", CON, 500, false));
        LocalContest tooMany = new LocalContest(
                BallotId.scheduled("Testshire", "High Street", DAY),
                HIGH,
                1,
                OptionalInt.of(5000),
                OptionalInt.of(1000),
                Optional.empty(),
                Optional.empty(),
                List.of(c("Cat", "New", LAB, 1200, true), c("Ann", "Old", CON, 500, false)));
        Council glasgow = new Council("S12000049", "Glasgow City");
        LocalContest stv = contest(
                new org.resultsdesk.core.model.Ward("S13002836", "Anderston", glasgow),
                LocalDate.of(2022, 5, 5),
                1,
                c("Fay", "Green", new Party("SNP", "Scottish National Party"), 100, true));
        LocalContest duplicate =
                contest(HIGH, DAY, 1, c("Cat", "New", LAB, 700, true), c("Cat", "New", LAB, 500, false));

        assertThat(reason(four)).contains("4 seats contested, more than 3");
        assertThat(reason(hostile)).contains("control characters");
        assertThat(reason(tooMany)).contains("more than the ballot papers 1000");
        assertThat(reason(stv)).contains("STV counts are not supported yet");
        assertThat(reason(duplicate)).contains("duplicate candidate Cat New");
        assertThat(store.latestRevision(high2025().id(), Declaration.Stage.RESULT))
                .isEmpty();
        // One file naming the same ballot twice is contradictory: refused whole.
        assertThat(land(
                        "twice.csv",
                        new FeedMessage.LocalResult(high2025(), 1),
                        new FeedMessage.LocalResult(high2025(), 2)))
                .isInstanceOfSatisfying(
                        IngestOutcome.Rejected.class,
                        r -> assertThat(r.reason()).contains("twice"));
    }

    String reason(LocalContest contest) {
        IngestOutcome outcome = land("bad-" + contest.id() + ".csv", new FeedMessage.LocalResult(contest, 1));
        assertThat(outcome).isInstanceOf(IngestOutcome.Rejected.class);
        return ((IngestOutcome.Rejected) outcome).reason();
    }

    @Test
    void editorsSubscribeToACouncilAWardAndEveryCouncilAndReportersMayNot() {
        subscriptions.removeAll(COUNCIL_DESK);
        ChatContext editor = ChatContext.person(Platform.TELEGRAM, "-100302", ChatContext.ChatKind.GROUP, "1");
        ChatContext reporter = ChatContext.person(Platform.TELEGRAM, "-100302", ChatContext.ChatKind.GROUP, "2");
        Rights rights = new Rights(new MemoryAuditTrail(), Clock.systemUTC());
        rights.enable(
                new PlatformRights(Platform.TELEGRAM, Set.of(), Optional.empty(), false),
                new KnownChats(Platform.TELEGRAM).admins("-100302", "1"));
        SeatDirectory seats = new SeatDirectory(TestData.archive().seats());
        CommandService commands = new CommandService(
                TestData.archive(),
                seats,
                new SubscriptionCommands(subscriptions, seats, TestData.archive(), rights, local));

        assertThat(text(commands.handle("/subscribe council testshire", reporter)))
                .contains("administrators");
        assertThat(text(commands.handle("/subscribe council testshire", editor)))
                .contains("This channel now follows Testshire Council (its wards and its declaration).");
        assertThat(text(commands.handle("/subscribe ward mill & weir, testshire", editor)))
                .contains("now follows Mill & Weir, Testshire (ward)");
        assertThat(text(commands.handle("/subscribe councils", editor)))
                .contains("now follows every council's declaration");
        assertThat(text(commands.handle("/subscriptions", editor)))
                .contains("Testshire Council (council)")
                .contains("Mill & Weir, Testshire (ward)")
                .contains("every council's declaration");
        assertThat(subscriptions.forChannel(COUNCIL_DESK))
                .extracting(Subscription::kind, Subscription::target)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Subscription.Kind.COUNCIL, "E06000901"),
                        org.assertj.core.groups.Tuple.tuple(Subscription.Kind.WARD, "E05009902"),
                        org.assertj.core.groups.Tuple.tuple(Subscription.Kind.COUNCILS, "*"));
        assertThat(text(commands.handle("/unsubscribe council Testshire", editor)))
                .contains("no longer follows Testshire Council");
        assertThat(text(commands.handle("/subscribe council nowhere-at-all-shire", editor)))
                .contains("I don't know a council called");
        assertThat(text(commands.handle("/subscribe ward \u0000<b>x</b>", editor)))
                .contains("I don't know a ward or division called");
        List<Subscription> left = new ArrayList<>(subscriptions.forChannel(COUNCIL_DESK));
        assertThat(left).extracting(Subscription::kind).doesNotContain(Subscription.Kind.COUNCIL);
    }
}
