package org.resultsdesk.core.command;

import java.util.Set;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;

/** A group of commands added to the core set (subscriptions, quotes), each handled by name. */
public interface CommandModule {
    Set<String> names();

    Reply handle(CommandLine line, ChatContext context);

    /** Lines for /help. */
    String help();
}
