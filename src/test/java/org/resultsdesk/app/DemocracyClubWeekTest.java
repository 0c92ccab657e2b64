package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.feeds.LocalBundledData;
import org.resultsdesk.feeds.fake.FakeDemocracyClub;
import org.resultsdesk.feeds.fake.FakeDemocracyClub.Candidate;
import org.resultsdesk.store.Database;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.TelegramUpdates;

/**
 * A week of council by-elections from Democracy Club through the real wiring, polled from empty to complete: an
 * editor subscribes a Telegram group to four councils through the fake Bot API, the fake Democracy Club lists five
 * by-elections on Thursday 10 December 2026 (a date no bundled result has) in real wards (a one-seat division, one
 * seat of Armthorpe's three, whose split seats leave the defence to an editor, who sets it with /defending, a division whose result is corrected in a later version, one whose result comes with
 * the older winner flag and no turnout) and one ward with a code drawn since (no previous result on file), and enters
 * their results one by one. Each result reaches the group exactly once; the correction edits the original message
 * and posts a correction note.
 */
class DemocracyClubWeekTest {
    static final long NEWSROOM = -1002200L;
    static final long EDITOR = 22L;
    static final Instant THURSDAY_NIGHT = Instant.parse("2026-12-10T22:45:00Z");
    static final String DAY = "2026-12-10";

    static final String CAMBS_ABBEY = "local.cambridgeshire.abbey.by." + DAY;
    static final String ARMTHORPE = "local.doncaster.armthorpe.by." + DAY;
    static final String GLOS_ABBEY = "local.gloucestershire.abbey.by." + DAY;
    static final String RIVERSIDE = "local.buckinghamshire.riverside-quarter.by." + DAY;
    static final String ALCONBURY = "local.cambridgeshire.alconbury-kimbolton.by." + DAY;

    @TempDir
    Path dir;

