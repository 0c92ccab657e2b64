package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.DeclarationIngest;
import org.resultsdesk.core.alerts.IngestOutcome;
import org.resultsdesk.core.alerts.RushBoard;
import org.resultsdesk.core.alerts.StoreFollower;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.port.FeedFile;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiSubscriptionStore;

/**
 * Every example file in docs/feeds.md, read out of the page and ingested exactly as written, through the same format
 * detection the desk uses, each format on a store of its own: each is accepted, and what it stored is the contest as
 * the bundled data has it (the Commons Library's figures), candidate for candidate.
 */
class FeedExamplesTest {
    /** {@code <!-- example tsv: kingswood_1.tsv -->} and the fenced block that follows it. */
    static final Pattern EXAMPLE =
            Pattern.compile("<!-- example ([a-z-]+): (\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    static final Map<String, String> DECLARES = Map.of(
            "tsv", "parl.kingswood.by.2024-02-15/E14000774",
            "pa", "parl.kingswood.by.2024-02-15/E14000774",
            "dc", "parl.kingswood.by.2024-02-15/E14000774",
            "election-manager", "parl.2024-07-04/E14001064");

    /** The local formats' examples, each Abbey ward, Buckinghamshire, 1 May 2025. */
    static final Map<String, String> DECLARES_LOCAL = Map.of(
            "dc-csv", "local.buckinghamshire.abbey.2025-05-01",
            "handbook", "local.buckinghamshire.abbey.2025-05-01");

    /** The council-level formats' examples: Kent County Council, 1 May 2025. */
    static final Map<String, String> DECLARES_COUNCIL = Map.of("pa-local", "E10000016");

    @TempDir
    Path dir;

    record Example(String format, String name, String content) {}

    @Test
    void everyExampleInTheFeedsPageIsIngestedAsWrittenAndStoresTheDeclaredFigures() throws Exception {
        Map<String, List<Example>> byFormat = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(Files.readString(Path.of("docs/feeds.md")));
        while (m.find()) {
            byFormat.computeIfAbsent(m.group(1), f -> new ArrayList<>())
                    .add(new Example(m.group(1), m.group(2), m.group(3)));
        }
        assertThat(byFormat.keySet())
                .as("one example per accepted format")
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.Stream.of(DECLARES, DECLARES_LOCAL, DECLARES_COUNCIL)
                                .flatMap(d -> d.keySet().stream())
                                .toList());

