package org.resultsdesk.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.resultsdesk.TestData;
import org.resultsdesk.core.model.Candidacy;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.ElectionKind;
import org.resultsdesk.feeds.BundledFeedParser;

/**
 * A general election that is not in the bundled data, held today on the 2024 boundaries: each seat's 2024 result
 * with a few thousand votes moved from its winner to its runner-up, so some seats change hands. Nothing about it can
 * be answered by reading the bundled data; only the feed path knows it.
 */
final class FutureElection {
    final Election election;
    final List<Contest> contests;

    FutureElection(int seats) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        this.election = new Election("parl." + today, ElectionKind.GENERAL, today);
        this.contests = TestData.archive().contestsOf("parl.2024-07-04").stream()
                .filter(c -> c.candidates().size() >= 2)
                .limit(seats)
                .map(c -> moved(c, 1500 + c.seat().gss().hashCode() % 1000))
                .toList();
    }

    private Contest moved(Contest c, int votes) {
        List<Candidacy> candidates = new ArrayList<>(c.candidates());
        Candidacy first = candidates.get(0);
        Candidacy second = candidates.get(1);
        int moved = Math.min(Math.abs(votes), first.votes() - 1);
        candidates.set(0, new Candidacy(first.givenName(), first.familyName(), first.party(), first.votes() - moved));
        candidates.set(
                1, new Candidacy(second.givenName(), second.familyName(), second.party(), second.votes() + moved));
        return new Contest(
                election,
                c.seat(),
                c.electorate(),
                c.validVotes(),
                c.invalidVotes(),
                Optional.of(Instant.now()),
                candidates);
    }

    /** A corrected count: {@code votes} more moved from the winner to the runner-up. */
    Contest recounted(Contest c, int votes) {
        List<Candidacy> candidates = new ArrayList<>(c.candidates());
        Candidacy first = candidates.get(0);
        Candidacy second = candidates.get(1);
        candidates.set(0, new Candidacy(first.givenName(), first.familyName(), first.party(), first.votes() - votes));
        candidates.set(
                1, new Candidacy(second.givenName(), second.familyName(), second.party(), second.votes() + votes));
        return new Contest(
                election, c.seat(), c.electorate(), c.validVotes(), c.invalidVotes(), c.declaredAt(), candidates);
    }

    /** "Kingswood, general election 25 Nov 2026": how its announcements head each result. */
    String headline(Contest c) {
        return c.seat().name() + headlineSuffix();
    }

    String headlineSuffix() {
        return ", general election " + election.date().format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK));
    }

    static int majority(Contest c) {
        return c.candidates().get(0).votes() - c.candidates().get(1).votes();
    }

    /** As a feed sync does it: written under a temporary name, then renamed into place. */
    static void land(Path inbox, Contest contest, int revision) throws Exception {
        String name = contest.seat().gss() + "_" + revision + ".tsv";
        Path partial = inbox.resolve(name + ".part");
        Files.writeString(partial, BundledFeedParser.write(contest), StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
