package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.Subscription;
import org.resultsdesk.feeds.DemocracyClubPoller;
import org.resultsdesk.feeds.LocalBundledData;
import org.resultsdesk.feeds.fake.FakeDemocracyClub;
import org.resultsdesk.feeds.fake.FakeDemocracyClub.Candidate;
import org.resultsdesk.store.JdbiSourceMarks;
import org.resultsdesk.store.TestPostgres;

/**
 * Two instances on one PostgreSQL database, each configured to poll Democracy Club (under its own path on the fake,
 * so the requests say who asked): only the leader polls; when it stops, the other takes the lead and resumes from the
 * high-water mark the first left in the store, and no result is alerted twice.
 */
class DemocracyClubLeaderTest {
    static final Instant THURSDAY_NIGHT = Instant.parse("2026-12-10T22:45:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 12, 10);
    static final String ABBEY = "local.cambridgeshire.abbey.by." + DAY;
    static final String ALCONBURY = "local.cambridgeshire.alconbury-kimbolton.by." + DAY;

    final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), THURSDAY_NIGHT));

    static Candidate lab(String name, Integer votes, boolean elected) {
        return new Candidate(name, "PP53", "Labour Party", votes, elected);
    }

    static Candidate con(String name, Integer votes, boolean elected) {
        return new Candidate(name, "PP52", "Conservative and Unionist Party", votes, elected);
    }

    ResultsDesk desk(TestPostgres.Schema schema, FakeDemocracyClub api, String instance, LocalArchive local) {
        HttpUrl base = HttpUrl.get(api.baseUrl())
                .newBuilder("/" + instance + "/api/next/")
                .build();
        Settings settings = Settings.from(Config.of(
                Map.of(
                        "democracyclub.enabled", "true",
                        "democracyclub.base-url", base.toString(),
                        "democracyclub.interval-seconds", "1",
                        "democracyclub.quiet-interval-seconds", "2",
                        "democracyclub.timeout-seconds", "5"),
                Map.of()));
        return new ResultsDesk(
                settings,
                clock,
                TestData.freshArchive(),
                () -> local,
                schema.open(),
                FeedParsers.tonight(settings.night(), TestData.freshArchive()));
    }

    static long asked(FakeDemocracyClub api, String instance) {
        return api.requests().stream()
                .filter(u -> u.encodedPath().startsWith("/" + instance + "/"))
                .count();
    }

    static List<String> alerts(ResultsDesk desk) {
        return desk.database
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT contest_id, kind FROM outbox ORDER BY id")
                        .map((rs, ctx) -> rs.getString("contest_id") + " " + rs.getString("kind"))
                        .list());
    }

    @Test
    void onlyTheLeaderPollsAndTheNextLeaderResumesFromTheStoredMarkAlertingNothingTwice() throws Exception {
        LocalArchive local = LocalBundledData.load();
        try (TestPostgres.Schema schema = TestPostgres.freshSchema("rd_dc_leader");
                FakeDemocracyClub api = new FakeDemocracyClub(clock)) {
            api.list(new FakeDemocracyClub.Ballot(
                    ABBEY, "E58000050", "Abbey", 1, List.of(lab("Ann Tong", null, false), con("Bo Ray", null, false))));
            api.list(new FakeDemocracyClub.Ballot(
                    ALCONBURY,
                    "E58000051",
                    "Alconbury & Kimbolton",
                    1,
                    List.of(lab("Cy Gard", null, false), con("Di Tay", null, false))));
            ResultsDesk first = desk(schema, api, "first", local);
            ResultsDesk second = desk(schema, api, "second", local);
            try {
                first.start(Optional.empty());
                await().atMost(Duration.ofSeconds(60)).until(first::leads);
                second.start(Optional.empty());
                first.subscriptions.add(new Subscription(
                        new ChannelRef(Platform.TELEGRAM, "-100777"),
                        Subscription.Kind.COUNCIL,
                        "E10000003",
                        "Cambridgeshire"));

                api.enter(
                        ABBEY,
                        new FakeDemocracyClub.Result(
                                List.of(lab("Ann Tong", 812, true), con("Bo Ray", 640, false)),
                                6834,
                                1500,
                                21.9,
                                4,
                                false));
                await().atMost(Duration.ofSeconds(60)).until(() -> alerts(first).size() == 1);
                long before = asked(api, "first");
                await().atMost(Duration.ofSeconds(60)).until(() -> asked(api, "first") >= before + 3);
                assertThat(second.leads()).isFalse();
                assertThat(asked(api, "second"))
                        .as("the follower has not polled")
                        .isZero();
                String key = DemocracyClubPoller.SOURCE + "/results/" + DAY;
                Instant left = new JdbiSourceMarks(second.database, clock)
                        .highWater(key)
                        .orElseThrow();

                first.close();
                await().atMost(Duration.ofSeconds(60)).until(second::leads);
                api.enter(
                        ALCONBURY,
                        new FakeDemocracyClub.Result(
                                List.of(lab("Cy Gard", 700, false), con("Di Tay", 701, true)),
                                8163,
                                1500,
                                18.4,
                                3,
                                false));
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> alerts(second).size() == 2);
                long more = asked(api, "second");
                await().atMost(Duration.ofSeconds(60)).until(() -> asked(api, "second") >= more + 3);

                assertThat(api.requests())
                        .filteredOn(u -> u.encodedPath().startsWith("/second/")
                                && u.encodedPath().endsWith("/results/"))
                        .first()
                        .satisfies(u -> assertThat(Instant.parse(u.queryParameter("last_updated")))
                                .as("resumed from the mark the first leader left, or later")
                                .isAfterOrEqualTo(left));
                assertThat(alerts(second)).containsExactly(ABBEY + " RESULT", ALCONBURY + " RESULT");
            } finally {
                first.close();
                second.close();
            }
        }
    }
}
