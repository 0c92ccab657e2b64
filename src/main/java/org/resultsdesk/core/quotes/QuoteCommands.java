package org.resultsdesk.core.quotes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Contest;
import org.resultsdesk.core.model.Quote;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.ResultsArchive;
import org.resultsdesk.core.port.QuoteStore;
import org.resultsdesk.core.rights.Decision;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.core.seats.SeatMatch;

/**
 * /quote to file, approve, reject and retract quote snippets; /quotes to list them and set approval. Anyone may file
 * a quote; deciding on one, listing those pending and switching approval act for the whole desk (a quote goes to
 * every channel following its seats), so they need desk rights, decided by {@link Rights}, and go into the audit.
 */
public final class QuoteCommands implements CommandModule {
    private static final String USAGE = "File a quote with /quote <seat> <speaker> (<role>): <words>, for example"
            + " /quote kingswood Keir Starmer (Labour leader): These are fantastic results."
            + " Use \"national\" instead of a seat for a national reaction, commas for several seats.";

    private final QuoteService service;
    private final QuoteStore quotes;
    private final QuoteParser parser;
    private final SeatDirectory seats;
    private final ResultsArchive archive;
    private final Rights rights;

    public QuoteCommands(
            QuoteService service, QuoteStore quotes, ResultsArchive archive, SeatDirectory seats, Rights rights) {
        this.service = service;
        this.rights = rights;
        this.quotes = quotes;
        this.parser = new QuoteParser(archive, seats);
        this.seats = seats;
        this.archive = archive;
    }

    @Override
    public Set<String> names() {
        return Set.of("quote", "quotes");
    }

    @Override
    public String help() {
        return "/quote <seat> <speaker>: <words>  file a quote for the desk\n"
                + "/quotes <seat>  approved quotes; /quotes pending, /quotes approval on|off  (desk editors)";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        List<String> args = line.arguments();
        String first = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
        if (line.name().equals("quotes")) {
            return switch (first) {
                case "" ->
                    Reply.text("Which seat? /quotes kingswood lists its approved quotes; editors can use"
                            + " /quotes pending.");
                case "pending" -> refusal(context, Action.PENDING).orElseGet(this::pending);
                case "approval" -> approval(args, context);
                default -> forSeat(line.argumentText());
            };
        }
        if (args.size() == 2 && Set.of("approve", "reject", "retract").contains(first)) {
            Action action = switch (first) {
                case "approve" -> Action.APPROVE;
                case "reject" -> Action.REJECT;
                default -> Action.RETRACT;
            };
            return refusal(context, action).orElseGet(() -> decide(action, args.get(1), context));
        }
        if (args.isEmpty()) {
            return Reply.text(USAGE);
        }
        return file(line.argumentText(), context);
    }

    private Reply file(String input, ChatContext context) {
        QuoteParser.Parsed parsed;
        try {
            parsed = parser.parse(input);
        } catch (IllegalArgumentException e) {
            return Reply.text(e.getMessage());
        }
        if (parsed.text().length() > Quote.MAX_TEXT_LENGTH) {
            return Reply.text("That quote is " + parsed.text().length() + " characters long; the desk takes up to "
                    + Quote.MAX_TEXT_LENGTH + ". Please trim it and file it again.");
        }
        QuoteService.Filed filed = service.file(
                parsed.speaker(),
                parsed.role(),
                parsed.text(),
                parsed.contests(),
                context.userId(),
                new ChannelRef(context.platform(), context.channelId()));
        Quote q = filed.quote();
        String about = q.isNational()
                ? "national reaction"
                : String.join(
                        ", ",
                        parsed.contests().stream().map(c -> c.seat().name()).toList());
        if (q.status() == Quote.Status.APPROVED) {
            return Reply.text("Quote #" + q.id() + " from " + q.attribution() + " (" + about + ") is out to "
                    + filed.cardsQueued() + " channel(s).");
        }
        return Reply.text(
                "Filed quote #" + q.id() + " from " + q.attribution() + " (" + about
                        + "). It goes out when an editor approves it.",
                List.of(
                        new Reply.Suggestion("Approve #" + q.id(), "/quote approve " + q.id()),
                        new Reply.Suggestion("Reject #" + q.id(), "/quote reject " + q.id())));
    }

