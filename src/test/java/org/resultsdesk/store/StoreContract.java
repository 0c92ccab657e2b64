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
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.Alert;
import org.resultsdesk.core.model.AuditEntry;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.OutboxStatus;
import org.resultsdesk.core.model.Party;
import org.resultsdesk.core.model.SendLimits;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.core.port.SendBudget;
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
    JdbiAuditTrail audit;

    abstract Database open() throws Exception;

    /** A second connection pool onto the same database, as another instance would have. */
    abstract Database openAnother() throws Exception;

    void cleanUp() throws Exception {}

    @BeforeEach
    void setUp() throws Exception {
        database = open();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        alerts = new JdbiAlertStore(database);
        subscriptions = new JdbiSubscriptionStore(database, clock);
        ledger = new JdbiUpdateLedger(database, clock);
        audit = new JdbiAuditTrail(database);
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

    static final String OWNER = "test-instance";

    List<Alert> claim(Platform platform, Instant now, Instant leaseUntil) {
        return alerts.claimDue(platform, now, leaseUntil, 10, 10, OWNER).alerts();
    }

    @Test
    void aDeclarationAndItsAlertsAreStoredTogetherAndReadBackWhole() {
        Declaration d = kingswood(1);
        List<Alert> stored = alerts.record(d, List.of(alertFor(NEWSDESK, d), alertFor(POLITICS, d)));

        assertThat(stored).extracting(Alert::id).doesNotContain(0L).doesNotHaveDuplicates();
        assertThat(alerts.latestRevision(d.contestId(), Declaration.Stage.RESULT))
                .hasValue(1);
        assertThat(alerts.latestRevision(d.contestId(), Declaration.Stage.RUSH)).isEmpty();
        assertThat(alerts.latestDeclaration(d.contestId(), Declaration.Stage.RESULT))
                .hasValueSatisfying(back -> {
                    assertThat(back.message()).isEqualTo(d.message());
                    assertThat(back.source()).isEqualTo("kingswood_1.xml");
                });
        assertThat(alerts.pendingCount()).isEqualTo(2);
    }

    @Test
    void aRushRoundTrips() {
        FeedMessage.Rush rush = new FeedMessage.Rush(
                kingswood(1).message() instanceof FeedMessage.Result r
                        ? r.contest().election()
                        : null,
                TestData.contest("parl.kingswood.by.2024-02-15", "E14000774").seat(),
                new Party("Lab", "Labour"),
                java.util.Optional.of(new Party("Con", "Conservative")),
                "Damien Egan",
                1);
        alerts.record(Declaration.of(rush, "rush.xml", T0), List.of());

        assertThat(alerts.latestDeclaration(kingswood(1).contestId(), Declaration.Stage.RUSH))
                .map(Declaration::message)
                .contains(rush);
    }

    @Test
    void aLocalResultRoundTripsWithEveryFieldAndItsCouncilAlertKind() {
        org.resultsdesk.core.model.Council council = new org.resultsdesk.core.model.Council("E10000016", "Kent");
        org.resultsdesk.core.model.Ward ward =
                new org.resultsdesk.core.model.Ward("E58000718", "Birchington & Rural", council);
        org.resultsdesk.core.model.LocalContest contest = new org.resultsdesk.core.model.LocalContest(
                org.resultsdesk.core.model.BallotId.parse("local.kent.birchington-rural.2025-05-01")
                        .orElseThrow(),
                ward,
                2,
                java.util.OptionalInt.of(17_321),
                java.util.OptionalInt.empty(),
                java.util.Optional.of(new java.math.BigDecimal("33.40")),
                java.util.Optional.of(Instant.parse("2025-05-02T14:31:00Z")),
                List.of(
                        new org.resultsdesk.core.model.LocalCandidacy(
                                "Sinéad", "O'Brien-Smith", new Party("RUK", "Reform UK"), 3104, true, false),
                        new org.resultsdesk.core.model.LocalCandidacy(
                                "T.", "Wye", new Party("RUK", "Reform UK"), 3001, true, false),
                        new org.resultsdesk.core.model.LocalCandidacy(
                                "Liz", "Hurst", new Party("Con", "Conservative"), 2100, false, true)));
        FeedMessage.LocalResult result = new FeedMessage.LocalResult(contest, 3);
        Declaration d = Declaration.of(result, "dc.csv", T0);
        alerts.record(
                d,
                List.of(
                        alertFor(NEWSDESK, d),
                        Alert.pending(POLITICS, "council/E10000016/2025-05-01", 12, Alert.Kind.COUNCIL, T0)));

        assertThat(alerts.latestDeclaration(contest.id(), Declaration.Stage.RESULT))
                .map(Declaration::message)
                .contains(result);
        assertThat(alerts.declarationsAfter(0, 10))
                .singleElement()
                .satisfies(l -> assertThat(l.declaration().message()).isEqualTo(result));
        assertThat(claim(Platform.SLACK, T0, T0.plusSeconds(60)))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(Alert.Kind.COUNCIL);
                    assertThat(a.revision()).isEqualTo(12);
                });
    }

    @Test
    void everyRevisionIsFollowedInTheOrderStoredAndTheLatestIsRead() {
        alerts.record(kingswood(1), List.of());
        alerts.record(kingswood(2), List.of());
        alerts.record(kingswood(3), List.of());

        List<org.resultsdesk.core.port.AlertStore.Logged> all = alerts.declarationsAfter(0, 10);
        assertThat(all).extracting(l -> l.declaration().revision()).containsExactly(1, 2, 3);
        assertThat(all)
                .extracting(org.resultsdesk.core.port.AlertStore.Logged::seq)
                .isSorted();
        assertThat(alerts.declarationsAfter(all.get(1).seq(), 10))
                .extracting(l -> l.declaration().revision())
                .containsExactly(3);
        assertThat(alerts.declarationsAfter(all.get(0).seq(), 1)).hasSize(1);
        assertThat(alerts.latestDeclaration(kingswood(1).contestId(), Declaration.Stage.RESULT))
                .map(Declaration::revision)
                .contains(3);
    }

    @Test
    void dueAlertsAreClaimedOnceAndSentOnesNeverAgain() {
        Declaration d = kingswood(1);
        alerts.record(d, List.of(alertFor(NEWSDESK, d)));
        Instant lease = T0.plusSeconds(30);

        org.resultsdesk.core.port.AlertStore.Claim claimed =
                alerts.claimDue(Platform.TELEGRAM, T0, lease, 10, 10, OWNER);
        assertThat(claimed.alerts()).hasSize(1);
        assertThat(claim(Platform.SLACK, T0, lease)).isEmpty();
        assertThat(claim(Platform.TELEGRAM, T0, lease)).as("in flight").isEmpty();

        alerts.markSent(claimed.token(), List.of(claimed.alerts().get(0).id()), "42", T0);
        assertThat(claim(Platform.TELEGRAM, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2))))
                .isEmpty();
        assertThat(alerts.firstMessageId(NEWSDESK, d.contestId())).contains("42");
        assertThat(alerts.firstSentInDigest(NEWSDESK, d.contestId())).isFalse();
        assertThat(alerts.pendingCount()).isZero();
    }

    @Test
    void aClaimTakesWholeChannelsTheLongestWaitingFirstUpToADigestEachAndSaysWhenTheNextIsDue() {
        ChannelRef a = new ChannelRef(Platform.TELEGRAM, "-1001");
        ChannelRef b = new ChannelRef(Platform.TELEGRAM, "-1002");
        ChannelRef c = new ChannelRef(Platform.TELEGRAM, "-1003");
        alerts.record(kingswood(1), List.of(alertFor(b, kingswood(1))));
        alerts.record(kingswood(2), List.of(alertFor(c, kingswood(2)), alertFor(a, kingswood(2))));
        alerts.record(kingswood(3), List.of(alertFor(a, kingswood(3)), alertFor(b, kingswood(3))));
        alerts.record(kingswood(4), List.of(alertFor(a, kingswood(4)), alertFor(b, kingswood(4))));
        assertThat(alerts.nextDue(Platform.TELEGRAM)).contains(T0);
        assertThat(alerts.nextDue(Platform.SLACK)).isEmpty();

        org.resultsdesk.core.port.AlertStore.Claim claim =
                alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 2, 2, OWNER);

        assertThat(claim.alerts())
                .as("b waited longest, then c; a is left for the next claim; two of b's three")
                .extracting(al -> al.channel().channelId() + "@" + al.revision())
                .containsExactly("-1002@1", "-1002@3", "-1003@2");
        alerts.retryLater(claim.token(), List.of(claim.alerts().get(2).id()), T0.plusSeconds(9), "rate limit", false);
        assertThat(claim(Platform.TELEGRAM, T0, T0.plusSeconds(30)))
                .extracting(al -> al.channel().channelId() + "@" + al.revision())
                .as("a's oldest is older than b's remaining one")
                .containsExactly("-1001@2", "-1001@3", "-1001@4", "-1002@4");
        assertThat(alerts.nextDue(Platform.TELEGRAM)).contains(T0.plusSeconds(9));

        alerts.pauseChannel(c, "kicked", T0);
        assertThat(alerts.nextDue(Platform.TELEGRAM))
                .as("a paused channel's alerts are never due")
                .isEmpty();
    }

    @Test
    void anAlertLeftInFlightByACrashedWorkerComesBackAfterItsLeaseAndTheOldClaimCanNoLongerTouchIt() {
        Declaration d = kingswood(1);
        alerts.record(d, List.of(alertFor(NEWSDESK, d)));
        org.resultsdesk.core.port.AlertStore.Claim crashed =
                alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 10, 10, "crashed");

        assertThat(claim(Platform.TELEGRAM, T0.plusSeconds(29), T0.plusSeconds(59)))
                .isEmpty();
        org.resultsdesk.core.port.AlertStore.Claim taken =
                alerts.claimDue(Platform.TELEGRAM, T0.plusSeconds(31), T0.plusSeconds(61), 10, 10, OWNER);
        assertThat(taken.alerts()).singleElement().extracting(Alert::attempts).isEqualTo(0);
        assertThat(taken.takenOver()).as("from a claim that ran out").isEqualTo(1);
        assertThat(crashed.takenOver()).isZero();

        long id = crashed.alerts().get(0).id();
        alerts.markSent(crashed.token(), List.of(id), "stale", T0.plusSeconds(32));
        alerts.retryLater(crashed.token(), List.of(id), T0.plusSeconds(40), "stale", true);
        alerts.markFailed(crashed.token(), List.of(id), OutboxStatus.FAILED, "stale");
        assertThat(alerts.pendingCount()).as("the stale claim changed nothing").isEqualTo(1);
        assertThat(alerts.failedCount()).isZero();

        alerts.markSent(taken.token(), List.of(id), "43", T0.plusSeconds(33));
        assertThat(alerts.firstMessageId(NEWSDESK, d.contestId())).contains("43");
    }

    @Test
    void retryLaterWaitsCountsOnlyRealAttemptsAndFailedNeverReturns() {
        Declaration d = kingswood(1);
        List<Alert> stored = alerts.record(d, List.of(alertFor(NEWSDESK, d), alertFor(POLITICS, d)));
        String token = alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 10, 10, OWNER)
                .token();
        alerts.retryLater(token, List.of(stored.get(0).id()), T0.plusSeconds(5), "rate limit", false);

        assertThat(claim(Platform.TELEGRAM, T0.plusSeconds(4), T0.plusSeconds(40)))
                .isEmpty();
        org.resultsdesk.core.port.AlertStore.Claim again =
                alerts.claimDue(Platform.TELEGRAM, T0.plusSeconds(5), T0.plusSeconds(40), 10, 10, OWNER);
        assertThat(again.alerts()).singleElement().extracting(Alert::attempts).isEqualTo(0);
        alerts.retryLater(again.token(), List.of(stored.get(0).id()), T0.plusSeconds(6), "500", true);
        assertThat(claim(Platform.TELEGRAM, T0.plusSeconds(6), T0.plusSeconds(40)))
                .singleElement()
                .extracting(Alert::attempts)
                .isEqualTo(1);

        String slack = alerts.claimDue(Platform.SLACK, T0, T0.plusSeconds(30), 10, 10, OWNER)
                .token();
        alerts.markFailed(slack, List.of(stored.get(1).id()), OutboxStatus.REJECTED, "bad blocks");
        assertThat(claim(Platform.SLACK, T0.plusSeconds(100), T0.plusSeconds(130)))
                .isEmpty();
        assertThat(alerts.failedCount()).isEqualTo(1);
        assertThat(alerts.failed(5)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(OutboxStatus.REJECTED);
            assertThat(f.reason()).isEqualTo("bad blocks");
            assertThat(f.alert().channel()).isEqualTo(POLITICS);
        });
    }

    @Test
    void aReleasedAlertIsDueAgainAtOnceAndAPartlySentOneResumesWhereItStopped() {
        Declaration d = kingswood(1);
        List<Alert> stored = alerts.record(d, List.of(alertFor(NEWSDESK, d)));
        org.resultsdesk.core.port.AlertStore.Claim first =
                alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 10, 10, OWNER);
        alerts.partlySent(first.token(), stored.get(0).id(), 2, "900");
        alerts.release(first.token(), List.of(stored.get(0).id()));

        org.resultsdesk.core.port.AlertStore.Claim second =
                alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 10, 10, OWNER);
        assertThat(second.alerts()).singleElement().extracting(Alert::partsSent).isEqualTo(2);
        alerts.markSent(second.token(), List.of(stored.get(0).id()), "902", T0);
        assertThat(alerts.firstMessageId(NEWSDESK, d.contestId()))
                .as("the first part's message")
                .contains("900");
    }

    @Test
    void aWriteUnderAStaleFenceIsRefusedWhole() {
        JdbiLeaderLease a =
                new JdbiLeaderLease(database, "feeds", "a", Duration.ofSeconds(5), Clock.fixed(T0, ZoneOffset.UTC));
        JdbiLeaderLease b = new JdbiLeaderLease(
                database, "feeds", "b", Duration.ofSeconds(5), Clock.fixed(T0.plusSeconds(6), ZoneOffset.UTC));
        assertThat(a.tryAcquire()).isTrue();
        org.resultsdesk.core.port.Fence stale = a.fence();
        Declaration d = kingswood(1);
        alerts.record(d, List.of(alertFor(NEWSDESK, d)), stale);
        assertThat(b.tryAcquire()).as("a's lease has expired by b's clock").isTrue();

        Declaration correction = kingswood(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> alerts.record(correction, List.of(alertFor(NEWSDESK, correction)), stale))
                .isInstanceOf(org.resultsdesk.core.port.FencedOut.class);
        assertThat(alerts.latestRevision(d.contestId(), Declaration.Stage.RESULT))
                .hasValue(1);
        assertThat(alerts.pendingCount()).isEqualTo(1);
        alerts.record(correction, List.of(alertFor(NEWSDESK, correction)), b.fence());
        assertThat(alerts.latestRevision(d.contestId(), Declaration.Stage.RESULT))
                .hasValue(2);
    }

    @Test
    void aLeaseIsHeldWhileRenewedTakenOverOnceExpiredAndGivenUpOnClose() {
        MutableClockForLease clock = new MutableClockForLease(T0);
        JdbiLeaderLease a = new JdbiLeaderLease(database, "feeds", "a", Duration.ofSeconds(5), clock);
        JdbiLeaderLease b = new JdbiLeaderLease(database, "feeds", "b", Duration.ofSeconds(5), clock);

        assertThat(a.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isFalse();
        assertThat(a.holder()).contains("a");
        clock.now = T0.plusSeconds(4);
        assertThat(a.renew()).isTrue();
        clock.now = T0.plusSeconds(8);
        assertThat(b.tryAcquire()).as("renewed at 4 s, so held until 9 s").isFalse();
        assertThat(a.isLeader()).isTrue();

        clock.now = T0.plusSeconds(10);
        assertThat(a.isLeader())
                .as("a frozen holder stops counting itself leader by its own clock")
                .isFalse();
        assertThat(b.tryAcquire()).isTrue();
        assertThat(a.renew()).as("a woke up: its token is stale").isFalse();
        assertThat(b.fence().token()).isGreaterThan(a.fence().token());
        assertThat(a.holder()).contains("b");

        b.close();
        assertThat(a.tryAcquire()).as("given up, not waiting for expiry").isTrue();
    }

    @Test
    void aLeaderWhoseSessionEndsIsTakenOverAtOnceOnPostgresButAFrozenOneOnlyWhenItsLeaseExpires() throws Exception {
        MutableClockForLease clock = new MutableClockForLease(T0);
        boolean sessionsVisible = database.dialect() == Database.Dialect.POSTGRESQL;
        Database crashing = openAnother();
        JdbiLeaderLease a = new JdbiLeaderLease(crashing, "feeds", "a", Duration.ofSeconds(5), clock);
        JdbiLeaderLease b = new JdbiLeaderLease(database, "feeds", "b", Duration.ofSeconds(5), clock);
        JdbiLeaderLease c = new JdbiLeaderLease(database, "feeds", "c", Duration.ofSeconds(5), clock);
        try {
            assertThat(a.tryAcquire()).isTrue();
            clock.now = T0.plusSeconds(1);
            assertThat(b.tryAcquire())
                    .as("a is alive (or merely frozen): its lease holds")
                    .isFalse();

            crashing.close(); // a's process dies: its sessions end
            clock.now = T0.plusSeconds(2);
            if (sessionsVisible) {
                // The server ends a closed session's backend, and with it the lock, a moment after the socket closes;
                // the lease's clock stands still meanwhile, so a take-over here is never the expiry's.
                org.awaitility.Awaitility.await("taken at once where the store shows the session gone")
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(20))
                        .until(b::tryAcquire);
            } else {
                assertThat(b.tryAcquire())
                        .as("taken only at expiry where sessions are not visible")
                        .isFalse();
            }
            clock.now = T0.plusSeconds(6);
            assertThat(b.tryAcquire()).isTrue();
            assertThat(b.fence().token()).isGreaterThan(a.fence().token());

            clock.now = T0.plusSeconds(7);
            assertThat(c.tryAcquire()).as("b is alive: its lease holds").isFalse();
            clock.now = T0.plusSeconds(12);
            assertThat(c.tryAcquire())
                    .as("b frozen (not renewing) is taken over once its lease expires")
                    .isTrue();
            assertThat(b.renew()).as("b thawed: its token is stale").isFalse();
            clock.now = T0.plusSeconds(13);
            assertThat(c.renew()).isTrue();
            assertThat(b.tryAcquire()).as("c, alive, is not taken over").isFalse();
        } finally {
            b.close();
            c.close();
        }
    }

    /** A clock the lease test moves by hand. */
    static final class MutableClockForLease extends Clock {
        Instant now;

        MutableClockForLease(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static SendLimits.Bucket bucket(String key, int count, Duration window) {
        return new SendLimits.Bucket(key, new SendLimits.Limit(count, window));
    }

    @Test
    void aSendBudgetAllowsAWholeWindowAtOnceButNeverMoreThanItsCountInAnyWindowAndHonoursAHoldOff() {
        JdbiSendBudget budget = new JdbiSendBudget(database);
        SendLimits.Bucket chat = bucket("chat:-1", 1, Duration.ofSeconds(1));
        SendLimits.Bucket group = bucket("group:-1", 3, Duration.ofSeconds(30));
        List<SendLimits.Bucket> both = List.of(chat, group);

        assertThat(budget.tryTake(Platform.TELEGRAM, both, T0)).isEmpty();
        assertThat(budget.tryTake(Platform.TELEGRAM, both, T0))
                .as("the chat's one a second")
                .contains(new SendBudget.Hold(T0.plusSeconds(1), "chat:-1"));
        assertThat(budget.tryTake(Platform.TELEGRAM, both, T0.plusSeconds(1)))
                .as("the group's 3 in 30 s are not spaced: the second goes as soon as the chat allows")
                .isEmpty();
        assertThat(budget.tryTake(Platform.TELEGRAM, both, T0.plusSeconds(2))).isEmpty();
        assertThat(budget.tryTake(Platform.TELEGRAM, both, T0.plusSeconds(3)))
                .as("a fourth would put 4 into the window that began with the first")
                .contains(new SendBudget.Hold(T0.plusSeconds(30), "group:-1"));
        assertThat(budget.tryTake(Platform.TELEGRAM, both, T0.plusSeconds(30))).isEmpty();
        assertThat(budget.tryTake(Platform.TELEGRAM, List.of(group), T0.plusSeconds(30)))
                .as("a window slides, it is not a count that starts afresh: the one from 1 s to 31 s holds three")
                .contains(new SendBudget.Hold(T0.plusSeconds(31), "group:-1"));
        assertThat(budget.tryTake(Platform.SLACK, both, T0.plusSeconds(3)))
                .as("another platform's budget")
                .isEmpty();

        budget.holdOff(Platform.TELEGRAM, List.of(chat), T0.plusSeconds(90));
        assertThat(budget.tryTake(Platform.TELEGRAM, both, T0.plusSeconds(89)))
                .as("the hold-off is the chat's")
                .contains(new SendBudget.Hold(T0.plusSeconds(90), "chat:-1"));
        assertThat(budget.tryTake(Platform.TELEGRAM, both, T0.plusSeconds(90))).isEmpty();
    }

    @Test
    void aBurstTakesTheBotsWholeSecondAndTheNextSendWaitsForTheWindowThatBeganWithIt() {
        JdbiSendBudget budget = new JdbiSendBudget(database);
        SendLimits.Bucket bot = bucket("bot", 30, Duration.ofSeconds(1));

        for (int i = 0; i < 30; i++) {
            List<SendLimits.Bucket> buckets = List.of(bucket("chat:" + i, 1, Duration.ofSeconds(1)), bot);
            assertThat(budget.tryTake(Platform.TELEGRAM, buckets, T0))
                    .as("send %d of the burst", i + 1)
                    .isEmpty();
        }
        assertThat(budget.tryTake(Platform.TELEGRAM, List.of(bucket("chat:30", 1, Duration.ofSeconds(1)), bot), T0))
                .contains(new SendBudget.Hold(T0.plusSeconds(1), "bot"));
    }

    @Test
    void aBookedSlotIsTheBookersAndABookingTooLateTakesNothing() {
        JdbiSendBudget budget = new JdbiSendBudget(database);
        List<SendLimits.Bucket> buckets = List.of(bucket("chat:-1", 1, Duration.ofSeconds(3)));

        assertThat(budget.tryTake(Platform.TELEGRAM, buckets, T0)).isEmpty();
        assertThat(budget.book(Platform.TELEGRAM, buckets, T0.plusSeconds(1), T0.plusSeconds(60)))
                .as("the next free slot")
                .contains(T0.plusSeconds(3));
        assertThat(budget.tryTake(Platform.TELEGRAM, buckets, T0.plusSeconds(3)))
                .as("the booked slot is taken")
                .contains(new SendBudget.Hold(T0.plusSeconds(6), "chat:-1"));
        assertThat(budget.book(Platform.TELEGRAM, buckets, T0.plusSeconds(3), T0.plusSeconds(5)))
                .as("too late for the caller: nothing booked")
                .isEmpty();
        assertThat(budget.tryTake(Platform.TELEGRAM, buckets, T0.plusSeconds(6)))
                .isEmpty();
    }

    @Test
    void alertsLeaveASixthOfThePlatformsWindowToAnswersOnlyWhileAnswersAreBeingAsked() {
        JdbiSendBudget budget = new JdbiSendBudget(database);
        SendLimits limits = new SendLimits(chat -> List.of(), List.of(bucket("bot", 30, Duration.ofSeconds(1))));
        List<SendLimits.Bucket> alerts = limits.forAlerts().global();
        List<SendLimits.Bucket> answers = limits.forAnswers().global();

        assertThat(taken(budget, alerts, T0, 40))
                .as("no answers asked: the alerts' burst has the whole second")
                .isEqualTo(30);
        Instant next = T0.plusSeconds(1);
        assertThat(taken(budget, answers, next, 1)).isEqualTo(1);
        assertThat(taken(budget, alerts, next, 40))
                .as("with an answer in the window, alerts stop at 25 sends in it")
                .isEqualTo(24);
        assertThat(taken(budget, answers, next, 10))
                .as("the rest of the window is the answers', and never more than 30 in all")
                .isEqualTo(5);
        Instant quiet = next.plusSeconds(2);
        assertThat(taken(budget, alerts, quiet, 40))
                .as("no answer for a window: the alerts have the whole second again")
                .isEqualTo(30);
    }

    @Test
    void alertsAndAnswersFromTwoInstancesTogetherNeverPutMoreThanTheCountIntoAnyWindow() throws Exception {
        SendLimits limits = new SendLimits(chat -> List.of(), List.of(bucket("bot", 12, Duration.ofSeconds(1))));
        try (Database other = openAnother()) {
            List<JdbiSendBudget> instances = List.of(new JdbiSendBudget(database), new JdbiSendBudget(other));
            java.util.Random random = new java.util.Random(6);
            List<Long> sends = new java.util.ArrayList<>();
            List<Long> alertSends = new java.util.ArrayList<>();
            List<Long> answerSends = new java.util.ArrayList<>();
            long now = T0.toEpochMilli();
            for (int i = 0; i < 400; i++) {
                now += random.nextInt(3) == 0 ? 0 : random.nextInt(120);
                boolean answer = random.nextInt(4) == 0;
                List<SendLimits.Bucket> buckets = answer
                        ? limits.forAnswers().global()
                        : limits.forAlerts().global();
                if (instances
                        .get(random.nextInt(2))
                        .tryTake(Platform.TELEGRAM, buckets, Instant.ofEpochMilli(now))
                        .isEmpty()) {
                    sends.add(now);
                    (answer ? answerSends : alertSends).add(now);
                }
            }
            assertThat(mostInAnyWindow(sends, 1000)).isEqualTo(12);
            assertThat(answerSends).as("answers were sent").hasSizeGreaterThan(20);
            assertThat(alertSends).as("and alerts").hasSizeGreaterThan(50);
        }
    }

    /** Takes up to {@code tries} sends at one instant; how many were allowed. */
    private static int taken(JdbiSendBudget budget, List<SendLimits.Bucket> buckets, Instant at, int tries) {
        int taken = 0;
        for (int i = 0; i < tries; i++) {
            taken += budget.tryTake(Platform.TELEGRAM, buckets, at).isEmpty() ? 1 : 0;
        }
        return taken;
    }

    @Test
    void twoInstancesSharingOneBudgetNeverPutMoreThanTheCountIntoAnyWindow() throws Exception {
        SendLimits.Bucket bot = bucket("bot", 5, Duration.ofSeconds(1));
        SendLimits.Bucket group = bucket("group:-1", 3, Duration.ofSeconds(4));
        List<JdbiSendBudget> instances;
        try (Database other = openAnother()) {
            instances = List.of(new JdbiSendBudget(database), new JdbiSendBudget(other));
            java.util.Random random = new java.util.Random(25);
            List<Long> botSends = new java.util.ArrayList<>();
            List<Long> groupSends = new java.util.ArrayList<>();
            long now = T0.toEpochMilli();
            for (int i = 0; i < 150; i++) {
                now += random.nextInt(4) == 0 ? 0 : random.nextInt(400);
                boolean toGroup = random.nextInt(3) == 0;
                List<SendLimits.Bucket> buckets = toGroup ? List.of(group, bot) : List.of(bot);
                if (instances
                        .get(random.nextInt(2))
                        .tryTake(Platform.TELEGRAM, buckets, Instant.ofEpochMilli(now))
                        .isEmpty()) {
                    botSends.add(now);
                    if (toGroup) {
                        groupSends.add(now);
                    }
                }
            }
            assertThat(mostInAnyWindow(botSends, 1000)).isEqualTo(5);
            assertThat(mostInAnyWindow(groupSends, 4000)).isEqualTo(3);
        }
    }

    /** The most sends any window of this length (closed at its start, open at its end) holds. */
    static int mostInAnyWindow(List<Long> sends, long windowMillis) {
        int most = 0;
        for (int i = 0; i < sends.size(); i++) {
            int in = 0;
            for (long t : sends) {
                if (t >= sends.get(i) && t < sends.get(i) + windowMillis) {
                    in++;
                }
            }
            most = Math.max(most, in);
        }
        return most;
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

        assertThat(claim(Platform.TELEGRAM, T0, T0.plusSeconds(30))).isEmpty();
        assertThat(alerts.pausedChannels())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("bot was kicked"));

        alerts.resumeChannel(NEWSDESK);
        assertThat(claim(Platform.TELEGRAM, T0, T0.plusSeconds(30))).hasSize(1);
    }

    @Test
    void aDigestIsRemembered() {
        Declaration d = kingswood(1);
        Declaration other = Declaration.of(
                new FeedMessage.Result(TestData.contest("parl.wellingborough.by.2024-02-15", "E14001025"), 1),
                "w.xml",
                T0);
        alerts.record(d, List.of(alertFor(NEWSDESK, d)));
        alerts.record(other, List.of(alertFor(NEWSDESK, other)));
        org.resultsdesk.core.port.AlertStore.Claim claimed =
                alerts.claimDue(Platform.TELEGRAM, T0, T0.plusSeconds(30), 10, 10, OWNER);

        alerts.markSent(
                claimed.token(), claimed.alerts().stream().map(Alert::id).toList(), "77", T0);
        assertThat(alerts.firstSentInDigest(NEWSDESK, d.contestId())).isTrue();
        assertThat(alerts.firstMessageId(NEWSDESK, other.contestId())).contains("77");
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
        assertThat(subscriptions.all())
                .singleElement()
                .extracting(Subscription::kind)
                .isEqualTo(Subscription.Kind.ALL);
        assertThat(subscriptions.removeAll(upgraded)).isEqualTo(1);
    }

    @Test
    void aDefendingPartySetByAnEditorIsKeptPerBallotAndTheLatestSettingWins() {
        JdbiDefenceStore defences = new JdbiDefenceStore(database);
        org.resultsdesk.core.model.BallotId abbey = org.resultsdesk.core.model.BallotId.parse(
                        "local.buckinghamshire.abbey.by.2026-12-10")
                .orElseThrow();
        org.resultsdesk.core.model.BallotId bude = org.resultsdesk.core.model.BallotId.parse(
                        "local.cornwall.bude.by.2026-12-10")
                .orElseThrow();
        String hostile = "Robert'); DROP TABLE byelection_defences;-- <b>&amp;</b>";

        defences.set(new org.resultsdesk.core.model.DefenceSetting(abbey, new Party("Con", "Conservative"), "ed", T0));
        defences.set(new org.resultsdesk.core.model.DefenceSetting(
                abbey, new Party("Lab", hostile), "ed2", T0.plusSeconds(60)));
        defences.set(
                new org.resultsdesk.core.model.DefenceSetting(bude, new Party("LD", "Liberal Democrat"), "ed", T0));

        assertThat(defences.find(abbey)).hasValueSatisfying(d -> {
            assertThat(d.party()).isEqualTo(new Party("Lab", hostile));
            assertThat(d.setBy()).isEqualTo("ed2");
            assertThat(d.at()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(defences.find(bude).orElseThrow().party().code()).isEqualTo("LD");
        assertThat(defences.clear(bude)).isTrue();
        assertThat(defences.clear(bude)).isFalse();
        assertThat(defences.find(bude)).isEmpty();
        assertThat(defences.find(abbey)).isPresent();
    }

    @Test
    void theByElectionSummaryIsScheduledOncePerChannel() {
        JdbiSummarySchedule schedule = new JdbiSummarySchedule(database, Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(schedule.add(NEWSDESK, "ed")).isTrue();
        assertThat(schedule.add(NEWSDESK, "ed")).isFalse();
        assertThat(schedule.add(POLITICS, "<b>ed</b>")).isTrue();
        assertThat(schedule.channels()).containsExactlyInAnyOrder(NEWSDESK, POLITICS);
        assertThat(schedule.remove(NEWSDESK)).isTrue();
        assertThat(schedule.remove(NEWSDESK)).isFalse();
        assertThat(schedule.channels()).containsExactly(POLITICS);

        schedule.add(NEWSDESK, "ed");
        ChannelRef upgraded = new ChannelRef(Platform.TELEGRAM, "-1009002");
        subscriptions.moveChannel(NEWSDESK, upgraded);
        assertThat(schedule.channels()).containsExactlyInAnyOrder(POLITICS, upgraded);
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
    void anUpgradedGroupTakesItsWatchListAndCardsSettingAlong() {
        JdbiWatchListStore watches = new JdbiWatchListStore(database, Clock.fixed(T0, ZoneOffset.UTC));
        JdbiChannelCards cards = new JdbiChannelCards(database, Clock.fixed(T0, ZoneOffset.UTC));
        ChannelRef upgraded = new ChannelRef(Platform.TELEGRAM, "-1009001");
        WatchListStore.Watched kingswood = new WatchListStore.Watched("E14000774", "Kingswood");
        watches.add(NEWSDESK, kingswood);
        cards.setCards(NEWSDESK, true);

        subscriptions.moveChannel(NEWSDESK, upgraded);

        assertThat(watches.forChannel(upgraded)).containsExactly(kingswood);
        assertThat(watches.forChannel(NEWSDESK)).isEmpty();
        assertThat(cards.cardsOn(upgraded)).isTrue();
        assertThat(cards.cardsOn(NEWSDESK)).isFalse();
    }

    @Test
    void quotesAreFiledDecidedAndFoundByContest() {
        JdbiQuoteStore quotes = new JdbiQuoteStore(database);
        org.resultsdesk.core.model.Quote filed = quotes.file(new org.resultsdesk.core.model.Quote(
                0,
                "Keir Starmer",
                "Labour leader",
                "Fantastic <results> & 🎉",
                List.of("parl.kingswood.by.2024-02-15/E14000774", "parl.wellingborough.by.2024-02-15/E14001025"),
                "u1",
                NEWSDESK,
                T0,
                org.resultsdesk.core.model.Quote.Status.PENDING));
        org.resultsdesk.core.model.Quote second = quotes.file(new org.resultsdesk.core.model.Quote(
                0,
                "Rishi Sunak",
                "",
                "Disappointing",
                List.of(),
                "u2",
                NEWSDESK,
                T0,
                org.resultsdesk.core.model.Quote.Status.PENDING));

        assertThat(second.id()).isGreaterThan(filed.id());
        assertThat(quotes.find(filed.id())).contains(filed);
        assertThat(quotes.pending()).containsExactly(filed, second);
        assertThat(quotes.decide(
                        filed.id(),
                        org.resultsdesk.core.model.Quote.Status.PENDING,
                        org.resultsdesk.core.model.Quote.Status.APPROVED,
                        "ed",
                        T0))
                .isTrue();
        assertThat(quotes.decide(
                        filed.id(),
                        org.resultsdesk.core.model.Quote.Status.PENDING,
                        org.resultsdesk.core.model.Quote.Status.REJECTED,
                        "ed",
                        T0))
                .isFalse();
        assertThat(quotes.approvedFor("parl.wellingborough.by.2024-02-15/E14001025"))
                .extracting(q -> q.id())
                .containsExactly(filed.id());
        assertThat(quotes.approvedFor("parl.wellingborough.by.2024-02-15/E1400102"))
                .isEmpty();
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

    @Test
    void theAuditTrailKeepsWhoWhereWhenAndWhatAndGivesTheNewestFirst() {
        AuditEntry first =
                audit.record(new AuditEntry(0, T0, NEWSDESK, "11", "Ann Admin", Action.SUBSCRIBE, "Kingswood"));
        for (int i = 1; i <= 25; i++) {
            audit.record(new AuditEntry(
                    0,
                    T0.plusSeconds(i),
                    POLITICS,
                    "U0EDITOR",
                    "",
                    Action.APPROVE,
                    "quote #" + i + " from Ynys Môn’s candidate"));
        }

        assertThat(first.id()).isPositive();
        List<AuditEntry> latest = audit.latest(20);
        assertThat(latest)
                .hasSize(20)
                .extracting(AuditEntry::detail)
                .startsWith("quote #25 from Ynys Môn’s candidate", "quote #24 from Ynys Môn’s candidate");
        assertThat(latest.get(0))
                .isEqualTo(new AuditEntry(
                        latest.get(0).id(),
                        T0.plusSeconds(25),
                        POLITICS,
                        "U0EDITOR",
                        "",
                        Action.APPROVE,
                        "quote #25 from Ynys Môn’s candidate"));
        assertThat(audit.latest(30)).last().isEqualTo(first);
    }

    @Test
    void aButtonCommandIsKeptUnderItsReferenceUntilForgottenAndShowingItAgainKeepsItLonger() {
        JdbiButtonCommands buttons = new JdbiButtonCommands(database);
        String command = "/result Ynys Môn 2019 with a name far too long for sixty-four bytes of callback data";

        buttons.remember("h:one", command, T0);
        buttons.remember("h:two", "/result Kingswood 2019", T0);
        buttons.remember("h:one", command, T0.plus(Duration.ofDays(2)));

        assertThat(buttons.command("h:one")).contains(command);
        assertThat(buttons.command("h:unknown")).isEmpty();
        assertThat(buttons.forgetShownBefore(T0.plus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(buttons.command("h:two")).isEmpty();
        assertThat(buttons.command("h:one")).as("shown again since").contains(command);
        assertThat(new JdbiButtonCommands(database).command("h:one"))
                .as("another instance's view")
                .contains(command);
    }

    @Test
    void aReplyThreadIsKeptPerChannelAndKeyAndTheLatestMessageWins() {
        JdbiReplyThreads threads = new JdbiReplyThreads(database);
        ChannelRef other = new ChannelRef(Platform.SLACK, NEWSDESK.channelId());

        threads.remember(NEWSDESK, "photo:kingswood.png", "101", T0);
        threads.remember(NEWSDESK, "photo:board.png", "102", T0.plus(Duration.ofDays(2)));
        threads.remember(other, "photo:kingswood.png", "9", T0);

        assertThat(threads.messageId(NEWSDESK, "photo:kingswood.png")).contains("101");
        threads.remember(NEWSDESK, "photo:kingswood.png", "105", T0.plus(Duration.ofMinutes(1)));
        assertThat(threads.messageId(NEWSDESK, "photo:kingswood.png")).contains("105");
        assertThat(threads.messageId(other, "photo:kingswood.png")).contains("9");
        assertThat(threads.messageId(POLITICS, "photo:kingswood.png")).isEmpty();

        assertThat(threads.forgetBefore(T0.plus(Duration.ofDays(1)))).isEqualTo(2);
        assertThat(threads.messageId(NEWSDESK, "photo:kingswood.png")).isEmpty();
        assertThat(threads.messageId(NEWSDESK, "photo:board.png")).contains("102");
    }

    @Test
    void aSourcesHighWaterMarkIsKeptPerSourceSurvivesAnotherPoolAndNeverMovesBack() throws Exception {
        JdbiSourceMarks marks = new JdbiSourceMarks(database, Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(marks.highWater("democracy-club")).isEmpty();

        marks.keepHighWater("democracy-club", T0.plusSeconds(60));
        marks.keepHighWater("democracy-club", T0.plusSeconds(30));
        marks.keepHighWater("other", T0);

        Database another = openAnother();
        try {
            JdbiSourceMarks seenElsewhere = new JdbiSourceMarks(another, Clock.fixed(T0, ZoneOffset.UTC));
            assertThat(seenElsewhere.highWater("democracy-club")).contains(T0.plusSeconds(60));
            assertThat(seenElsewhere.highWater("other")).contains(T0);
            seenElsewhere.keepHighWater("democracy-club", T0.plusSeconds(90));
        } finally {
            another.close();
        }
        assertThat(marks.highWater("democracy-club")).contains(T0.plusSeconds(90));
    }

    @Test
    void dueBallotsAreListedByDayCouncilAndWardWithTheirCandidatesAndAListingReplacesItsSpan() {
        JdbiDueBallots due = new JdbiDueBallots(database);
        org.resultsdesk.core.model.Council kent = new org.resultsdesk.core.model.Council("E10000016", "Kent");
        org.resultsdesk.core.model.Council bucks =
                new org.resultsdesk.core.model.Council("E06000060", "Buckinghamshire");
        java.time.LocalDate thursday = java.time.LocalDate.of(2026, 12, 10);
        org.resultsdesk.core.model.DueBallot abbey = dueBallot(
                "local.buckinghamshire.abbey.by.2026-12-10",
                new org.resultsdesk.core.model.Ward("E05013120", "Abbey", bucks),
                1,
                List.of(
                        new org.resultsdesk.core.model.DueBallot.Nominee("Zoe Able", new Party("Lab", "Labour")),
                        new org.resultsdesk.core.model.DueBallot.Nominee(
                                "Adam Baker", new Party("Con", "Conservative")),
                        new org.resultsdesk.core.model.DueBallot.Nominee(
                                "Sinéad O'Neill", new Party("Ind", "Independent"))));
        org.resultsdesk.core.model.DueBallot birchington = dueBallot(
                "local.kent.birchington-rural.by.2026-12-10",
                new org.resultsdesk.core.model.Ward("E58000718", "Birchington & Rural", kent),
                2,
                List.of());
        org.resultsdesk.core.model.DueBallot later = dueBallot(
                "local.kent.cliftonville.by.2026-12-17",
                new org.resultsdesk.core.model.Ward("E58000719", "Cliftonville", kent),
                1,
                List.of());

        due.replace(thursday, thursday.plusDays(7), List.of(later, birchington, abbey));

        assertThat(due.dueBetween(thursday, thursday)).containsExactly(abbey, birchington);
        assertThat(due.dueBetween(thursday, thursday.plusDays(7))).containsExactly(abbey, birchington, later);

        due.replace(thursday, thursday, List.of(birchington));

        assertThat(due.dueBetween(thursday, thursday.plusDays(7)))
                .as("Abbey, no longer listed for its day, is no longer due; the next week is untouched")
                .containsExactly(birchington, later);
        assertThat(due.dueBetween(thursday.minusDays(7), thursday.minusDays(1))).isEmpty();
    }

    static org.resultsdesk.core.model.DueBallot dueBallot(
            String id,
            org.resultsdesk.core.model.Ward ward,
            int seats,
            List<org.resultsdesk.core.model.DueBallot.Nominee> candidates) {
        return new org.resultsdesk.core.model.DueBallot(
                org.resultsdesk.core.model.BallotId.parse(id).orElseThrow(), ward, seats, candidates);
    }
}