    // The week runs on real time moved to Thursday night, so the delivery budgets and back-off see time pass.
    final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), THURSDAY_NIGHT));
    final TelegramUpdates updates = new TelegramUpdates();
    FakeTelegramApi telegram;
    FakeDemocracyClub democracyClub;
    ResultsDesk desk;

    static Candidate c(String name, String ecId, String party, Integer votes, boolean elected) {
        return new Candidate(name, ecId, party, votes, elected);
    }

    static Candidate lab(String name, Integer votes, boolean elected) {
        return c(name, "PP53", "Labour Party", votes, elected);
    }

    static Candidate con(String name, Integer votes, boolean elected) {
        return c(name, "PP52", "Conservative and Unionist Party", votes, elected);
    }

    static Candidate ref(String name, Integer votes, boolean elected) {
        return c(name, "PP7931", "Reform UK", votes, elected);
    }

    static Candidate ld(String name, Integer votes, boolean elected) {
        return c(name, "PP90", "Liberal Democrats", votes, elected);
    }

    static FakeDemocracyClub.Result result(Candidate... candidates) {
        return new FakeDemocracyClub.Result(List.of(candidates), 9000, 3000, 33.3, 12, false);
    }

    @BeforeEach
    void setUp() throws Exception {
        telegram = new FakeTelegramApi(clock);
        telegram.setAdministrators(NEWSROOM, EDITOR);
        democracyClub = new FakeDemocracyClub(clock);
        democracyClub.list(new FakeDemocracyClub.Ballot(
                CAMBS_ABBEY,
                "E58000050",
                "Abbey",
                1,
                List.of(lab("Ann Tong", null, false), ref("Bill Ray", null, false))));
        democracyClub.list(new FakeDemocracyClub.Ballot(
                ARMTHORPE,
                "E05010729",
                "Armthorpe",
                1,
                List.of(ref("Cal Marr", null, false), lab("Di North", null, false))));
        democracyClub.list(new FakeDemocracyClub.Ballot(
                GLOS_ABBEY,
                "E58001985",
                "Abbey",
                1,
                List.of(con("Ed Grave", null, false), ld("Flo Gate", null, false))));
        democracyClub.list(new FakeDemocracyClub.Ballot(
                RIVERSIDE,
                "E05099901",
                "Riverside Quarter",
                1,
                List.of(ld("Gus Quay", null, false), con("Hal Wharf", null, false))));
        democracyClub.list(new FakeDemocracyClub.Ballot(
                ALCONBURY,
                "E58000051",
                "Alconbury & Kimbolton",
                1,
                List.of(con("Ian Gard", null, false), ref("Jo Tay", null, false))));
        Config config = Config.of(
                Map.ofEntries(
                        Map.entry("telegram.bot-token", FakeTelegramApi.TOKEN),
                        Map.entry("telegram.bot-username", FakeTelegramApi.USERNAME),
                        Map.entry("telegram.api-url", telegram.baseUrl()),
                        Map.entry("telegram.desk-chat-id", String.valueOf(NEWSROOM)),
                        Map.entry("democracyclub.enabled", "true"),
                        Map.entry("democracyclub.base-url", democracyClub.baseUrl()),
                        Map.entry("democracyclub.interval-seconds", "1"),
                        Map.entry("democracyclub.quiet-interval-seconds", "2"),
                        Map.entry("democracyclub.timeout-seconds", "5")),
                Map.of());
        Settings settings = Settings.from(config);
        LocalArchive bundled = LocalBundledData.load();
        desk = new ResultsDesk(
                settings,
                clock,
                TestData.freshArchive(),
                () -> bundled,
                Database.sqlite(dir.resolve("db")),
                FeedParsers.tonight(settings.night(), TestData.freshArchive()));
        desk.start(Optional.empty());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (desk != null) {
            desk.close();
        }
        democracyClub.close();
        telegram.close();
    }

    void say(String text) {
        int before = telegram.messages(NEWSROOM).size();
        telegram.queueUpdate(updates.message(NEWSROOM, EDITOR, text));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> telegram.messages(NEWSROOM).size() > before);
    }

    FakeTelegramApi.Posted last() {
        List<FakeTelegramApi.Posted> posted = telegram.messages(NEWSROOM);
        return posted.get(posted.size() - 1);
    }

    List<FakeTelegramApi.Posted> about(String ward, String council) {
        return telegram.messages(NEWSROOM).stream()
                .filter(p -> p.text().contains(ward) && p.text().contains(council))
                .toList();
    }

    void enterAndAwait(String ballot, FakeDemocracyClub.Result result, String ward, String council) {
        democracyClub.enter(ballot, result);
        await().atMost(Duration.ofSeconds(60)).until(() -> !about(ward, council).isEmpty());
    }

    @Test
    void aWeekOfFiveByElectionsIsPolledFromEmptyToCompleteEachAlertOnceAndTheCorrectionAnEdit() {
        for (String council : List.of("cambridgeshire", "doncaster", "gloucestershire", "buckinghamshire")) {
            say("/subscribe council " + council);
        }
        assertThat(telegram.messages(NEWSROOM))
                .as("the four subscriptions answered")
                .hasSize(4)
                .allSatisfy(p -> assertThat(p.text()).doesNotContainIgnoringCase("not"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> desk.byElections
                                .dueBetween(java.time.LocalDate.parse(DAY), java.time.LocalDate.parse(DAY))
                                .size()
                        == 5);

        enterAndAwait(
                CAMBS_ABBEY,
                result(lab("Ann Tong", 812, true), ref("Bill Ray", 640, false)),
                "Abbey",
                "Cambridgeshire");
        // Armthorpe's three seats split in 2025, so nobody can be said to defend it until an editor says who does.
        say("/defending armthorpe, doncaster lab");
        assertThat(last().text())
                .startsWith("Armthorpe")
                .contains("Lab defence")
                .contains("against Labour");
        democracyClub.enter(ARMTHORPE, result(ref("Cal Marr", 1412, true), lab("Di North", 1010, false)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> about("Armthorpe", "Doncaster").size() == 2);
        enterAndAwait(
                GLOS_ABBEY, result(con("Ed Grave", 903, true), ld("Flo Gate", 688, false)), "Abbey", "Gloucestershire");
        enterAndAwait(
                RIVERSIDE,
                result(ld("Gus Quay", 777, true), con("Hal Wharf", 555, false)),
                "Riverside Quarter",
                "Buckinghamshire");
        democracyClub.enter(
                ALCONBURY,
                new FakeDemocracyClub.Result(
                        List.of(con("Ian Gard", 990, false), ref("Jo Tay", 995, true)), 8163, null, null, null, true));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !about("Alconbury", "Cambridgeshire").isEmpty());

        FakeTelegramApi.Posted original = about("Abbey", "Gloucestershire").get(0);
        assertThat(original.text()).contains("903");
        democracyClub.enter(GLOS_ABBEY, result(con("Ed Grave", 930, true), ld("Flo Gate", 688, false)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> about("Abbey", "Gloucestershire").size() == 2);
        int requests = democracyClub.requests().size();
        await().atMost(Duration.ofSeconds(60))
                .alias("several more polls, which must alert nothing more")
                .until(() -> democracyClub.requests().size() >= requests + 6);

        assertThat(democracyClub.versions(GLOS_ABBEY)).isEqualTo(2);
        List<FakeTelegramApi.Posted> glos = about("Abbey", "Gloucestershire");
        assertThat(glos.get(0).messageId()).as("the original, edited in place").isEqualTo(original.messageId());
        assertThat(glos.get(0).text()).contains("930").doesNotContain("903").contains("Corrected: revision 2");
        assertThat(glos.get(1).text()).startsWith("Correction: revised figures for");
        assertThat(telegram.calls()).contains("editmessagetext");

        assertThat(about("Abbey", "Cambridgeshire"))
                .singleElement()
                .satisfies(p -> assertThat(p.text()).contains("Ann Tong").contains("812"));
        assertThat(about("Armthorpe", "Doncaster")
                        .subList(1, about("Armthorpe", "Doncaster").size()))
                .as("one seat of Armthorpe's three, compared with the 2025 full election, after the editor's reply")
                .singleElement()
                .satisfies(p -> assertThat(p.text())
                        .contains("by-election")
                        .contains("Reform UK GAIN from Labour")
                        .contains("RUK GAIN from Lab: Armthorpe (Doncaster)")
                        .contains("1,412")
                        .contains("(May 2025: 31.6%)"));
        assertThat(about("Riverside Quarter", "Buckinghamshire"))
                .singleElement()
                .satisfies(p -> assertThat(p.text())
                        .contains("New ward: no contest on this ONS code (E05099901)")
                        .doesNotContain("(2025:"));
        assertThat(about("Alconbury", "Cambridgeshire"))
                .singleElement()
                .satisfies(p -> assertThat(p.text()).contains("Jo Tay").contains("Turnout 24.3% from the votes cast"));
        assertThat(telegram.messages(NEWSROOM))
                .as("5 answers (4 subscriptions, the defence), 5 results, 1 correction note")
                .hasSize(11);
    }
}
