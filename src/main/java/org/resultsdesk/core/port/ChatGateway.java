package org.resultsdesk.core.port;

import org.resultsdesk.core.command.ChatContext;
import org.resultsdesk.core.command.Reply;
import org.resultsdesk.core.delivery.SendLimits;

/** Sends to and edits in one chat platform. Implementations never throw for platform outcomes. */
public interface ChatGateway {
    ChatContext.Platform platform();

    /** The platform's send limits, which every send to it is paced by. */
    default SendLimits limits() {
        return SendLimits.NONE;
    }

    DeliveryResult send(String channelId, Reply reply);

    /**
     * Sends a reply from its part {@code fromPart} on: what a retry of a {@link DeliveryResult.PartlyDelivered}
     * message does. Platforms that never split a reply need not override it.
     */
    default DeliveryResult send(String channelId, Reply reply, int fromPart) {
        return fromPart == 0
                ? send(channelId, reply)
                : new DeliveryResult.Rejected(platform() + " does not send replies in parts");
    }

    DeliveryResult edit(String channelId, String messageId, Reply reply);
}
