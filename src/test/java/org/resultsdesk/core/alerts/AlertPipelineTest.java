package org.resultsdesk.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.delivery.AlertDelivery;
import org.resultsdesk.core.delivery.ReplySender;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.OutboxStatus;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.core.port.FeedParser;
import org.resultsdesk.core.port.FeedRejected;
import org.resultsdesk.core.retry.BackOff;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiSubscriptionStore;

/**
 * Ingest, routing and delivery together, on a real SQLite store, with a recording gateway standing in for the chat
 * platform (the adapters' own tests drive the real SDKs against fake servers).
 */
class AlertPipelineTest {
    static final Instant NIGHT = Instant.parse("2019-12-12T23:00:00Z");
    static final ChannelRef NEWSROOM = new ChannelRef(Platform.TELEGRAM, "-100200");
    static final ChannelRef KINGSWOOD_DESK = new ChannelRef(Platform.TELEGRAM, "5001");

    @TempDir
    Path dataDirectory;

    MutableClock clock = new MutableClock(NIGHT);
    Database database;
    JdbiAlertStore store;
    JdbiSubscriptionStore subscriptions;
    ResultsArchive archive;
    Map<String, List<FeedMessage>> feed = new HashMap<>();
    DeclarationIngest ingest;
    RecordingGateway telegram = new RecordingGateway(Platform.TELEGRAM, clock::instant);
    AlertDelivery delivery;

    @BeforeEach
    void setUp() {
        database = Database.sqlite(dataDirectory);
        store = new JdbiAlertStore(database);
        subscriptions = new JdbiSubscriptionStore(database, clock);
        archive = TestData.freshArchive();
        FeedParser parser = file -> {
            String body = new String(file.content(), StandardCharsets.UTF_8);
            if (body.equals("corrupt")) {
                throw new FeedRejected("truncated XML at line 3");
            }
            return feed.getOrDefault(file.name(), List.of());
        };
        ingest = new DeclarationIngest(
                parser,
                new StoreFollower(store, archive, new RushBoard()),
                store,
                new AlertRouter(subscriptions),
                clock,
                () -> {});
        delivery = newDelivery(telegram);
    }

    /** The adapter's window for one chat's own limit (one message in it). */
    Duration chatWindow() {
        return telegram.limits()
                .channelBuckets(NEWSROOM.channelId())
                .get(0)
                .limit()
                .window();
    }

    AlertDelivery newDelivery(RecordingGateway gateway) {
        return newDelivery(gateway, AlertDelivery.Settings.DEFAULTS.claimChannels(), AlertDelivery.RETRY_BACK_OFF);
    }

    AlertDelivery newDelivery(RecordingGateway gateway, int claimChannels) {
        return newDelivery(gateway, claimChannels, AlertDelivery.RETRY_BACK_OFF);
    }

    AlertDelivery newDelivery(RecordingGateway gateway, BackOff backOff) {
        return newDelivery(gateway, AlertDelivery.Settings.DEFAULTS.claimChannels(), backOff);
    }

    AlertDelivery newDelivery(RecordingGateway gateway, int claimChannels, BackOff backOff) {
        AlertDelivery.Settings defaults = AlertDelivery.Settings.DEFAULTS;
        return new AlertDelivery(
                gateway,
                store,
                subscriptions,
                new AlertComposer(store, archive),
                new JdbiSendBudget(database),
                clock,
                new AlertDelivery.Settings(
                        defaults.lease(),
                        defaults.maxDigestLines(),
                        defaults.maxAttempts(),
                        claimChannels,
                        defaults.owner()),
                new AlertDelivery.Listener() {},
                backOff);
    }

    /** Runs a pass whenever the last one said the next alert falls due, until nothing is waiting. */
    void deliverAsDue(Optional<Instant> next) {
        for (int i = 0; i < 200 && next.isPresent(); i++) {
            clock.set(next.get());
            next = delivery.deliverDue();
        }
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    IngestOutcome land(String name, FeedMessage... messages) {
        feed.put(name, List.of(messages));
        return ingest.accept(new FeedFile(name, name.getBytes(StandardCharsets.UTF_8), clock.instant()));
    }

    static FeedMessage.Result ge2019(String gss) {
        return new FeedMessage.Result(TestData.contest("parl.2019-12-12", gss), 1);
    }

    static final String KINGSWOOD = "E14000774";
    static final String WELLINGBOROUGH = "E14001025";

    void subscribe(ChannelRef channel, Subscription.Kind kind, String target) {
        subscriptions.add(new Subscription(channel, kind, target, target));
    }

    @Test
    void eachSubscribedChannelGetsTheAnnouncementOnce() {
        subscribe(KINGSWOOD_DESK, Subscription.Kind.SEAT, KINGSWOOD);
        subscribe(NEWSROOM, Subscription.Kind.REGION, "south west");

        IngestOutcome outcome = land("kingswood_1.xml", ge2019(KINGSWOOD));
        delivery.deliverDue();
        clock.advance(Duration.ofMinutes(5));
        delivery.deliverDue();

        assertThat(outcome).isInstanceOf(IngestOutcome.Accepted.class);
        assertThat(telegram.sent).hasSize(2);
        for (RecordingGateway.Sent s : telegram.sent) {
            assertThat(s.reply().parts())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            Reply.AnnouncementPart.class,
                            a -> assertThat(a.announcement().headline())
                                    .isEqualTo("Kingswood, general election 12 Dec 2019"));
        }
    }

