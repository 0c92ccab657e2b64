package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.core.port.FeedFile;

class FeedSourcesTest {
    @TempDir
    Path feed;

    MutableClock clock = new MutableClock(Instant.parse("2024-07-05T00:00:00Z"));
    List<FeedFile> received = new ArrayList<>();

    @Test
    void aFileIsReadOnlyOnceItHasSettledAndEachVersionOnce() throws Exception {
        DirectoryFeedSource source = new DirectoryFeedSource(feed, Duration.ofMillis(500), clock, received::add);
        Path file = feed.resolve("result_Kingswood_1.xml");
        Files.writeString(file, "<FirstPastThePostResult"); // the sync is still writing
        assertThat(source.scanOnce()).isZero();
        clock.advance(Duration.ofMillis(300));
        Files.writeString(file, "<FirstPastThePostResult revision=\"1\"/>");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-07-05T00:00:01Z")));
        assertThat(source.scanOnce()).as("changed since last look").isZero();
        clock.advance(Duration.ofMillis(400));
        assertThat(source.scanOnce()).as("not settled for 500 ms yet").isZero();
        clock.advance(Duration.ofMillis(200));
        assertThat(source.scanOnce()).isEqualTo(1);
        assertThat(new String(received.get(0).content())).isEqualTo("<FirstPastThePostResult revision=\"1\"/>");

        clock.advance(Duration.ofSeconds(5));
        assertThat(source.scanOnce()).as("delivered once").isZero();

        Files.writeString(file, "<FirstPastThePostResult revision=\"2\"/>");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-07-05T00:00:09Z")));
        source.scanOnce();
        clock.advance(Duration.ofSeconds(1));
        assertThat(source.scanOnce()).as("a new version is delivered").isEqualTo(1);
        assertThat(received).hasSize(2);
    }

    @Test
    void temporaryNamesAreIgnoredAndARenameIntoPlaceIsRead() throws Exception {
        DirectoryFeedSource source = new DirectoryFeedSource(feed, Duration.ofMillis(100), clock, received::add);
        Path partial = feed.resolve("result_Kingswood_1.xml.part");
        Files.writeString(partial, "<x/>");
        Files.writeString(feed.resolve(".hidden.xml"), "<x/>");
        Files.writeString(feed.resolve("result.tmp"), "<x/>");
        source.scanOnce();
        clock.advance(Duration.ofSeconds(1));
        assertThat(source.scanOnce()).isZero();

        Files.move(partial, feed.resolve("result_Kingswood_1.xml"), StandardCopyOption.ATOMIC_MOVE);
        source.scanOnce();
        clock.advance(Duration.ofSeconds(1));
        assertThat(source.scanOnce()).isEqualTo(1);
        assertThat(received).extracting(FeedFile::name).containsExactly("result_Kingswood_1.xml");
    }

