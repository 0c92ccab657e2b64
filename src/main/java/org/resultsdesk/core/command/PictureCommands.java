package org.resultsdesk.core.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.announce.AnnouncementFactory;
import org.resultsdesk.core.calc.ResultCalculator;
import org.resultsdesk.core.calc.ResultFigures;
import org.resultsdesk.core.cards.BoardCard;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Election;
import org.resultsdesk.core.model.Picture;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.seats.SeatDirectory;

/**
 * /chart and /board: a contest's result card and the night's board as pictures, with a short caption. Each picture
 * carries its content as text too, which the console prints.
 */
public final class PictureCommands implements CommandModule {
    private final ResultsArchive archive;
    private final ContestFinder finder;
    private final Scoreboard scoreboard;
    private final BoardCardFactory boards;
    private final Cards cards;
    private final ResultCalculator calculator = new ResultCalculator();
    private final AnnouncementFactory announcements = new AnnouncementFactory();
    private final PlainReplyRenderer plainReplies = new PlainReplyRenderer();

    private final Optional<CouncilCommand> councils;

    public PictureCommands(ResultsArchive archive, SeatDirectory seats, Cards cards) {
        this(archive, seats, cards, Optional.empty());
    }

    /** With councils: {@code /chart council <name> [year]} draws the council's declaration. */
    public PictureCommands(
            ResultsArchive archive, SeatDirectory seats, Cards cards, Optional<CouncilCommand> councils) {
        this.councils = councils;
        this.archive = archive;
        this.finder = new ContestFinder(archive, seats);
        this.scoreboard = new Scoreboard(archive, calculator);
        this.boards = new BoardCardFactory(archive, scoreboard);
        this.cards = cards;
    }

    @Override
    public Set<String> names() {
        return Set.of("chart", "board");
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        return line.name().equals("chart") ? chart(line.arguments()) : board(line.arguments());
    }

    @Override
    public String help() {
        return "/chart <seat> [election]  the result as a picture, ready to post\n"
                + (councils.isPresent()
                        ? "/chart council <name> [year]  a council's seats before and after, and control, as a picture\n"
                        : "")
                + "/board [election]  the night's board as a picture: seats, gains, losses, vote share"
                + (councils.isPresent()
                        ? "\n/board local [year]  a local election night as a picture: councillors and councils by"
                                + " party"
                        : "");
    }

    private Reply chart(List<String> arguments) {
        if (councils.isPresent() && !arguments.isEmpty() && arguments.get(0).equalsIgnoreCase("council")) {
            return councils.get()
                    .picture(CommandLine.parse("/council " + String.join(" ", arguments.subList(1, arguments.size()))));
        }
        ContestFinder.Found found = finder.find("chart", arguments);
        if (found.problem().isPresent()) {
            return found.problem().get();
        }
        Contest contest = found.contest().orElseThrow();
        ResultFigures figures = calculator.calculate(contest, archive.comparisonFor(contest));
        Announcement announcement = announcements.announce(figures);
        Picture picture = cards.resultCard(figures, announcement);
        return Reply.picture(picture, caption(announcement), List.of());
    }

    /** "Kingswood by-election, 15 Feb 2024: Labour GAIN from Conservative. Damien Egan (Lab) elected, ..." */
    public static String caption(Announcement announcement) {
        return announcement.headline() + ": " + announcement.verdict() + ". " + announcement.winnerLine() + ".";
    }

    private Reply board(List<String> arguments) {
        if (councils.isPresent() && !arguments.isEmpty() && arguments.get(0).equalsIgnoreCase("local")) {
            return councils.get().localBoard(arguments.subList(1, arguments.size()));
        }
        Optional<Election> election = scoreboard.general(arguments);
        if (election.isEmpty()) {
            return scoreboard.generalsOnly("The board", "board", arguments);
        }
        BoardCard board = boards.board(election.get());
        String alt = plainReplies.render(scoreboard.reply(arguments));
        Picture picture = cards.board(board, alt);
        return Reply.picture(
                picture,
                board.title() + ": " + board.declared() + " of " + board.houseSeats() + " seats declared",
                List.of());
    }
}
