package org.resultsdesk.core.byelections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.AlertComposer;
import org.resultsdesk.core.alerts.AlertPictures;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.CardSource;
import org.resultsdesk.core.alerts.ContextSource;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.IngestOutcome;
import org.resultsdesk.core.alerts.LocalAlerts;
import org.resultsdesk.core.alerts.RecordingGateway;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.alerts.SubscriptionCommands;
import org.resultsdesk.core.calc.LocalCalculator;
import org.resultsdesk.core.calc.MultiMemberMethod;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.LocalResults;
import org.resultsdesk.core.command.PlainReplyRenderer;
import org.resultsdesk.core.command.ResultAddenda;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.BallotId;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.DueBallot;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LiveLocalArchive;
import org.resultsdesk.core.model.LocalCandidacy;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.model.Ward;
import org.resultsdesk.core.port.ByElectionCalendar;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.rights.KnownChats;
import org.resultsdesk.core.rights.MemoryAuditTrail;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.feeds.LocalBundledData;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiDefenceStore;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiSubscriptionStore;
import org.resultsdesk.store.JdbiSummarySchedule;

/**
 * A week of council by-elections in real 2025 wards of Buckinghamshire, on a day the bundled data does not have
 * (Thursday 10 December 2026): the ballots come from an in-memory calendar (as the live poller lists them), the
 * results through the ingest path into a real SQLite store and out through the outbox. The copy, the week's list and
 * the Friday summary are golden files, and the figures in them are computed again here from the fixture.
 */
