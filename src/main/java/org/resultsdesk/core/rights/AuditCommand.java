package org.resultsdesk.core.rights;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandModule;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.AuditEntry;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;

/** /audit for desk editors: the latest editorial actions, newest first. */
public final class AuditCommand implements CommandModule {
    public static final int SHOWN = 20;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

    private final Rights rights;

    public AuditCommand(Rights rights) {
        this.rights = rights;
    }

    @Override
    public Set<String> names() {
        return Set.of("audit");
    }

    @Override
    public String help() {
        return "/audit  the latest " + SHOWN + " editorial actions: who changed what, where and when (desk editors)";
    }

    @Override
    public Reply handle(CommandLine line, ChatContext context) {
        if (rights.decide(context, Action.AUDIT) instanceof Decision.Refused refused) {
            return Reply.text(refused.message());
        }
        List<AuditEntry> entries = rights.latest(SHOWN);
        if (entries.isEmpty()) {
            return Reply.text("No editorial actions yet.");
        }
        StringBuilder text = new StringBuilder("Latest editorial actions (UTC):");
        for (AuditEntry e : entries) {
            text.append('\n')
                    .append(TIME.format(e.at()))
                    .append("  ")
                    .append(e.userName().isEmpty() ? "user " + e.userId() : e.userName())
                    .append(" (")
                    .append(e.askedIn().platform().name().toLowerCase(Locale.ROOT))
                    .append(' ')
                    .append(e.userId())
                    .append(") ")
                    .append(e.action().pastTense())
                    .append(' ')
                    .append(e.detail())
                    .append(", in ")
                    .append(e.askedIn());
        }
        return Reply.text(text.toString());
    }
}
