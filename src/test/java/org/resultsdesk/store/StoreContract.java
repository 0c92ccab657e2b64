package org.resultsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.Alert;
import org.resultsdesk.core.alerts.ChannelRef;
import org.resultsdesk.core.alerts.Subscription;
import org.resultsdesk.core.command.ChatContext.Platform;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.port.WatchListStore;

/** The cases every database must pass; one subclass per database. */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2024-02-16T01:00:00Z");
    static final ChannelRef NEWSDESK = new ChannelRef(Platform.TELEGRAM, "-1001");
    static final ChannelRef POLITICS = new ChannelRef(Platform.SLACK, "C0POLITICS");

    Database database;
    JdbiAlertStore alerts;
    JdbiSubscriptionStore subscriptions;
    JdbiUpdateLedger ledger;

    abstract Database open() throws Exception;

    void cleanUp() throws Exception {
    }

    @BeforeEach
    void setUp() throws Exception {
        database = open();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        alerts = new JdbiAlertStore(database);
        subscriptions = new JdbiSubscriptionStore(database, clock);
        ledger = new JdbiUpdateLedger(database, clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        database.close();
        cleanUp();
    }

    static Declaration kingswood(int revision) {
        Contest contest = TestData.contest("parl.kingswood.by.2024-02-15", "E14000774");
        return Declaration.of(new FeedMessage.Result(contest, revision), "kingswood_" + revision + ".xml", T0);
    }

    static Alert alertFor(ChannelRef channel, Declaration d) {
        return Alert.pending(channel, d.contestId(), d.revision(), Alert.Kind.RESULT, T0);
    }

    @Test
    void aDeclarationAndItsAlertsAreStoredTogetherAndReadBackWhole() {
        Declaration d = kingswood(1);
        List<Alert> stored = alerts.record(d, List.of(alertFor(NEWSDESK, d), alertFor(POLITICS, d)));

        assertThat(stored).extracting(Alert::id).doesNotContain(0L).doesNotHaveDuplicates();
        assertThat(alerts.latestRevision(d.contestId(), Declaration.Stage.RESULT)).hasValue(1);
        assertThat(alerts.latestRevision(d.contestId(), Declaration.Stage.RUSH)).isEmpty();
        assertThat(alerts.latestDeclarations()).singleElement().satisfies(back -> {
            assertThat(back.message()).isEqualTo(d.message());
            assertThat(back.source()).isEqualTo("kingswood_1.xml");
        });
        assertThat(alerts.pendingCount()).isEqualTo(2);
    }

    @Test
    void aRushRoundTrips() {
        FeedMessage.Rush rush = new FeedMessage.Rush(kingswood(1).message() instanceof FeedMessage.Result r
                ? r.contest().election() : null, TestData.contest("parl.kingswood.by.2024-02-15", "E14000774").seat(),
                new Party("Lab", "Labour"), java.util.Optional.of(new Party("Con", "Conservative")), "Damien Egan", 1);
        alerts.record(Declaration.of(rush, "rush.xml", T0), List.of());

        assertThat(alerts.latestDeclarations()).singleElement().extracting(Declaration::message).isEqualTo(rush);
    }

    @Test
    void onlyTheLatestRevisionIsReloaded() {
        alerts.record(kingswood(1), List.of());
        alerts.record(kingswood(2), List.of());

        assertThat(alerts.latestDeclarations()).singleElement().extracting(Declaration::revision).isEqualTo(2);
    }

    @Test
    void dueAlertsAreClaimedOnceAndSentOnesNeverAgain() {
        Declaration d = kingswood(1);
        alerts.record(d, List.of(alertFor(NEWSDESK, d)));
        Instant lease = T0.plusSeconds(30);

        List<Alert> claimed = alerts.claimDue(Platform.TELEGRAM, T0, lease, 10);
        assertThat(claimed).hasSize(1);
        assertThat(alerts.claimDue(Platform.SLACK, T0, lease, 10)).isEmpty();
        assertThat(alerts.claimDue(Platform.TELEGRAM, T0, lease, 10)).as("in flight").isEmpty();

        alerts.markSent(List.of(claimed.get(0).id()), "42", T0);
        assertThat(alerts.claimDue(Platform.TELEGRAM, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)), 10))
                .isEmpty();
        assertThat(alerts.sentMessageId(NEWSDESK, d.contestId())).contains("42");
        assertThat(alerts.sentInDigest(NEWSDESK, d.contestId())).isFalse();
        assertThat(alerts.pendingCount()).isZero();
    }

    @Test
    void anAlertLeftInFlightByACrashedWorkerComesBackAfterItsLease() {
        Declaration d = kingswood(1);
        alerts.record(d, List.of(alertFor(NEWSDESK, d)));
        alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 10);

        assertThat(alerts.claimDue(Platform.TELEGRAM, T0.plusSeconds(29), T0.plusSeconds(59), 10)).isEmpty();
        assertThat(alerts.claimDue(Platform.TELEGRAM, T0.plusSeconds(31), T0.plusSeconds(61), 10))
                .singleElement().extracting(Alert::attempts).isEqualTo(1);
    }

    @Test
    void retryLaterWaitsAndFailedNeverReturns() {
        Declaration d = kingswood(1);
        List<Alert> stored = alerts.record(d, List.of(alertFor(NEWSDESK, d), alertFor(POLITICS, d)));
        alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 10);
        alerts.retryLater(List.of(stored.get(0).id()), T0.plusSeconds(5), "429");

        assertThat(alerts.claimDue(Platform.TELEGRAM, T0.plusSeconds(4), T0.plusSeconds(40), 10)).isEmpty();
        assertThat(alerts.claimDue(Platform.TELEGRAM, T0.plusSeconds(5), T0.plusSeconds(40), 10)).hasSize(1);

        alerts.markFailed(List.of(stored.get(1).id()), "REJECTED", "bad blocks");
        assertThat(alerts.claimDue(Platform.SLACK, T0.plusSeconds(100), T0.plusSeconds(130), 10)).isEmpty();
    }

    @Test
    void aDuplicateAlertIsStoredOnce() {
        Declaration d = kingswood(1);
        List<Alert> first = alerts.record(d, List.of(alertFor(NEWSDESK, d), alertFor(NEWSDESK, d)));

        assertThat(first.get(0).id()).isEqualTo(first.get(1).id());
        assertThat(alerts.pendingCount()).isEqualTo(1);
    }

    @Test
    void pausedChannelsGetNothingUntilResumed() {
        Declaration d = kingswood(1);
        alerts.record(d, List.of(alertFor(NEWSDESK, d)));
        alerts.pauseChannel(NEWSDESK, "bot was kicked", T0);

        assertThat(alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 10)).isEmpty();
        assertThat(alerts.pausedChannels()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("bot was kicked"));

        alerts.resumeChannel(NEWSDESK);
        assertThat(alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 10)).hasSize(1);
    }

    @Test
    void aDigestIsRemembered() {
        Declaration d = kingswood(1);
        Declaration other = Declaration.of(new FeedMessage.Result(
                TestData.contest("parl.wellingborough.by.2024-02-15", "E14001025"), 1), "w.xml", T0);
        alerts.record(d, List.of(alertFor(NEWSDESK, d)));
        alerts.record(other, List.of(alertFor(NEWSDESK, other)));
        List<Alert> claimed = alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 10);

        alerts.markSent(claimed.stream().map(Alert::id).toList(), "77", T0);
        assertThat(alerts.sentInDigest(NEWSDESK, d.contestId())).isTrue();
        assertThat(alerts.sentMessageId(NEWSDESK, other.contestId())).contains("77");
    }

    @Test
    void subscriptionsAreAddedListedRemovedAndMoved() {
        Subscription seat = new Subscription(NEWSDESK, Subscription.Kind.SEAT, "E14000774", "Kingswood");
        Subscription all = new Subscription(NEWSDESK, Subscription.Kind.ALL, null, "all seats");

        assertThat(subscriptions.add(seat)).isTrue();
        assertThat(subscriptions.add(seat)).isFalse();
        assertThat(subscriptions.add(all)).isTrue();
        assertThat(subscriptions.forChannel(NEWSDESK)).containsExactlyInAnyOrder(seat, all);
        assertThat(subscriptions.forChannel(POLITICS)).isEmpty();

        ChannelRef upgraded = new ChannelRef(Platform.TELEGRAM, "-1002");
        subscriptions.moveChannel(NEWSDESK, upgraded);
        assertThat(subscriptions.forChannel(NEWSDESK)).isEmpty();
        assertThat(subscriptions.forChannel(upgraded)).hasSize(2);

        assertThat(subscriptions.remove(new Subscription(upgraded, Subscription.Kind.SEAT, "E14000774", null)))
                .isEqualTo(1);
        assertThat(subscriptions.all()).singleElement().extracting(Subscription::kind).isEqualTo(Subscription.Kind.ALL);
        assertThat(subscriptions.removeAll(upgraded)).isEqualTo(1);
    }

    @Test
    void watchListsAreKeptPerChannelInTheOrderSeatsWereAdded() {
        JdbiWatchListStore watches = new JdbiWatchListStore(database, Clock.fixed(T0, ZoneOffset.UTC));
        WatchListStore.Watched kingswood = new WatchListStore.Watched("E14000774", "Kingswood");
        WatchListStore.Watched runcorn = new WatchListStore.Watched("E14001455", "Runcorn and Helsby");

        assertThat(watches.add(NEWSDESK, kingswood)).isTrue();
        assertThat(watches.add(NEWSDESK, kingswood)).isFalse();
        assertThat(watches.add(NEWSDESK, runcorn)).isTrue();
        assertThat(watches.add(POLITICS, runcorn)).isTrue();
        assertThat(watches.forChannel(NEWSDESK)).containsExactly(kingswood, runcorn);
        assertThat(watches.forChannel(POLITICS)).containsExactly(runcorn);

        assertThat(watches.remove(NEWSDESK, "E14000774")).isTrue();
        assertThat(watches.remove(NEWSDESK, "E14000774")).isFalse();
        assertThat(watches.forChannel(NEWSDESK)).containsExactly(runcorn);
        assertThat(watches.forChannel(new ChannelRef(Platform.SLACK, "-1001"))).isEmpty();
    }

    @Test
    void quotesAreFiledDecidedAndFoundByContest() {
        JdbiQuoteStore quotes = new JdbiQuoteStore(database);
        org.resultsdesk.core.quotes.Quote filed = quotes.file(new org.resultsdesk.core.quotes.Quote(0, "Keir Starmer",
                "Labour leader", "Fantastic <results> & 🎉", List.of("parl.kingswood.by.2024-02-15/E14000774",
                "parl.wellingborough.by.2024-02-15/E14001025"), "u1", NEWSDESK, T0,
                org.resultsdesk.core.quotes.Quote.Status.PENDING));
        org.resultsdesk.core.quotes.Quote second = quotes.file(new org.resultsdesk.core.quotes.Quote(0, "Rishi Sunak",
                "", "Disappointing", List.of(), "u2", NEWSDESK, T0, org.resultsdesk.core.quotes.Quote.Status.PENDING));

        assertThat(second.id()).isGreaterThan(filed.id());
        assertThat(quotes.find(filed.id())).contains(filed);
        assertThat(quotes.pending()).containsExactly(filed, second);
        assertThat(quotes.decide(filed.id(), org.resultsdesk.core.quotes.Quote.Status.PENDING,
                org.resultsdesk.core.quotes.Quote.Status.APPROVED, "ed", T0)).isTrue();
        assertThat(quotes.decide(filed.id(), org.resultsdesk.core.quotes.Quote.Status.PENDING,
                org.resultsdesk.core.quotes.Quote.Status.REJECTED, "ed", T0)).isFalse();
        assertThat(quotes.approvedFor("parl.wellingborough.by.2024-02-15/E14001025")).extracting(q -> q.id())
                .containsExactly(filed.id());
        assertThat(quotes.approvedFor("parl.wellingborough.by.2024-02-15/E1400102")).isEmpty();
        assertThat(quotes.find(second.id()).orElseThrow().isNational()).isTrue();

        assertThat(quotes.approvalRequired(NEWSDESK)).isTrue();
        quotes.setApprovalRequired(NEWSDESK, false);
        quotes.setApprovalRequired(NEWSDESK, false);
        assertThat(quotes.approvalRequired(NEWSDESK)).isFalse();
        assertThat(quotes.approvalRequired(POLITICS)).isTrue();
    }

    @Test
    void anUpdateIsFirstSeenOnce() {
        assertThat(ledger.firstSeen(Platform.TELEGRAM, "1001")).isTrue();
        assertThat(ledger.firstSeen(Platform.TELEGRAM, "1001")).isFalse();
        assertThat(ledger.firstSeen(Platform.SLACK, "1001")).isTrue();
    }
}
