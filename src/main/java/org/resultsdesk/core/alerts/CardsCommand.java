package org.resultsdesk.core.alerts;

import java.util.Set;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.ChannelCards;
import org.resultsdesk.core.rights.Decision;
import org.resultsdesk.core.rights.Rights;

/**
 * /cards on|off: this channel's alerts as pictures (a result card with its caption) or as text. Changing it takes the
 * channel's rights, as subscribing does ({@link Rights}); anyone may ask which it is.
 */
public final class CardsCommand implements CommandModule {
    private final ChannelCards cards;
    private final Rights rights;

    public CardsCommand(ChannelCards cards, Rights rights) {
        this.cards = cards;
        this.rights = rights;
    }

    @Override
    public Set<String> names() {
        return Set.of("cards");
    }

    @Override
    public String help() {
        return "/cards on|off  this channel's alerts as pictures or as text (editors)";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        ChannelRef channel = new ChannelRef(context.platform(), context.channelId());
        String choice =
                line.arguments().isEmpty() ? "" : line.arguments().get(0).toLowerCase(java.util.Locale.ROOT);
        if (!choice.equals("on") && !choice.equals("off")) {
            return Reply.text("Alerts in this channel come as " + (cards.cardsOn(channel) ? "pictures" : "text")
                    + ". Editors can change it with /cards on or /cards off.");
        }
        if (rights.decide(context, Action.CARDS, channel) instanceof Decision.Refused refused) {
            return Reply.text(refused.message());
        }
        boolean on = choice.equals("on");
        cards.setCards(channel, on);
        rights.record(context, Action.CARDS, choice);
        return Reply.text(
                on
                        ? "Alerts in this channel will come as pictures: a result card with a short caption."
                                + " Digests stay text."
                        : "Alerts in this channel will come as text.");
    }
}