    @Test
    void gainsSubscribersHearOnlyOfSeatsThatChangeHands() {
        subscribe(NEWSROOM, Subscription.Kind.GAINS, null);

        land("kingswood.xml", ge2019(KINGSWOOD)); // Con hold
        land("blyth.xml", ge2019("E14000575")); // Blyth Valley, Con gain from Lab
        delivery.deliverDue();

        assertThat(telegram.sent)
                .singleElement()
                .satisfies(s ->
                        assertThat(text(s.reply())).contains("Blyth Valley").contains("Conservative GAIN from Labour"));
    }

    @Test
    void badDeclarationsAreRejectedKeepTheLastGoodDataAndAlertNobody() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        Contest good = TestData.contest("parl.2019-12-12", KINGSWOOD);
        land("kingswood_2.xml", new FeedMessage.Result(good, 2));
        delivery.deliverDue();
        int before = telegram.sent.size();

        List<Candidacy> wrong = new ArrayList<>(good.candidates());
        wrong.set(0, new Candidacy("Chris", "Skidmore", new Party("Con", "Conservative"), 27_000));
        Contest notAddingUp = new Contest(
                good.election(),
                good.seat(),
                good.electorate(),
                good.validVotes(),
                good.invalidVotes(),
                good.declaredAt(),
                wrong);
        List<Candidacy> twice = new ArrayList<>(good.candidates());
        twice.add(good.candidates().get(1));
        Contest duplicate = new Contest(
                good.election(),
                good.seat(),
                good.electorate(),
                good.validVotes(),
                good.invalidVotes(),
                good.declaredAt(),
                twice);
        Contest unknownSeat = new Contest(
                good.election(),
                new org.resultsdesk.core.model.Seat("E14099999", "Atlantis", "South West", "England"),
                good.electorate(),
                good.validVotes(),
                good.invalidVotes(),
                good.declaredAt(),
                good.candidates());