class ByElectionDeskTest {
    static final LocalDate THURSDAY = LocalDate.of(2026, 12, 10);
    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);
    static final Instant FRIDAY_MORNING = Instant.parse("2026-12-11T09:00:00Z");
    static final Party CON = new Party("Con", "Conservative and Unionist Party");
    static final Party LAB = new Party("Lab", "Labour Party");
    static final Party LD = new Party("LD", "Liberal Democrats");
    static final Party RUK = new Party("RUK", "Reform UK");
    static final Party GREEN = new Party("Green", "Green Party");

    static final ChannelRef BY_ELECTION_DESK = new ChannelRef(Platform.TELEGRAM, "-100401");
    static final ChannelRef BUCKS_DESK = new ChannelRef(Platform.TELEGRAM, "-100402");
    static final ChannelRef WESTMINSTER = new ChannelRef(Platform.TELEGRAM, "-100403");
    static final ChannelRef EVERY_COUNCIL = new ChannelRef(Platform.TELEGRAM, "-100404");
    static final String EDITOR = "7";
    static final String STRANGER = "99";

    @TempDir
    static Path dir;

    static MutableClock clock = new MutableClock(FRIDAY_MORNING.minusSeconds(8 * 3600));
    static Database database;
    static JdbiDefenceStore defences;
    static MemoryAuditTrail audit = new MemoryAuditTrail();
    static LiveLocalArchive live;
    static CommandService commands;
    static RecordingGateway telegram;
    static List<DueBallot> due = new ArrayList<>();
    static Map<String, LocalContest> declared = new HashMap<>();
    static JdbiSubscriptionStore subscriptions;
    static JdbiSummarySchedule schedule;
    static SummaryPoster poster;
    static AlertDelivery delivery;

    static Ward ward(String code) {
        return live.get().contestsOn(code).get(0).ward();
    }

    static BallotId ballot(String ward, LocalDate day) {
        return new BallotId("buckinghamshire", ward, true, day);
    }

    static LocalCandidacy c(String given, String family, Party party, int votes, boolean elected) {
        return new LocalCandidacy(given, family, party, votes, elected, false);
    }

    static LocalContest byElection(String code, String slug, String turnout, LocalCandidacy... candidates) {
        return new LocalContest(
                ballot(slug, THURSDAY),
                ward(code),
                1,
                OptionalInt.of(8000),
                OptionalInt.empty(),
                Optional.of(new BigDecimal(turnout)),
                Optional.empty(),
                List.of(candidates));
    }

    static DueBallot listed(LocalContest contest) {
        return new DueBallot(
                contest.ballot(),
                contest.ward(),
                1,
                contest.candidates().stream()
                        .map(k -> new DueBallot.Nominee(k.displayName(), k.party()))
                        .toList());
    }

    /** Downley (Lab in 2025, one seat): Reform UK gains it. */
    static LocalContest downley() {
        return byElection(
                "E05015949",
                "downley",
                "22.0",
                c("Rhys", "Bright", RUK, 600, true),
                c("Anna", "Field", LAB, 400, false),
                c("Colin", "Marsh", CON, 300, false),
                c("Lucy", "Dean", LD, 100, false),
                c("Gail", "Reed", GREEN, 100, false));
    }

    /** Farnhams & Stoke Poges (three Conservatives in 2025): the Conservatives hold it. */
    static LocalContest farnhams() {
        return byElection(
                "E05015950",
                "farnhams-stoke-poges",
                "19.5",
                c("Harriet", "Moss", CON, 900, true),
                c("Ian", "Pike", RUK, 800, false),
                c("Jo", "Lane", LD, 200, false),
                c("Kit", "Shaw", LAB, 100, false));
    }

    /** Buckingham (Lab, LD and Con in 2025): an editor says the Liberal Democrats defend; Labour gains it. */
    static LocalContest buckingham() {
        return byElection(
                "E05015940",
                "buckingham",
                "24.2",
                c("Mo", "Khan", LAB, 1000, true),
                c("Nell", "Ward", LD, 700, false),
                c("Olly", "Stone", CON, 500, false),
                c("Pat", "Cole", RUK, 300, false));
    }

    /** Beaconsfield (Con and LD in 2025): nobody known to defend, so a plain win. */
    static LocalContest beaconsfield() {
        return byElection(
                "E05015936",
                "beaconsfield",
                "26.0",
                c("Quinn", "Hart", CON, 1200, true),
                c("Rosa", "Bell", LD, 1100, false),
                c("Sam", "Cope", RUK, 300, false));
    }

    @BeforeAll
    static void aWeekOfByElections() {
        database = Database.sqlite(dir);
        defences = new JdbiDefenceStore(database);
        JdbiAlertStore store = new JdbiAlertStore(database);
        subscriptions = new JdbiSubscriptionStore(database, clock);
        ResultsArchive westminster = TestData.freshArchive();
        live = new LiveLocalArchive(() -> LocalBundledData.read().archive());
        LocalResults local = new LocalResults(
                live, new LocalCalculator(MultiMemberMethod.TOP_CANDIDATE), new Defences(defences, live));
        Rights rights = new Rights(audit, clock);
        rights.enable(
                new PlatformRights(Platform.TELEGRAM, Set.of(EDITOR), Optional.empty(), false),
                new KnownChats(Platform.TELEGRAM).admins("-100401", STRANGER));
        ByElectionCalendar calendar = (from, to) -> due.stream()
                .filter(d ->
                        !d.ballot().date().isBefore(from) && !d.ballot().date().isAfter(to))
                .toList();
        SeatDirectory seats = new SeatDirectory(westminster.seats());
        schedule = new JdbiSummarySchedule(database, clock);
        ByElectionDiary diary = new ByElectionDiary(calendar, live, westminster);
        ByElectionPages pages = new ByElectionPages(local, westminster);
        poster = new SummaryPoster(diary, pages, schedule, store, clock, () -> {});
        commands = new CommandService(
                westminster,
                seats,
                clock,
                ResultAddenda.NONE,
                local,
                new ByElectionCommands(local, diary, pages, calendar, defences, schedule, rights, clock),
                new SubscriptionCommands(subscriptions, seats, westminster, rights, local));

        for (LocalContest contest : List.of(downley(), farnhams(), buckingham(), beaconsfield())) {
            due.add(listed(contest));
            declared.put(contest.id(), contest);
        }
        due.add(new DueBallot(
                ballot("disraeli", TUESDAY),
                ward("E05015948"),
                1,
                List.of(new DueBallot.Nominee("Tom Vale", CON), new DueBallot.Nominee("Una West", LAB))));

        subscriptions.add(new Subscription(BY_ELECTION_DESK, Subscription.Kind.BYELECTIONS, null, null));
        subscriptions.add(
                new Subscription(BUCKS_DESK, Subscription.Kind.COUNCIL, "E06000060", "Buckinghamshire Council"));
        subscriptions.add(new Subscription(WESTMINSTER, Subscription.Kind.ALL, null, null));
        subscriptions.add(new Subscription(EVERY_COUNCIL, Subscription.Kind.COUNCILS, null, null));

        assertThat(text(commands.handle("/defending buckingham, buckinghamshire lib dem", editor())))
                .contains("Buckingham (Buckinghamshire), by-election on Thu 10 Dec 2026: LD defence");

        StoreFollower follower = new StoreFollower(store, westminster, new RushBoard(), live);
        Map<String, List<FeedMessage>> feed = new HashMap<>();
        DeclarationIngest ingest = new DeclarationIngest(
                file -> feed.getOrDefault(file.name(), List.of()),
                follower,
                store,
                new AlertRouter(subscriptions),
                clock,
                () -> {});
        telegram = new RecordingGateway(Platform.TELEGRAM, clock::instant);
        delivery = new AlertDelivery(
                telegram,
                store,
                subscriptions,
                new AlertComposer(
                        store,
                        westminster,
                        CardSource.NONE,
                        ContextSource.NONE,
                        AlertPictures.NONE,
                        new LocalAlerts(local, live, follower::catchUp),
                        poster),
                new JdbiSendBudget(database),
                clock,
                AlertDelivery.Settings.DEFAULTS,
                new AlertDelivery.Listener() {});
        for (LocalContest contest : declared.values().stream()
                .sorted(java.util.Comparator.comparing(LocalContest::id))
                .toList()) {
            String name = contest.ballot().ward() + ".json";
            feed.put(name, List.of(new FeedMessage.LocalResult(contest, FeedMessage.Result.UNNUMBERED)));
            assertThat(ingest.accept(new FeedFile(name, name.getBytes(StandardCharsets.UTF_8), clock.instant())))
                    .isInstanceOf(IngestOutcome.Accepted.class);
            Optional<Instant> next = delivery.deliverDue();
            for (int i = 0; i < 200 && next.isPresent(); i++) {
                clock.set(next.get().isAfter(clock.instant()) ? next.get() : clock.instant());
                next = delivery.deliverDue();
            }
            clock.advance(java.time.Duration.ofMinutes(10));
        }
        clock.set(FRIDAY_MORNING);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static ChatContext editor() {
        return new ChatContext(Platform.TELEGRAM, "-100401", ChatContext.ChatKind.GROUP, EDITOR, "Ed Itor", false);
    }

    static ChatContext stranger() {
        return new ChatContext(Platform.TELEGRAM, "-100401", ChatContext.ChatKind.GROUP, STRANGER, "Str Anger", false);
    }

    // ---- figures computed here from the fixture, independently of the calculator ----

    static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);

    static BigDecimal pct(int part, int whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), MC);
    }

    static String oneDp(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    static String signed(BigDecimal value) {
        String s = oneDp(value);
        return value.setScale(1, RoundingMode.HALF_UP).signum() > 0 ? "+" + s : s;
    }

    @Test
    void theResultAsTheDeskWritesItAGainWithSwingSinceMay2025() throws IOException {
        String reply = golden("/result local.buckinghamshire.downley.by.2026-12-10", "result-downley");

        // Downley 2025 (Handbook): Lab 577, Con 559, RUK 236, LD 142, one seat. Tonight 600/400/300/100/100.
        int before = 577 + 559 + 236 + 142;
        int now = 600 + 400 + 300 + 100 + 100;
        BigDecimal ruk = pct(600, now).subtract(pct(236, before));
        BigDecimal lab = pct(400, now).subtract(pct(577, before));
        BigDecimal con = pct(300, now).subtract(pct(559, before));
        BigDecimal swing = ruk.subtract(lab).divide(BigDecimal.valueOf(2), MC);
        assertThat(reply)
                .contains("RUK GAIN from Lab: Downley (Buckinghamshire). RUK " + oneDp(pct(600, now)) + "% ("
                        + signed(ruk) + "), Lab " + oneDp(pct(400, now)) + "% (" + signed(lab) + "), Con "
                        + oneDp(pct(300, now)) + "% (" + signed(con) + ")")
                .contains("Green " + oneDp(pct(100, now)) + "% (new)")
                .contains("Swing " + oneDp(swing) + "% Lab to RUK since May 2025")
                .contains("Turnout 22.0% (May 2025: 33.1%)")
                .contains("Lab defence: the seat won by Labour in 2025")
                .contains("Reform UK GAIN from Labour");
    }

    @Test
    void aHoldInAThreeSeatWardComparedByEachPartysTopCandidateAndSaidSo() throws IOException {
        String reply = golden("/result farnhams & stoke poges, buckinghamshire", "result-farnhams");

        // 2025, three seats: top candidates Con 1,628, RUK 916, LD 622, Lab 287.
        int before = 1628 + 916 + 622 + 287;
        int now = 900 + 800 + 200 + 100;
        BigDecimal con = pct(900, now).subtract(pct(1628, before));
        BigDecimal ruk = pct(800, now).subtract(pct(916, before));
        assertThat(reply)
                .contains("Con HOLD: Farnhams & Stoke Poges (Buckinghamshire). Con " + oneDp(pct(900, now)) + "% ("
                        + signed(con) + "), RUK " + oneDp(pct(800, now)) + "% (" + signed(ruk) + ")")
                .contains("Swing " + oneDp(ruk.subtract(con).divide(BigDecimal.valueOf(2), MC)) + "% Con to RUK")
                .contains("Changes against the May 2025 contest for three seats, by each party's top candidate.")
                .contains("Con defence: all three seats won by the Conservatives in 2025")
                .contains("Conservative HOLD");
    }

    @Test
    void anEditorsDefenceMakesTheVerdictAndWithoutOneItIsAPlainWin() {
        String buckingham =
                text(commands.handle("/snippet local.buckinghamshire.buckingham.by.2026-12-10", ChatContext.console()));
        String beaconsfield = text(commands.handle("/result beaconsfield, buckinghamshire", ChatContext.console()));

        assertThat(buckingham).startsWith("Lab GAIN from LD: Buckingham (Buckinghamshire).");
        assertThat(beaconsfield)
                .contains("Con win: Beaconsfield (Buckinghamshire).")
                .contains("Defence unknown: seats split Con 1, LD 1 in 2025; an editor can set it with /defending")
                .doesNotContain("GAIN")
                .doesNotContain("HOLD");
        assertThat(audit.latest(10))
                .anySatisfy(
                        e -> assertThat(e.detail()).isEqualTo("local.buckinghamshire.buckingham.by.2026-12-10: LD"));
    }

    @Test
    void theWeeksListByDayAndCouncil() throws IOException {
        String list = golden("/byelections 2026-12-10", "week-list");

        // Farnhams & Stoke Poges 2025 by top candidates: Con 1,628, RUK 916, LD 622, Lab 287.
        int before = 1628 + 916 + 622 + 287;
        assertThat(list)
                .contains("Con " + oneDp(pct(1628, before)) + "%, RUK " + oneDp(pct(916, before)) + "%")
                .contains("Tue 8 Dec 2026")
                .contains("Thu 10 Dec 2026")
                .contains("Candidates: Tom Vale (Con), Una West (Lab)")
                .contains("Result not in yet")
                .contains("Result in: RUK GAIN from Lab");
        assertThat(list.indexOf("Disraeli")).isLessThan(list.indexOf("Downley"));
        assertThat(text(commands.handle("/byelections", ChatContext.console()))).isEqualTo(list);
        assertThat(text(commands.handle("/byelections next week", ChatContext.console())))
                .contains("No council by-elections on file for this week.");
    }

    @Test
    void theFridaySummaryCountsSeatsChangingHandsAndAverageChanges() throws IOException {
        String summary = golden("/byelections results", "friday-summary");

        // Gains: RUK from Lab (Downley), Lab from LD (Buckingham). Con holds Farnhams; Beaconsfield has no verdict.
        String table = summary.replaceAll(" +", " ");
        assertThat(summary).contains("Council by-elections: 4 of 5 declared");
        assertThat(table)
                .contains("\n RUK 1 0 +1\n")
                .contains("\n LAB 1 1 0\n")
                .contains("\n LD 0 1 -1\n")
                .doesNotContain("\n CON ");
        // Labour fought Downley, Farnhams and Buckingham both times (by top candidate in the multi-member wards).
        BigDecimal downley = pct(400, 1500).subtract(pct(577, 1514));
        BigDecimal farnhams = pct(100, 2000).subtract(pct(287, 1628 + 916 + 622 + 287));
        BigDecimal buckingham = pct(1000, 2500).subtract(pct(2252, 2252 + 1255 + 1226 + 1175));
        BigDecimal labour = downley.add(farnhams).add(buckingham).divide(BigDecimal.valueOf(3), MC);
        assertThat(summary).contains("Lab " + signed(labour) + " (3 contests)");
    }

    @Test
    void theSummaryIncludesTheWeeksParliamentaryByElections() {
        String summary = text(commands.handle("/byelections results 2024-02-15", ChatContext.console()));

        assertThat(summary)
                .contains("Parliamentary by-elections")
                .contains("Kingswood, Thu 15 Feb 2024: Lab GAIN from Con")
                .contains("Wellingborough, Thu 15 Feb 2024: Lab GAIN from Con");
    }

    @Test
    void everyByElectionResultGoesToByElectionAndCouncilFollowersAndNoWhereElse() {
        List<String> toDesk = telegram.sentTo(BY_ELECTION_DESK.channelId()).stream()
                .map(s -> text(s.reply()))
                .toList();
        assertThat(toDesk).hasSize(4);
        assertThat(String.join("\n", toDesk))
                .contains("RUK GAIN from Lab: Downley (Buckinghamshire).")
                .contains("Con HOLD: Farnhams & Stoke Poges (Buckinghamshire).")
                .contains("Lab GAIN from LD: Buckingham (Buckinghamshire).")
                .contains("Con win: Beaconsfield (Buckinghamshire).");
        assertThat(telegram.sentTo(BUCKS_DESK.channelId())).hasSize(4);
        assertThat(telegram.sentTo(WESTMINSTER.channelId())).isEmpty();
        assertThat(telegram.sentTo(EVERY_COUNCIL.channelId())).isEmpty();
    }

    @Test
    void aStrangerCannotSetWhoDefendsAndNothingIsStoredOrAudited() {
        BallotId disraeli = ballot("disraeli", TUESDAY);
        int audited = audit.latest(100).size();

        String refused = text(commands.handle("/defending " + disraeli + " lab", stranger()));

        assertThat(refused).contains("Only the desk's editors can set who defends a by-election");
        assertThat(defences.find(disraeli)).isEmpty();
        assertThat(audit.latest(100)).hasSize(audited);
        assertThat(text(commands.handle("/byelections 2026-12-08", ChatContext.console())))
                .contains("Disraeli ward. Con defence: the seat won by the Conservatives in 2025");
    }

    @Test
    void hostileWardAndPartyTextIsAnsweredSafelyAndChangesNothing() {
        int audited = audit.latest(100).size();
        String longName = "x".repeat(5000);

        String badParty = text(commands.handle(
                "/defending local.buckinghamshire.disraeli.by.2026-12-08 <script>alert(1)</script>", editor()));
        String badWard =
                text(commands.handle("/defending '; DROP TABLE byelection_defences;-- \u0007\u001b[2J lab", editor()));
        String huge = text(commands.handle("/defending " + longName + " lab", editor()));
        String notABy = text(commands.handle("/defending local.buckinghamshire.disraeli.2025-05-01 lab", editor()));

        assertThat(badParty).startsWith("I don't know the party");
        assertThat(badWard).startsWith("I don't know a ward or ballot called").doesNotContain("\u0007", "\u001b");
        assertThat(huge.length()).isLessThan(600);
        assertThat(notABy).contains("not a by-election");
        assertThat(defences.find(ballot("disraeli", TUESDAY))).isEmpty();
        assertThat(audit.latest(100)).hasSize(audited);
        assertThat(text(commands.handle("/byelections 2026-12-08", ChatContext.console())))
                .contains("Disraeli ward. Con defence");
    }

    @Test
    void anEditorWithAHostileNameSetsAndClearsADefenceOnAnotherWeek() {
        BallotId later = ballot("downley", THURSDAY.plusWeeks(1));
        ChatContext hostile = new ChatContext(
                Platform.TELEGRAM,
                "-100401",
                ChatContext.ChatKind.GROUP,
                EDITOR,
                "<b>Ed</b>\u0000\n" + "y".repeat(300),
                false);

        String set = text(commands.handle("/defending " + later + " greens", hostile));
        assertThat(set).contains("Green defence");
        assertThat(defences.find(later)).hasValueSatisfying(d -> {
            assertThat(d.party().code()).isEqualTo("Green");
            assertThat(d.setBy()).doesNotContain("\u0000", "\n").hasSizeLessThanOrEqualTo(61);
        });
        assertThat(audit.latest(1).get(0).action()).isEqualTo(Action.DEFENDING);

        assertThat(text(commands.handle("/defending " + later + " unknown", hostile)))
                .contains("cleared");
        assertThat(defences.find(later)).isEmpty();
    }

    @Test
    void subscribeByelectionsIsAChannelRight() {
        ChatContext own = ChatContext.person(Platform.TELEGRAM, "555", ChatContext.ChatKind.PRIVATE, "555");
        ChatContext nobody =
                new ChatContext(Platform.TELEGRAM, "-100409", ChatContext.ChatKind.GROUP, "12345", "", false);

        assertThat(text(commands.handle("/subscribe byelections", nobody))).contains("Only");
        assertThat(subscriptions.forChannel(new ChannelRef(Platform.TELEGRAM, "-100409")))
                .isEmpty();
        commands.handle("/subscribe byelections", own);
        assertThat(subscriptions.forChannel(new ChannelRef(Platform.TELEGRAM, "555")))
                .singleElement()
                .extracting(Subscription::kind)
                .isEqualTo(Subscription.Kind.BYELECTIONS);
        assertThat(text(commands.handle("/subscriptions", own))).contains("every council by-election's result");
    }

    @Test
    void anEditorSchedulesTheSummaryAndItIsPostedOnceWhenTheWeeksResultsAreAllIn() {
        ChannelRef summaryDesk = new ChannelRef(Platform.TELEGRAM, "-100401");
        assertThat(text(commands.handle("/byelections schedule", stranger()))).contains("Only the desk's editors");
        assertThat(schedule.channels()).isEmpty();

        assertThat(text(commands.handle("/byelections schedule", editor()))).startsWith("Scheduled");
        assertThat(schedule.channels()).containsExactly(summaryDesk);
        int before = telegram.sentTo(summaryDesk.channelId()).size();

        // Disraeli (Tuesday) has not declared: nothing yet.
        assertThat(poster.postIfDue()).isZero();
        deliver();
        assertThat(telegram.sentTo(summaryDesk.channelId())).hasSize(before);

        // Checking again and again posts it once.
        due.removeIf(d -> d.ballot().ward().equals("disraeli"));
        try {
            assertThat(poster.postIfDue()).isEqualTo(1);
            assertThat(poster.postIfDue()).isEqualTo(1);
            deliver();
            List<RecordingGateway.Sent> sent = telegram.sentTo(summaryDesk.channelId());
            assertThat(sent).hasSize(before + 1);
            assertThat(text(sent.get(sent.size() - 1).reply()))
                    .startsWith("By-election results, week of Mon 7 Dec 2026 to Sun 13 Dec 2026")
                    .contains("Council by-elections: 4 of 4 declared");
            poster.postIfDue();
            deliver();
            assertThat(telegram.sentTo(summaryDesk.channelId())).hasSize(before + 1);
        } finally {
            due.add(new DueBallot(
                    ballot("disraeli", TUESDAY),
                    ward("E05015948"),
                    1,
                    List.of(new DueBallot.Nominee("Tom Vale", CON), new DueBallot.Nominee("Una West", LAB))));
            commands.handle("/byelections schedule off", editor());
        }
        assertThat(schedule.channels()).isEmpty();
    }

    static void deliver() {
        Instant now = clock.instant();
        Optional<Instant> next = delivery.deliverDue();
        for (int i = 0; i < 50 && next.isPresent(); i++) {
            clock.set(next.get().isAfter(clock.instant()) ? next.get() : clock.instant());
            next = delivery.deliverDue();
        }
        clock.set(now);
    }

    private static String golden(String command, String name) throws IOException {
        String actual = new PlainReplyRenderer().render(commands.handle(command, ChatContext.console()));
        String expected;
        try (InputStream in = ByElectionDeskTest.class.getResourceAsStream("/golden/byelections/" + name + ".txt")) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path out = Path.of("target/golden-byelections");
            Files.createDirectories(out);
            Files.writeString(out.resolve(name + ".txt"), actual);
        }
        assertThat(actual).isEqualTo(expected);
        return actual;
    }

    static String text(Reply reply) {
        return new PlainReplyRenderer().render(reply);
    }
}
