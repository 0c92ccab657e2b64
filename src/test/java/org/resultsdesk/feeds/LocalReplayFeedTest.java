package org.resultsdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsdesk.core.model.FeedMessage;
import org.resultsdesk.core.model.LocalArchive;
import org.resultsdesk.core.model.LocalContest;
import org.resultsdesk.core.port.FeedFile;

/**
 * {@code replay local 2025}: the 1 May 2025 councils, one file each, spread over the night at invented times, and
 * every ward read back through the Democracy Club CSV parser as the bundled data has it (against the archive with the
 * night taken out, as the rehearsal runs).
 */
class LocalReplayFeedTest {
    static final LocalDate DAY = LocalDate.of(2025, 5, 1);

    @Test
    void everyCouncilIsOneFileAtAnInventedTimeAndEveryWardReadsBackAsBundled() throws Exception {
        LocalArchive full = LocalBundledData.load();
        List<LocalContest> night = full.contests().stream()
                .filter(c -> c.ballot().date().equals(DAY) && !c.ballot().byElection())
                .toList();
        LocalReplayFeed replay = new LocalReplayFeed(
                DAY, full.contests(), 1_000_000, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), d -> {});

        assertThat(replay.size()).isEqualTo(full.councilsVotingOn(DAY).size());
        assertThat(replay.wards()).isEqualTo(night.size());
        // 11pm BST on polling day to 6pm BST the next day, evenly.
        assertThat(replay.firstDeclared()).isEqualTo(Instant.parse("2025-05-01T22:00:00Z"));
        assertThat(replay.councils().get(replay.size() - 1).at()).isEqualTo(Instant.parse("2025-05-02T17:00:00Z"));
        Duration step = Duration.between(
                replay.councils().get(0).at(), replay.councils().get(1).at());
        assertThat(Duration.between(
                        replay.councils().get(1).at(), replay.councils().get(2).at()))
                .isEqualTo(step);

        List<FeedFile> files = new ArrayList<>();
        assertThat(replay.play(files::add)).isEqualTo(replay.size());
        LocalArchive before = full.without(DAY);
        DemocracyClubCsvFeedParser parser = new DemocracyClubCsvFeedParser(
                new org.resultsdesk.core.model.LiveLocalArchive(() -> before, java.util.Optional.of(() -> full)));
        List<LocalContest> read = new ArrayList<>();
        for (FeedFile file : files) {
            for (FeedMessage m : parser.parse(file)) {
                read.add(((FeedMessage.LocalResult) m).contest());
            }
        }
        assertThat(read).hasSize(night.size());
        for (LocalContest back : read) {
            LocalContest bundled = full.contest(back.id()).orElseThrow();
            assertThat(back.ward()).as(back.id()).isEqualTo(bundled.ward());
            assertThat(back.seats()).as(back.id()).isEqualTo(bundled.seats());
            assertThat(back.electorate()).as(back.id()).isEqualTo(bundled.electorate());
            assertThat(back.turnout()).as(back.id()).isEqualTo(bundled.turnout());
            assertThat(figures(back)).as(back.id()).isEqualTo(figures(bundled));
        }
    }

    static List<String> figures(LocalContest contest) {
        return contest.candidates().stream()
                .map(c -> c.displayName() + "|" + c.party().code() + "|" + c.votes() + "|" + c.elected())
                .toList();
    }
}
