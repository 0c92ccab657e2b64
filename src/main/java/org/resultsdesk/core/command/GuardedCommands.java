package org.resultsdesk.core.command;

import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The boundary every chat adapter hands its messages through: whatever one message makes the handler throw (an
 * exception, or an {@link Error} such as {@link StackOverflowError}) is logged once, answered with a polite
 * refusal, and goes no further, so no message can end the process or a polling thread.
 */
public final class GuardedCommands implements CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedCommands.class);
    static final String SORRY = "Sorry, I could not handle that message. Try /help.";

    private final CommandHandler handler;

    private GuardedCommands(CommandHandler handler) {
        this.handler = handler;
    }

    /** The handler behind the boundary; a handler already guarded is returned as it is. */
    public static CommandHandler guard(CommandHandler handler) {
        return handler instanceof GuardedCommands ? handler : new GuardedCommands(handler);
    }

    @Override
    public Reply handle(String text, ChatContext context) {
        try {
            return handler.handle(text, context);
        } catch (Throwable e) {
            return refuse(text, context, e);
        }
    }

    /** Logs what one message made fail and gives the refusal to send back; for adapters' own last-resort catches. */
    public static Reply refuse(String text, ChatContext context, Throwable e) {
        if (e instanceof StackOverflowError) {
            // Its thousand-frame trace says nothing the message does not; the message and the type say it all.
            LOG.error(
                    "message {} on {} in {} overflowed the stack",
                    LogSafe.escape(text),
                    context.platform(),
                    LogSafe.escape(context.channelId()));
        } else {
            LOG.error(
                    "message {} on {} in {} failed",
                    LogSafe.escape(text),
                    context.platform(),
                    LogSafe.escape(context.channelId()),
                    e);
        }
        return Reply.text(SORRY);
    }
}