    @Test
    void aFileRenamedIntoTheDirectoryIsReadWhenItAppearsAndOneWrittenInPlaceStillSettles() throws Exception {
        List<FeedFile> taken = java.util.Collections.synchronizedList(new ArrayList<>());
        // A settle interval and scan period no test waits out: only a change event can deliver a file here.
        try (DirectoryFeedSource source =
                new DirectoryFeedSource(feed, Duration.ofHours(1), clock, taken::add).start(Duration.ofHours(1))) {
            Files.writeString(feed.resolve("result_Bath_1.xml"), "<FirstPastThePostResult revision=\"1\"/>");
            Path partial = feed.resolve("result_Kingswood_1.xml.part");
            Files.writeString(partial, "<FirstPastThePostResult revision=\"1\"/>");
            Files.move(partial, feed.resolve("result_Kingswood_1.xml"), StandardCopyOption.ATOMIC_MOVE);

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !taken.isEmpty());
            assertThat(taken)
                    .as("renamed in: read at once; written in place: still settling")
                    .extracting(FeedFile::name)
                    .containsExactly("result_Kingswood_1.xml");
            assertThat(source.scanOnce())
                    .as("each delivered once; the one written in place waits to settle")
                    .isZero();
            assertThat(taken).hasSize(1);
        }
    }

    @Test
    void theFilesOneLookFindsAreHandedOverTogether() throws Exception {
        List<List<String>> batches = new ArrayList<>();
        List<String> open = new ArrayList<>();
        DirectoryFeedSource source = new DirectoryFeedSource(
                feed,
                Duration.ofMillis(100),
                clock,
                file -> open.add(file.name()),
                DirectoryFeedSource.DEFAULT_MAX_FILE_BYTES,
                batch -> {
                    open.clear();
                    batch.run();
                    batches.add(List.copyOf(open));
                });
        for (int i = 0; i < 3; i++) {
            Files.writeString(feed.resolve("result_" + i + ".xml"), "<x/>");
        }
        source.scanOnce();
        clock.advance(Duration.ofMillis(200));
        assertThat(source.scanOnce()).isEqualTo(3);
        assertThat(batches).as("two looks, two batches").hasSize(2);
        assertThat(batches.get(0)).as("the first found nothing settled").isEmpty();
        assertThat(batches.get(1)).containsExactlyInAnyOrder("result_0.xml", "result_1.xml", "result_2.xml");

        Path a = feed.resolve("result_a.xml");
        Path b = feed.resolve("result_b.xml");
        Files.writeString(a, "<a/>");
        Files.writeString(b, "<b/>");
        source.arrivedWhole(java.util.Set.of(a, b));
        assertThat(batches).hasSize(3);
        assertThat(batches.get(2)).containsExactlyInAnyOrder("result_a.xml", "result_b.xml");
    }

    @Test
    void thePollerUsesConditionalRequestsAndBacksOffAfterErrors() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body("<x revision=\"1\"/>")
                    .addHeader("ETag", "\"v1\"")
                    .addHeader("Last-Modified", "Fri, 05 Jul 2024 00:00:00 GMT")
                    .build());
            server.enqueue(new MockResponse.Builder().code(304).build());
            server.enqueue(new MockResponse.Builder().code(500).build());
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body("<x revision=\"2\"/>")
                    .build());
            HttpFeedPoller poller = new HttpFeedPoller(
                    new OkHttpClient(),
                    List.of(server.url("/feed/sop.xml")),
                    Duration.ofSeconds(1),
                    clock,
                    received::add);

            assertThat(poller.pollOnce()).isEqualTo(1);
            assertThat(received.get(0).name()).isEqualTo("sop.xml");
            assertThat(poller.pollOnce()).as("304: nothing new").isZero();
            server.takeRequest();
            RecordedRequest conditional = server.takeRequest();
            assertThat(conditional.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
            assertThat(conditional.getHeaders().get("If-Modified-Since")).isEqualTo("Fri, 05 Jul 2024 00:00:00 GMT");

            assertThat(poller.pollOnce()).as("500").isZero();
            assertThat(poller.pollOnce()).as("backing off: not even asked").isZero();
            assertThat(server.getRequestCount()).isEqualTo(3);
            clock.advance(HttpFeedPoller.BACK_OFF.ceiling(1));
            assertThat(poller.pollOnce()).isEqualTo(1);
            assertThat(new String(received.get(1).content())).contains("revision=\"2\"");
        }
    }

    @Test
    void aFileWhoseIngestFailedIsReadAgainAndOnlyThenMarkedDone() throws Exception {
        List<String> attempts = new ArrayList<>();
        DirectoryFeedSource source = new DirectoryFeedSource(feed, Duration.ofMillis(100), clock, f -> {
            attempts.add(f.name());
            if (attempts.size() < 3) {
                throw new IllegalStateException("database is down");
            }
        });
        Files.writeString(feed.resolve("result_1.tsv"), "E\tx");
        source.scanOnce();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(1));
            source.scanOnce();
        }
        assertThat(attempts)
                .as("read until the ingest went through, then never again")
                .containsExactly("result_1.tsv", "result_1.tsv", "result_1.tsv");
    }

    @Test
    void onlyRegularFilesInsideTheDirectoryUnderTheLimitAreRead() throws Exception {
        Path outside = Files.writeString(feed.getParent().resolve("outside-" + feed.getFileName() + ".xml"), "<x/>");
        try {
            DirectoryFeedSource source =
                    new DirectoryFeedSource(feed, Duration.ofMillis(100), clock, received::add, 1000);
            Files.createSymbolicLink(feed.resolve("link.xml"), outside);
            Files.createSymbolicLink(feed.resolve("passwd.xml"), Path.of("/etc/passwd"));
            Files.createDirectory(feed.resolve("folder.xml"));
            new ProcessBuilder("mkfifo", feed.resolve("pipe.xml").toString())
                    .start()
                    .waitFor();
            try (var big = new java.io.RandomAccessFile(feed.resolve("huge.xml").toFile(), "rw")) {
                big.setLength(3L * 1024 * 1024 * 1024); // sparse: costs nothing on disk
            }
            Files.writeString(feed.resolve("just-over.xml"), "x".repeat(1001));
            Files.writeString(feed.resolve("fine\nINFO forged line.xml"), "<x/>");
            source.scanOnce();
            clock.advance(Duration.ofSeconds(1));
            source.scanOnce();
            clock.advance(Duration.ofSeconds(1));
            source.scanOnce();

            assertThat(received).extracting(FeedFile::name).containsExactly("fine\nINFO forged line.xml");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void thePollerKeepsABodyUnseenUntilItsIngestWentThroughAndKeepsPollingAfterAnyException() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder()
                        .code(200)
                        .body("<x revision=\"1\"/>")
                        .addHeader("ETag", "\"v1\"")
                        .build());
            }
            List<Integer> attempts = new ArrayList<>();
            HttpFeedPoller poller = new HttpFeedPoller(
                    new OkHttpClient(), List.of(server.url("/feed/r.xml")), Duration.ofSeconds(1), clock, f -> {
                        attempts.add(attempts.size());
                        if (attempts.size() == 1) {
                            throw new IllegalStateException("database is down");
                        }
                    });
            assertThat(poller.pollOnce()).isZero();
            clock.advance(HttpFeedPoller.BACK_OFF.ceiling(1));
            assertThat(poller.pollOnce()).isEqualTo(1);
            server.takeRequest();
            assertThat(server.takeRequest().getHeaders().get("If-None-Match"))
                    .as("the failed body's ETag was not kept, so it came again whole")
                    .isNull();
            assertThat(poller.pollOnce()).isEqualTo(1);
            assertThat(server.takeRequest().getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
            assertThat(attempts).hasSize(3);
        }
    }
}
