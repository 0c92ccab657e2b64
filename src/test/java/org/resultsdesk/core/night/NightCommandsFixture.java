package org.resultsdesk.core.night;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.resultsdesk.TestData;
import org.resultsdesk.core.announce.PartyStyle;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.ResultAddenda;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.port.WatchListStore;
import org.resultsdesk.core.rights.MemoryAuditTrail;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;

/** A night desk over a private copy of the bundled archive, with an in-memory watch list. */
final class NightCommandsFixture {
    record Desk(ResultsArchive archive, Tonight tonight, CommandService commands) {}

    private NightCommandsFixture() {}

    static Desk desk(String electionId) {
        return desk(electionId, ExpectedTimes.NONE, Clock.fixed(Instant.parse("2029-08-15T21:00:00Z"), ZoneOffset.UTC));
    }

    static Desk desk(String electionId, ExpectedTimes times, Clock clock) {
        return desk(electionId, times, clock, new MemoryWatchList());
    }

    static Desk desk(String electionId, ExpectedTimes times, Clock clock, WatchListStore watches) {
        ResultsArchive archive = TestData.freshArchive();
        Tonight tonight = new Tonight(archive, Tonight.election(archive, electionId), times);
        SeatDirectory seats = new SeatDirectory(archive.seats());
        CommandService commands = new CommandService(
                archive,
                seats,
                new ContextAddenda(new ResultContext(tonight), ResultAddenda.NONE),
                modules(tonight, watches, seats, clock, new Rights(new MemoryAuditTrail(), clock)));
        return new Desk(archive, tonight, commands);
    }

    /** The night desk's command modules, registered in the order the application registers them. */
    static CommandModule[] modules(
            Tonight tonight, WatchListStore watches, SeatDirectory seats, Clock clock, Rights rights) {
        return new CommandModule[] {
            new DueCommand(tonight, watches, clock),
            new TargetsCommand(tonight),
            new SwingometerCommand(tonight),
            new RecordsCommand(tonight),
            new WatchListCommands(tonight, watches, seats, rights, clock)
        };
    }

    static String abbreviation(Contest contest) {
        return PartyStyle.of(contest.winner().party()).abbreviation();
    }

    static final class MemoryWatchList implements WatchListStore {
        private final List<Object[]> rows = new ArrayList<>();

        @Override
        public synchronized boolean add(ChannelRef channel, Watched seat) {
            if (rows.stream()
                    .anyMatch(
                            r -> r[0].equals(channel) && ((Watched) r[1]).gss().equals(seat.gss()))) {
                return false;
            }
            return rows.add(new Object[] {channel, seat});
        }

        @Override
        public synchronized boolean remove(ChannelRef channel, String gss) {
            return rows.removeIf(
                    r -> r[0].equals(channel) && ((Watched) r[1]).gss().equals(gss));
        }

        @Override
        public synchronized List<Watched> forChannel(ChannelRef channel) {
            return rows.stream()
                    .filter(r -> r[0].equals(channel))
                    .map(r -> (Watched) r[1])
                    .toList();
        }
    }
}
