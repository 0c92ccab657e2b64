package org.resultsdesk.core.port;

import org.resultsdesk.core.command.ChatContext;
import org.resultsdesk.core.command.Reply;

/** Sends to and edits in one chat platform. Implementations never throw for platform outcomes. */
public interface ChatGateway {
    ChatContext.Platform platform();

    DeliveryResult send(String channelId, Reply reply);

    DeliveryResult edit(String channelId, String messageId, Reply reply);
}
