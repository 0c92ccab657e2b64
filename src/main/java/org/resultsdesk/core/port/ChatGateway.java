package org.resultsdesk.core.port;

import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.SendLimits;

/** Sends to and edits in one chat platform. Implementations never throw for platform outcomes. */
public interface ChatGateway {
    ChatContext.Platform platform();

    /** The platform's send limits, which every send to it is paced by. */
    default SendLimits limits() {
        return SendLimits.NONE;
    }

    /** Sends a reply that goes in one message; the first part of one that does not. */
    default DeliveryResult send(String channelId, Reply reply) {
        return send(channelId, reply, 0);
    }

    /**
     * Sends part {@code part} of the reply, one message, and answers {@link DeliveryResult.PartSent} if more parts
     * follow: each part is a send of its own to the platform's limits, so the caller paces each.
     */
    DeliveryResult send(String channelId, Reply reply, int part);

    /** How many messages the reply takes on this platform. */
    default int parts(Reply reply) {
        return 1;
    }

    DeliveryResult edit(String channelId, String messageId, Reply reply);
}