        assertThat(ingest.accept(new FeedFile("broken.xml", "corrupt".getBytes(), clock.instant())))
                .isEqualTo(new IngestOutcome.Rejected("truncated XML at line 3"));
        assertThat(land("sum.xml", new FeedMessage.Result(notAddingUp, 3)))
                .asString()
                .contains("add up to");
        assertThat(land("dup.xml", new FeedMessage.Result(duplicate, 3)))
                .asString()
                .contains("duplicate candidate");
        assertThat(land("seat.xml", new FeedMessage.Result(unknownSeat, 1)))
                .asString()
                .contains("unknown seat");
        assertThat(land("old.xml", new FeedMessage.Result(good, 1))).asString().contains("older than revision 2");
        assertThat(land("again.xml", new FeedMessage.Result(good, 2))).isInstanceOf(IngestOutcome.NothingNew.class);

        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDue();
        assertThat(telegram.sent).hasSize(before);
        assertThat(archive.contest(good.id())).contains(good);
        assertThat(store.latestRevision(good.id(), org.resultsdesk.core.model.Declaration.Stage.RESULT))
                .hasValue(2);
    }

    @Test
    void aHigherRevisionEditsTheOriginalAndPostsACorrection() {
        subscribe(KINGSWOOD_DESK, Subscription.Kind.SEAT, KINGSWOOD);
        Contest first = TestData.contest("parl.2019-12-12", KINGSWOOD);
        land("kingswood_1.xml", new FeedMessage.Result(first, 1));
        delivery.deliverDue();

        Contest second = recount(first, 100);
        clock.advance(Duration.ofMinutes(10));
        land("kingswood_2.xml", new FeedMessage.Result(second, 2));
        delivery.deliverDue();

        assertThat(telegram.edits).singleElement().satisfies(e -> {
            assertThat(e.messageId()).isEqualTo(telegram.sent.get(0).messageId());
            assertThat(text(e.reply())).contains("Corrected: revision 2");
        });
        assertThat(telegram.sent).hasSize(2);
        assertThat(text(telegram.sent.get(1).reply())).startsWith("Correction: revised figures for Kingswood");
        assertThat(text(telegram.sent.get(1).reply())).contains("majority 11,020");
    }

    static Contest recount(Contest contest, int shift) {
        List<Candidacy> recounted = new ArrayList<>(contest.candidates());
        Candidacy lab = recounted.stream()
                .filter(c -> c.party().code().equals("Lab"))
                .findFirst()
                .orElseThrow();
        Candidacy con = recounted.stream()
                .filter(c -> c.party().code().equals("Con"))
                .findFirst()
                .orElseThrow();
        recounted.set(
                recounted.indexOf(lab),
                new Candidacy(lab.givenName(), lab.familyName(), lab.party(), lab.votes() + shift));
        recounted.set(
                recounted.indexOf(con),
                new Candidacy(con.givenName(), con.familyName(), con.party(), con.votes() - shift));
        return new Contest(
                contest.election(),
                contest.seat(),
                contest.electorate(),
                contest.validVotes(),
                contest.invalidVotes(),
                contest.declaredAt(),
                recounted);
    }

    @Test
    void everyCorrectionEditsTheFirstMessageWhichEndsWithTheLatestFigures() {
        subscribe(KINGSWOOD_DESK, Subscription.Kind.SEAT, KINGSWOOD);
        Contest first = TestData.contest("parl.2019-12-12", KINGSWOOD);
        land("kingswood_1.xml", new FeedMessage.Result(first, 1));
        delivery.deliverDue();
        for (int revision = 2; revision <= 3; revision++) {
            clock.advance(Duration.ofMinutes(10));
            land("kingswood_" + revision + ".xml", new FeedMessage.Result(recount(first, 100 * revision), revision));
            delivery.deliverDue();
        }

        String original = telegram.sent.get(0).messageId();
        assertThat(telegram.edits)
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.messageId()).isEqualTo(original));
        String lastEdit = text(telegram.edits.get(1).reply());
        assertThat(lastEdit).contains("Corrected: revision 3");
        int majority = first.candidates().stream()
                        .filter(c -> c.party().code().equals("Con"))
                        .findFirst()
                        .orElseThrow()
                        .votes()
                - 300
                - (first.candidates().stream()
                                .filter(c -> c.party().code().equals("Lab"))
                                .findFirst()
                                .orElseThrow()
                                .votes()
                        + 300);
        assertThat(lastEdit).contains(String.format(java.util.Locale.UK, "majority %,d", majority));
        assertThat(telegram.sent).as("the original and one note per revision").hasSize(3);
        assertThat(text(telegram.sent.get(2).reply())).contains("(revision 3)");
    }

    @Test
    void anAlertThatCannotBeComposedFailsAloneAndEveryOtherInItsBatchIsDelivered() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        List<Contest> three = TestData.archive().contestsOf("parl.2019-12-12").stream()
                .limit(3)
                .toList();
        three.forEach(c -> land(c.seat().gss() + ".xml", new FeedMessage.Result(c, 1)));
        // An outbox row whose declaration the store does not hold: composing it throws every time.
        store.enqueue(
                List.of(Alert.pending(NEWSROOM, "parl.2019-12-12/E99999999", 1, Alert.Kind.RESULT, clock.instant())));

        for (int i = 0; i < 400 && store.pendingCount() > 0; i++) {
            delivery.deliverDue();
            clock.advance(Duration.ofSeconds(1));
        }

        String delivered = telegram.sentTo(NEWSROOM.channelId()).stream()
                .map(s -> text(s.reply()))
                .reduce("", String::concat);
        three.forEach(c -> assertThat(delivered).contains(c.seat().name()));
        assertThat(telegram.sentTo(NEWSROOM.channelId()))
                .as("the good three went together, at once")
                .hasSize(1);
        assertThat(store.pendingCount()).isZero();
        assertThat(store.failed(5)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(OutboxStatus.FAILED);
            assertThat(f.alert().contestId()).isEqualTo("parl.2019-12-12/E99999999");
            assertThat(f.alert().attempts()).isEqualTo(AlertDelivery.Settings.DEFAULTS.maxAttempts() - 1);
        });
    }

    @Test
    void unnumberedResultsAreNumberedAgainstTheStoreEvenAfterARestart() {
        subscribe(KINGSWOOD_DESK, Subscription.Kind.SEAT, KINGSWOOD);
        Contest first = TestData.contest("parl.2019-12-12", KINGSWOOD);
        Contest changed = new Contest(
                first.election(),
                first.seat(),
                first.electorate() + 10,
                first.validVotes(),
                first.invalidVotes(),
                first.declaredAt(),
                first.candidates());
        FeedMessage.Result unnumbered = new FeedMessage.Result(first, FeedMessage.Result.UNNUMBERED);

        assertThat(land("manager_1.csv", unnumbered)).isInstanceOf(IngestOutcome.Accepted.class);
        assertThat(land("manager_2.csv", unnumbered)).isInstanceOf(IngestOutcome.NothingNew.class);
        assertThat(land("manager_3.csv", new FeedMessage.Result(changed, FeedMessage.Result.UNNUMBERED)))
                .isInstanceOf(IngestOutcome.Accepted.class);
        assertThat(store.latestRevision(first.id(), org.resultsdesk.core.model.Declaration.Stage.RESULT))
                .hasValue(2);

        StoreFollower afterRestart = new StoreFollower(store, TestData.freshArchive(), new RushBoard());
        afterRestart.catchUp();
        DeclarationIngest restarted = new DeclarationIngest(
                file -> feed.get(file.name()), afterRestart, store, new AlertRouter(subscriptions), clock, () -> {});
        feed.put("manager_4.csv", List.of(new FeedMessage.Result(changed, FeedMessage.Result.UNNUMBERED)));
        assertThat(restarted.accept(new FeedFile("manager_4.csv", new byte[0], clock.instant())))
                .isInstanceOf(IngestOutcome.NothingNew.class);
        feed.put("manager_5.csv", List.of(new FeedMessage.Result(first, FeedMessage.Result.UNNUMBERED)));
        assertThat(restarted.accept(new FeedFile("manager_5.csv", new byte[0], clock.instant())))
                .isInstanceOf(IngestOutcome.Accepted.class);
        assertThat(store.latestRevision(first.id(), org.resultsdesk.core.model.Declaration.Stage.RESULT))
                .hasValue(3);
    }

    @Test
    void aBurstOf50ToAGroupArrivesAsAtMost20MessagesAMinuteWithEveryResult() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        List<Contest> fifty = TestData.archive().contestsOf("parl.2019-12-12").stream()
                .limit(50)
                .toList();
        for (int i = 0; i < fifty.size(); i++) {
            land("burst_" + i + ".xml", new FeedMessage.Result(fifty.get(i), 1));
            delivery.deliverDue();
            clock.advance(Duration.ofMillis(200));
        }
        for (int i = 0; i < 600 && store.pendingCount() > 0; i++) {
            clock.advance(Duration.ofMillis(500));
            delivery.deliverDue();
        }

        assertThat(store.pendingCount()).isZero();
        List<RecordingGateway.Sent> posts = telegram.sentTo(NEWSROOM.channelId());
        for (RecordingGateway.Sent post : posts) {
            long inWindow = posts.stream()
                    .filter(p -> !p.at().isBefore(post.at())
                            && p.at().isBefore(post.at().plus(Duration.ofMinutes(1))))
                    .count();
            assertThat(inWindow).isLessThanOrEqualTo(20);
        }
        String everything = posts.stream().map(p -> text(p.reply())).reduce("", String::concat);
        for (Contest c : fifty) {
            assertThat(everything).contains(c.seat().name());
        }
        assertThat(posts.size()).isLessThan(50);
    }

    /** Groups -100300, -100301, ... subscribed to every declaration, in that order. */
    List<ChannelRef> groupsFollowingAll(int count) {
        List<ChannelRef> groups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            groups.add(new ChannelRef(Platform.TELEGRAM, "-100" + (300 + i)));
            subscribe(groups.get(i), Subscription.Kind.ALL, null);
        }
        return groups;
    }

    @Test
    void whenTheBotsOwnLimitIsSpentTheRestOfAClaimKeepsItsPlaceAndGoesWhenTheWindowAllows() {
        int perSecond = telegram.limits().global().get(0).limit().count();
        List<ChannelRef> groups = groupsFollowingAll(perSecond + 5);
        land("kingswood.xml", ge2019(KINGSWOOD));
        delivery = newDelivery(telegram, groups.size());

        Optional<Instant> next = delivery.deliverDue();
        assertThat(telegram.sent)
                .as("the bot's whole second at once, as a burst")
                .hasSize(perSecond)
                .extracting(RecordingGateway.Sent::at)
                .containsOnly(NIGHT);
        Duration second = telegram.limits().global().get(0).limit().window();
        assertThat(next).as("the window that began with the burst").contains(NIGHT.plus(second));
        assertThat(delivery.deliverDue())
                .as("a pass woken again inside the window, the hold known to this process: nothing sent, same wait")
                .isEqualTo(next);
        assertThat(telegram.sent).hasSize(perSecond);
        deliverAsDue(next);

        assertThat(telegram.sent)
                .extracting(RecordingGateway.Sent::channelId)
                .as("in the order they were queued, each once")
                .containsExactlyElementsOf(
                        groups.stream().map(ChannelRef::channelId).toList());
        assertThat(telegram.sent.subList(perSecond, groups.size()))
                .extracting(RecordingGateway.Sent::at)
                .containsOnly(NIGHT.plus(second));
        int claims = database.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT claim_token) FROM outbox")
                        .mapTo(Integer.class)
                        .one());
        assertThat(claims).as("one claim for the burst, not one per send").isEqualTo(1);
    }

    @Test
    void theShortLinesOfTheFebruary2024ByElectionsGiveTheDeclaredMajoritiesAndSwings() {
        AlertComposer composer = new AlertComposer(store, archive);
        List<String> lines = new ArrayList<>();
        for (String[] contest : new String[][] {
            {"parl.kingswood.by.2024-02-15", KINGSWOOD}, {"parl.wellingborough.by.2024-02-15", WELLINGBOROUGH}
        }) {
            Contest declared = TestData.contest(contest[0], contest[1]);
            store.record(
                    org.resultsdesk.core.model.Declaration.of(new FeedMessage.Result(declared, 1), "golden", NIGHT),
                    List.of(),
                    org.resultsdesk.core.port.Fence.NONE);
            lines.add(composer.shortLine(Alert.pending(NEWSROOM, declared.id(), 1, Alert.Kind.RESULT, NIGHT)));
        }
        assertThat(lines)
                .containsExactly(
                        "Kingswood by-election, 15 Feb 2024: Lab GAIN from Con, majority 2,501, swing 16.4% Con to Lab",
                        "Wellingborough by-election, 15 Feb 2024: Lab GAIN from Con, majority 6,436, swing 28.5% Con"
                                + " to Lab");
    }

    @Test
    void aClaimHeldWhileTheBotsLimitIsSpentIsTakenAfreshWhenNewAlertsAreQueuedSoItsDigestsCarryThem() {
        int perSecond = telegram.limits().global().get(0).limit().count();
        List<ChannelRef> groups = groupsFollowingAll(perSecond + 5);
        land("kingswood.xml", ge2019(KINGSWOOD));
        delivery = newDelivery(telegram, groups.size());
        Optional<Instant> next = delivery.deliverDue();
        assertThat(telegram.sent).hasSize(perSecond);

        land("wellingborough.xml", ge2019(WELLINGBOROUGH));
        clock.set(next.orElseThrow());
        delivery.deliverDue(true);

        List<ChannelRef> waited = groups.subList(perSecond, groups.size());
        assertThat(telegram.sent.subList(perSecond, perSecond + waited.size()))
                .as("each group the claim held goes first and gets both results in one digest")
                .allSatisfy(post -> assertThat(text(post.reply()))
                        .startsWith("2 new declarations:")
                        .contains("Kingswood")
                        .contains("Wellingborough"))
                .extracting(RecordingGateway.Sent::channelId)
                .as("still in the order they were queued")
                .containsExactlyElementsOf(
                        waited.stream().map(ChannelRef::channelId).toList());
    }

    @Test
    void aStoppingWorkerHandsBackWhatItClaimedAndDidNotReachSoAnotherSendsItAtOnce() {
        int perSecond = telegram.limits().global().get(0).limit().count();
        for (int i = 0; i <= perSecond; i++) {
            subscribe(new ChannelRef(Platform.TELEGRAM, "-100" + (200 + i)), Subscription.Kind.ALL, null);
        }
        land("kingswood.xml", ge2019(KINGSWOOD));
        delivery = newDelivery(telegram, perSecond + 1);
        delivery.deliverDue();
        assertThat(telegram.sent).as("the bot's second is spent").hasSize(perSecond);

        delivery.releaseHeld();
        RecordingGateway other = new RecordingGateway(Platform.TELEGRAM, clock::instant);
        clock.advance(telegram.limits().global().get(0).limit().window());
        newDelivery(other).deliverDue();

        assertThat(other.sent).extracting(RecordingGateway.Sent::channelId).containsExactly("-100" + (200 + perSecond));
        delivery.deliverDue();
        assertThat(telegram.sent).as("nothing twice").hasSize(perSecond);
    }

    @Test
    void anAnswerBooksTheChatsNextSlotSoAnAlertQueuedMeanwhileGoesAfterIt() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        land("kingswood.xml", ge2019(KINGSWOOD));
        delivery.deliverDue();
        List<Runnable> scheduled = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        ReplySender replies = new ReplySender(
                telegram,
                new JdbiSendBudget(database),
                clock,
                Runnable::run,
                (wait, then) -> {
                    waits.add(wait);
                    scheduled.add(then);
                },
                Duration.ofMinutes(1));

        clock.advance(Duration.ofMillis(100));
        replies.submit(NEWSROOM.channelId(), () -> Optional.of(Reply.text("Kingswood: Con hold")));
        clock.advance(Duration.ofMillis(100));
        land("wellingborough.xml", ge2019(WELLINGBOROUGH));
        Optional<Instant> alertDue = delivery.deliverDue();

        long chatWindow = chatWindow().toMillis();
        assertThat(waits)
                .as("the chat's next slot, a window after the first alert")
                .containsExactly(Duration.ofMillis(chatWindow - 100));
        assertThat(alertDue)
                .as("the alert is held to the slot after the answer's")
                .contains(NIGHT.plusMillis(2 * chatWindow));
        clock.set(NIGHT.plusMillis(chatWindow));
        scheduled.forEach(Runnable::run);
        clock.set(alertDue.get());
        delivery.deliverDue();

        assertThat(telegram.sentTo(NEWSROOM.channelId()))
                .extracting(sent -> sent.at().toEpochMilli() - NIGHT.toEpochMilli())
                .containsExactly(0L, chatWindow, 2 * chatWindow);
        assertThat(text(telegram.sentTo(NEWSROOM.channelId()).get(1).reply())).contains("Con hold");
    }

    @Test
    void aLongAlertGoesOnePartPerSlotAndIsRecordedByItsFirstPart() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        land("kingswood.xml", ge2019(KINGSWOOD));
        telegram.splitAbove(40);

        deliverAsDue(delivery.deliverDue());

        List<RecordingGateway.Sent> parts = telegram.sentTo(NEWSROOM.channelId());
        assertThat(parts.size()).as("the announcement is longer than two parts").isGreaterThan(2);
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i).part()).isEqualTo(i);
            assertThat(parts.get(i).at())
                    .as("each part in the chat's own slot, 1 s apart (the group's 20 a minute allow a burst)")
                    .isEqualTo(NIGHT.plus(chatWindow().multipliedBy(i)));
        }
        assertThat(store.firstMessageId(
                        NEWSROOM, TestData.contest("parl.2019-12-12", KINGSWOOD).id()))
                .contains(parts.get(0).messageId());
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void aDigestIsCutToWhatGoesInOneMessage() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        List<Contest> six = TestData.archive().contestsOf("parl.2019-12-12").stream()
                .limit(6)
                .toList();
        for (int i = 0; i < six.size(); i++) {
            land("seat_" + i + ".xml", new FeedMessage.Result(six.get(i), 1));
        }
        int digestOfTwo = text(new AlertComposer(store, archive).digest(List.of("x".repeat(200), "x".repeat(200))))
                .length();
        telegram.splitAbove(1_000);

        deliverAsDue(delivery.deliverDue());

        assertThat(store.pendingCount()).isZero();
        List<RecordingGateway.Sent> posts = telegram.sentTo(NEWSROOM.channelId());
        assertThat(posts)
                .filteredOn(p -> text(p.reply()).contains("new declarations:"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(telegram.parts(p.reply())).isEqualTo(1));
        String everything = posts.stream().map(p -> text(p.reply())).reduce("", String::concat);
        six.forEach(c -> assertThat(everything).contains(c.seat().name()));
        assertThat(digestOfTwo).as("the cap is meaningful").isLessThan(1_000);
    }

    @Test
    void aBurstTooLongForFullLinesGoesInOneDigestOfShortLines() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        List<Contest> forty = TestData.archive().contestsOf("parl.2019-12-12").stream()
                .limit(40)
                .toList();
        for (int i = 0; i < forty.size(); i++) {
            land("seat_" + i + ".xml", new FeedMessage.Result(forty.get(i), 1));
        }
        telegram.splitAbove(4_096);

        deliverAsDue(delivery.deliverDue());

        assertThat(store.pendingCount()).isZero();
        List<RecordingGateway.Sent> posts = telegram.sentTo(NEWSROOM.channelId());
        assertThat(posts).as("one post for the whole burst").hasSize(1);
        String digest = text(posts.get(0).reply());
        assertThat(telegram.parts(posts.get(0).reply())).isEqualTo(1);
        List<String> lines = digest.lines().toList();
        assertThat(lines.get(0))
                .as("the election said once, in the heading")
                .isEqualTo("40 new declarations, general election 12 Dec 2019:");
        assertThat(lines.subList(1, lines.size()))
                .hasSize(40)
                .allSatisfy(line -> assertThat(line)
                        .matches("[^:]+: [A-Za-z]+ (HOLD|WIN|GAIN from [A-Za-z]+), majority [\\d,]+"
                                + "(, swing \\d+\\.\\d% [A-Za-z]+ to [A-Za-z]+)?"));
        for (Contest c : forty) {
            List<Integer> votes = c.candidates().stream()
                    .map(org.resultsdesk.core.model.Candidacy::votes)
                    .sorted(java.util.Comparator.reverseOrder())
                    .toList();
            String majority = String.format(java.util.Locale.UK, "%,d", votes.get(0) - votes.get(1));
            assertThat(lines)
                    .as("%s with the majority its votes give", c.seat().name())
                    .anyMatch(
                            line -> line.startsWith(c.seat().name() + ": ") && line.contains(", majority " + majority));
        }
        AlertComposer composer = new AlertComposer(store, archive);
        String fullLines = text(composer.digest(forty.stream()
                .map(c -> composer.line(Alert.pending(NEWSROOM, c.id(), 1, Alert.Kind.RESULT, clock.instant())))
                .toList()));
        assertThat(fullLines.length())
                .as("the full lines would not have fitted")
                .isGreaterThan(4_096);
    }

    @Test
    void aPassThatBreaksOffLeavesItsClaimToRunOutRatherThanSendAgainAtOnce() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        subscribe(new ChannelRef(Platform.TELEGRAM, "-100201"), Subscription.Kind.ALL, null);
        RecordingGateway breaking = new RecordingGateway(Platform.TELEGRAM, clock::instant) {
            boolean broke;

            @Override
            public DeliveryResult send(String channelId, Reply reply, int part) {
                DeliveryResult result = super.send(channelId, reply, part);
                if (!broke) {
                    broke = true;
                    throw new IllegalStateException("the store went away just after the send");
                }
                return result;
            }
        };
        java.util.concurrent.atomic.AtomicInteger takenOver = new java.util.concurrent.atomic.AtomicInteger();
        AlertDelivery worker = new AlertDelivery(
                breaking,
                store,
                subscriptions,
                new AlertComposer(store, archive),
                new JdbiSendBudget(database),
                clock,
                AlertDelivery.Settings.DEFAULTS,
                new AlertDelivery.Listener() {
                    @Override
                    public void takenOver(Platform platform, int alerts) {
                        takenOver.addAndGet(alerts);
                    }
                });
        land("kingswood.xml", ge2019(KINGSWOOD));

        org.assertj.core.api.Assertions.assertThatThrownBy(worker::deliverDue)
                .isInstanceOf(IllegalStateException.class);
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue();
        assertThat(breaking.sent).as("nothing again while the claim lasts").hasSize(1);

        clock.advance(AlertDelivery.Settings.DEFAULTS.lease());
        for (int i = 0; i < 5; i++) {
            worker.deliverDue();
            clock.advance(Duration.ofSeconds(3));
        }
        assertThat(breaking.sent)
                .extracting(RecordingGateway.Sent::channelId)
                .as("after the lease both go, the one caught mid-send again, as after a crash")
                .containsExactlyInAnyOrder(NEWSROOM.channelId(), NEWSROOM.channelId(), "-100201");
        assertThat(takenOver)
                .as("both were taken over from the claim that ran out")
                .hasValue(2);
    }

    @Test
    void a429IsHonouredToTheSecond() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        telegram.script(NEWSROOM.channelId(), new DeliveryResult.RetryAfter(Duration.ofSeconds(7)));
        land("kingswood.xml", ge2019(KINGSWOOD));

        Optional<Instant> next = delivery.deliverDue();
        assertThat(next).contains(NIGHT.plusSeconds(7));
        clock.advance(Duration.ofSeconds(6));
        delivery.deliverDue();
        assertThat(telegram.sent).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        delivery.deliverDue();
        assertThat(telegram.sent).hasSize(1);
    }

    @Test
    void aKickedChatIsPausedAndReportedNotRetried() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        telegram.script(
                NEWSROOM.channelId(),
                new DeliveryResult.Gone("Forbidden: bot was kicked from the group chat", Optional.empty()));
        land("kingswood.xml", ge2019(KINGSWOOD));
        delivery.deliverDue();
        land("wellingborough.xml", ge2019(WELLINGBOROUGH));
        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDue();

        assertThat(telegram.sent).isEmpty();
        assertThat(store.pausedChannels()).singleElement().satisfies(p -> {
            assertThat(p.channel()).isEqualTo(NEWSROOM);
            assertThat(p.reason()).contains("kicked");
        });
    }

    @Test
    void anUpgradedGroupTakesItsSubscriptionsAndAlertsAlong() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        telegram.script(NEWSROOM.channelId(), new DeliveryResult.Gone("group upgraded", Optional.of("-100999")));
        land("kingswood.xml", ge2019(KINGSWOOD));
        delivery.deliverDue();
        clock.advance(Duration.ofSeconds(1));
        delivery.deliverDue();

        assertThat(telegram.sentTo("-100999")).hasSize(1);
        assertThat(subscriptions.forChannel(new ChannelRef(Platform.TELEGRAM, "-100999")))
                .hasSize(1);
    }

    @Test
    void aSendThatMayHaveLandedIsNotRepeatedBlindly() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        telegram.script(NEWSROOM.channelId(), new DeliveryResult.Failed("connection reset after sending", true));
        land("kingswood.xml", ge2019(KINGSWOOD));
        delivery.deliverDue();
        clock.advance(Duration.ofMinutes(5));
        delivery.deliverDue();

        assertThat(telegram.sent).isEmpty();
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void aServerErrorIsRetriedWithBackOff() {
        // The jitter fixed at its middle, so each wait is known; a private chat, whose limit (one a second) is shorter
        // than any of the waits, so that what spaces the attempts is the back-off alone.
        BackOff backOff = AlertDelivery.RETRY_BACK_OFF.withRandom(() -> 0.5);
        delivery = newDelivery(telegram, backOff);
        subscribe(KINGSWOOD_DESK, Subscription.Kind.ALL, null);
        int failures = 3;
        for (int i = 0; i < failures; i++) {
            telegram.script(KINGSWOOD_DESK.channelId(), new DeliveryResult.Failed("HTTP 502", false));
        }
        land("kingswood.xml", ge2019(KINGSWOOD));
        Instant first = clock.instant();

        Optional<Instant> next = delivery.deliverDue();
        List<Instant> expected = new ArrayList<>(List.of(first));
        for (int failed = 1; failed <= failures; failed++) {
            Instant due = expected.get(expected.size() - 1).plus(backOff.delay(failed));
            expected.add(due);
            assertThat(next).as("after failure %d", failed).contains(due);
            clock.set(due.minusMillis(1));
            delivery.deliverDue();
            assertThat(telegram.attempts)
                    .as("nothing before the back-off is over")
                    .hasSize(failed);
            clock.set(due);
            next = delivery.deliverDue();
        }

        assertThat(telegram.attempts).containsExactlyElementsOf(expected);
        assertThat(telegram.sentTo(KINGSWOOD_DESK.channelId())).hasSize(1);
        assertThat(Duration.between(expected.get(failures - 1), expected.get(failures)))
                .as("the waits double")
                .isEqualTo(Duration.between(expected.get(failures - 2), expected.get(failures - 1))
                        .multipliedBy(2));
    }

    @Test
    void aRushIsPostedAndTheFullResultFollows() {
        subscribe(KINGSWOOD_DESK, Subscription.Kind.SEAT, KINGSWOOD);
        Contest kingswood = TestData.contest("parl.2019-12-12", KINGSWOOD);
        land(
                "rush.xml",
                new FeedMessage.Rush(
                        kingswood.election(),
                        kingswood.seat(),
                        new Party("Con", "Conservative"),
                        Optional.of(new Party("Con", "Conservative")),
                        "Chris Skidmore",
                        1));
        delivery.deliverDue();
        clock.advance(Duration.ofMinutes(3));
        land("result.xml", ge2019(KINGSWOOD));
        delivery.deliverDue();

        assertThat(telegram.sent).hasSize(2);
        assertThat(text(telegram.sent.get(0).reply()))
                .isEqualTo("Chris Skidmore (Conservative) wins Kingswood: Conservative HOLD. Full result to follow.\n");
        assertThat(telegram.sent.get(1).reply().parts().get(0)).isInstanceOf(Reply.AnnouncementPart.class);
    }

    @Test
    void afterACrashMidBurstEveryAlertIsDeliveredAndNoneSentTwice() {
        subscribe(NEWSROOM, Subscription.Kind.ALL, null);
        subscribe(KINGSWOOD_DESK, Subscription.Kind.ALL, null);
        List<Contest> ten = TestData.archive().contestsOf("parl.2019-12-12").stream()
                .limit(10)
                .toList();
        ten.forEach(c -> land(c.seat().gss() + ".xml", new FeedMessage.Result(c, 1)));

        // The first worker claims everything, posts to one channel, and dies before it can touch the rest.
        RecordingGateway dying = new RecordingGateway(Platform.TELEGRAM, clock::instant) {
            @Override
            public DeliveryResult send(String channelId, Reply reply, int part) {
                if (channelId.equals(KINGSWOOD_DESK.channelId())) {
                    throw new IllegalStateException("process killed");
                }
                return super.send(channelId, reply, part);
            }
        };
        try {
            newDelivery(dying).deliverDue();
        } catch (IllegalStateException expected) {
            // the crash
        }
        database.close();

        database = Database.sqlite(dataDirectory);
        store = new JdbiAlertStore(database);
        subscriptions = new JdbiSubscriptionStore(database, clock);
        AlertDelivery restarted = newDelivery(telegram);
        for (int i = 0; i < 120 && store.pendingCount() > 0; i++) {
            clock.advance(Duration.ofSeconds(1));
            restarted.deliverDue();
        }

        assertThat(store.pendingCount()).isZero();
        assertThat(dying.sentTo(NEWSROOM.channelId())).hasSize(1);
        assertThat(telegram.sentTo(NEWSROOM.channelId()))
                .as("nothing recorded as sent is sent again")
                .isEmpty();
        String toDesk = telegram.sentTo(KINGSWOOD_DESK.channelId()).stream()
                .map(s -> text(s.reply()))
                .reduce("", String::concat);
        ten.forEach(c -> assertThat(toDesk).contains(c.seat().name()));
    }

    static String text(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Reply.Part p : reply.parts()) {
            if (p instanceof Reply.Text t) {
                out.append(t.text()).append('\n');
            } else if (p instanceof Reply.AnnouncementPart a) {
                out.append(a.announcement().headline())
                        .append('\n')
                        .append(a.announcement().verdict())
                        .append('\n')
                        .append(a.announcement().winnerLine())
                        .append('\n');
            }
        }
        return out.toString();
    }
}