    private Reply decide(Action action, String idText, ChatContext context) {
        String verb = action.name().toLowerCase(Locale.ROOT);
        long id;
        try {
            id = Long.parseLong(idText.replace("#", ""));
        } catch (NumberFormatException e) {
            return Reply.text("Which quote? Give its number, e.g. /quote " + verb + " 12.");
        }
        Optional<Quote> quote = quotes.find(id);
        if (quote.isEmpty()) {
            return Reply.text("There is no quote #" + id + ".");
        }
        String who = quote.get().attribution();
        String editor = context.who();
        Reply reply = switch (action) {
            case APPROVE ->
                service.approve(id, editor)
                        .map(n -> Reply.text(
                                "Approved quote #" + id + " from " + who + "; it is going to " + n + " channel(s)."))
                        .orElse(null);
            case REJECT ->
                service.reject(id, editor) ? Reply.text("Rejected quote #" + id + " from " + who + ".") : null;
            default ->
                service.retract(id, editor)
                        .map(n -> Reply.text(
                                "Retracted quote #" + id + " from " + who + "; " + n + " posted card(s) will say so."))
                        .orElse(null);
        };
        if (reply == null) {
            return Reply.text("Quote #" + id + " is " + status(quote.get())
                    + (action == Action.RETRACT
                            ? "; only approved quotes can be retracted."
                            : ", not waiting for approval."));
        }
        rights.record(context, action, "quote #" + id + " from " + who);
        return reply;
    }

    private Reply pending() {
        List<Quote> waiting = quotes.pending();
        if (waiting.isEmpty()) {
            return Reply.text("No quotes are waiting for approval.");
        }
        StringBuilder text = new StringBuilder("Waiting for approval:");
        waiting.forEach(q -> text.append("\n#")
                .append(q.id())
                .append(' ')
                .append(q.attribution())
                .append(": “")
                .append(q.text().length() > 120 ? q.text().substring(0, 120) + "…" : q.text())
                .append('”'));
        return Reply.text(
                text.toString(),
                waiting.stream()
                        .limit(10)
                        .map(q -> new Reply.Suggestion("Approve #" + q.id(), "/quote approve " + q.id()))
                        .toList());
    }

    private Reply approval(List<String> args, ChatContext context) {
        ChannelRef channel = new ChannelRef(context.platform(), context.channelId());
        if (args.size() != 2 || !Set.of("on", "off").contains(args.get(1).toLowerCase(Locale.ROOT))) {
            return Reply.text("Approval is " + (quotes.approvalRequired(channel) ? "on" : "off")
                    + " in this channel. Change it with /quotes approval on or /quotes approval off.");
        }
        Optional<Reply> refused = refusal(context, Action.APPROVAL_SWITCH);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean on = args.get(1).equalsIgnoreCase("on");
        quotes.setApprovalRequired(channel, on);
        rights.record(context, Action.APPROVAL_SWITCH, (on ? "on" : "off") + " for quotes filed in " + channel);
        return Reply.text(
                on
                        ? "Quotes filed here now wait for an editor's approval."
                        : "Quotes filed here now go out without approval.");
    }

    private Reply forSeat(String query) {
        SeatMatch match = seats.find(query);
        if (!(match instanceof SeatMatch.Found found)) {
            return Reply.text("I don't know a seat called \"" + query + "\". Try /seats.");
        }
        List<Contest> contests = archive.contestsIn(found.seats());
        List<Quote> approved = contests.isEmpty()
                ? List.of()
                : quotes.approvedFor(contests.get(0).id());
        if (approved.isEmpty()) {
            return Reply.text("No approved quotes for " + found.name() + " yet.");
        }
        StringBuilder text = new StringBuilder("Quotes for " + found.name() + ":");
        approved.forEach(q -> text.append("\n#")
                .append(q.id())
                .append(" “")
                .append(q.text())
                .append("” — ")
                .append(q.attribution()));
        return Reply.text(text.toString());
    }

    private static String status(Quote q) {
        return q.status().name().toLowerCase(Locale.ROOT);
    }

    private Optional<Reply> refusal(ChatContext context, Action action) {
        return rights.decide(context, action) instanceof Decision.Refused refused
                ? Optional.of(Reply.text(refused.message()))
                : Optional.empty();
    }
}