        for (Map.Entry<String, List<Example>> format : byFormat.entrySet()) {
            if (!DECLARES.containsKey(format.getKey())) {
                continue;
            }
            Contest expected =
                    TestData.archive().contest(DECLARES.get(format.getKey())).orElseThrow();
            // The night after polling day, on a store of the format's own, with no copy of the contest to compare.
            Clock nightAfter = Clock.fixed(
                    expected.election().date().plusDays(1).atTime(3, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            ResultsArchive archive =
                    TestData.archive().without(expected.election().id());
            Config config = Config.of(Map.of("feeds.election-manager.date", "2024-07-04"), Map.of());
            try (Database database = Database.sqlite(dir.resolve(format.getKey()))) {
                JdbiAlertStore store = new JdbiAlertStore(database);
                DeclarationIngest ingest = new DeclarationIngest(
                        FeedParsers.of(Settings.from(config).feeds(), archive),
                        new StoreFollower(store, archive, new RushBoard()),
                        store,
                        new AlertRouter(new JdbiSubscriptionStore(database, nightAfter)),
                        nightAfter,
                        () -> {});
                IngestOutcome last = null;
                for (Example example : format.getValue()) {
                    last = ingest.accept(new FeedFile(
                            example.name(), example.content().getBytes(StandardCharsets.UTF_8), Instant.now()));
                    assertThat(last).as(example.name()).isNotInstanceOf(IngestOutcome.Rejected.class);
                }
                assertThat(last).as(format.getKey()).isInstanceOf(IngestOutcome.Accepted.class);
                assertThat(((IngestOutcome.Accepted) last).contestIds()).containsExactly(expected.id());

                Contest stored = store.latestDeclaration(expected.id(), Declaration.Stage.RESULT)
                        .map(d -> ((FeedMessage.Result) d.message()).contest())
                        .orElseThrow();
                assertThat(stored.electorate()).as(format.getKey()).isEqualTo(expected.electorate());
                assertThat(stored.validVotes()).as(format.getKey()).isEqualTo(expected.validVotes());
                assertThat(votes(stored)).as(format.getKey()).isEqualTo(votes(expected));
            }
        }
    }

    @Test
    void everyLocalExampleIsIngestedAsWrittenAndStoresTheLibrarysFiguresForTheWard() throws Exception {
        Map<String, List<Example>> byFormat = new LinkedHashMap<>();
        Matcher m = EXAMPLE.matcher(Files.readString(Path.of("docs/feeds.md")));
        while (m.find()) {
            if (DECLARES_LOCAL.containsKey(m.group(1))) {
                byFormat.computeIfAbsent(m.group(1), f -> new ArrayList<>())
                        .add(new Example(m.group(1), m.group(2), m.group(3)));
            }
        }
        assertThat(byFormat.keySet()).containsExactlyInAnyOrderElementsOf(DECLARES_LOCAL.keySet());
        org.resultsdesk.core.model.LocalArchive bundled = org.resultsdesk.feeds.LocalBundledData.load();
        java.time.LocalDate day = java.time.LocalDate.of(2025, 5, 1);
        for (Map.Entry<String, List<Example>> format : byFormat.entrySet()) {
            org.resultsdesk.core.model.LocalContest expected =
                    bundled.contest(DECLARES_LOCAL.get(format.getKey())).orElseThrow();
            Clock nightAfter = Clock.fixed(day.plusDays(1).atTime(3, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            // The night taken out, so the example is the only 2025 result the store and the archive have.
            org.resultsdesk.core.model.LiveLocalArchive live =
                    org.resultsdesk.core.model.LiveLocalArchive.of(bundled.without(day));
            ResultsArchive archive = TestData.archive();
            try (Database database = Database.sqlite(dir.resolve(format.getKey()))) {
                JdbiAlertStore store = new JdbiAlertStore(database);
                DeclarationIngest ingest = new DeclarationIngest(
                        FeedParsers.of(
                                Settings.from(Config.of(Map.of(), Map.of())).feeds(), archive, live),
                        new StoreFollower(store, archive, new RushBoard(), live),
                        store,
                        new AlertRouter(new JdbiSubscriptionStore(database, nightAfter)),
                        nightAfter,
                        () -> {});
                for (Example example : format.getValue()) {
                    IngestOutcome outcome = ingest.accept(new FeedFile(
                            example.name(), example.content().getBytes(StandardCharsets.UTF_8), Instant.now()));
                    assertThat(outcome)
                            .as(example.name())
                            .isInstanceOfSatisfying(
                                    IngestOutcome.Accepted.class,
                                    a -> assertThat(a.contestIds()).containsExactly(expected.id()));
                }
                org.resultsdesk.core.model.LocalContest stored = store.latestDeclaration(
                                expected.id(), Declaration.Stage.RESULT)
                        .map(d -> ((FeedMessage.LocalResult) d.message()).contest())
                        .orElseThrow();
                assertThat(stored.seats()).as(format.getKey()).isEqualTo(expected.seats());
                assertThat(stored.ward()).as(format.getKey()).isEqualTo(expected.ward());
                assertThat(localVotes(stored)).as(format.getKey()).isEqualTo(localVotes(expected));
                // Followed into the live archive, compared with what the bundled data compares it with.
                assertThat(live.get().contest(expected.id())).contains(stored);
                assertThat(live.get().previous(stored)).isEqualTo(bundled.previous(expected));
            }
        }
    }

    @Test
    void everyCouncilLevelExampleIsReadAsWrittenAndAgreesWithTheCouncilsResultOnFile() throws Exception {
        Matcher m = EXAMPLE.matcher(Files.readString(Path.of("docs/feeds.md")));
        List<Example> examples = new ArrayList<>();
        while (m.find()) {
            if (DECLARES_COUNCIL.containsKey(m.group(1))) {
                examples.add(new Example(m.group(1), m.group(2), m.group(3)));
            }
        }
        assertThat(examples).extracting(Example::format).containsExactlyElementsOf(DECLARES_COUNCIL.keySet());
        org.resultsdesk.core.model.LocalArchive bundled = org.resultsdesk.feeds.LocalBundledData.load();
        java.time.LocalDate day = java.time.LocalDate.of(2025, 5, 1);
        for (Example example : examples) {
            org.resultsdesk.core.model.Council council =
                    bundled.council(DECLARES_COUNCIL.get(example.format())).orElseThrow();
            org.resultsdesk.core.calc.CouncilResult onFile =
                    org.resultsdesk.core.calc.CouncilResult.of(bundled, council, day);
            FeedFile file =
                    new FeedFile(example.name(), example.content().getBytes(StandardCharsets.UTF_8), Instant.now());
            List<FeedMessage> read = FeedParsers.of(
                            Settings.from(Config.of(Map.of(), Map.of())).feeds(), TestData.archive(), () -> bundled)
                    .parse(file);
            assertThat(read).singleElement().isInstanceOfSatisfying(FeedMessage.CouncilTally.class, tally -> {
                assertThat(tally.council()).isEqualTo(council);
                assertThat(tally.date()).isEqualTo(day);
                assertThat(tally.revision()).isEqualTo(1);
                assertThat(tally.after()).isEqualTo(onFile.after().orElseThrow().seatsByParty());
                assertThat(tally.seatsWon()).isEqualTo(onFile.seatsWon());
                assertThat(tally.changes()).isEqualTo(onFile.change());
            });
            // Ingested as written: read and logged, never refused, and nothing stored in a ward's name.
            Clock nightAfter = Clock.fixed(day.plusDays(1).atTime(3, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            org.resultsdesk.core.model.LiveLocalArchive live = org.resultsdesk.core.model.LiveLocalArchive.of(bundled);
            try (Database database = Database.sqlite(dir.resolve(example.format()))) {
                JdbiAlertStore store = new JdbiAlertStore(database);
                DeclarationIngest ingest = new DeclarationIngest(
                        FeedParsers.of(
                                Settings.from(Config.of(Map.of(), Map.of())).feeds(), TestData.archive(), live),
                        new StoreFollower(store, TestData.archive(), new RushBoard(), live),
                        store,
                        new AlertRouter(new JdbiSubscriptionStore(database, nightAfter)),
                        nightAfter,
                        () -> {});
                assertThat(ingest.accept(file)).isInstanceOf(IngestOutcome.NothingNew.class);
                assertThat(store.pendingCount()).isZero();
            }
        }
    }

    /** "Clarke Con 1021 elected" for each candidate, in order of votes. */
    static List<String> localVotes(org.resultsdesk.core.model.LocalContest contest) {
        return contest.candidates().stream()
                .map(c -> c.familyName() + " " + c.party().code() + " " + c.votes() + (c.elected() ? " elected" : ""))
                .toList();
    }

    /** "Egan Lab 11176" for each candidate, in order of votes. */
    static List<String> votes(Contest contest) {
        return contest.candidates().stream()
                .map((Candidacy c) -> c.familyName() + " " + c.party().code() + " " + c.votes())
                .toList();
    }
}
