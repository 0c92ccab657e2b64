package org.resultsdesk.core.command;

import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;

/** Answers one line of chat text typed by a person; what every chat adapter hands its messages to. */
@FunctionalInterface
public interface CommandHandler {
    Reply handle(String text, ChatContext context);
}
