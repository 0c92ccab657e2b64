package org.resultsdesk.core.port;

import java.time.Instant;
import java.util.Optional;
import org.resultsdesk.core.model.ChannelRef;

/**
 * The message that later parts of a message sent in several reply to, by channel and a key naming the message, kept
 * in the store so that a part sent after a throttle, a restart or by another instance still threads under it.
 */
public interface ReplyThreads {
    void remember(ChannelRef channel, String key, String messageId, Instant at);

    Optional<String> messageId(ChannelRef channel, String key);

    /** Forgets threads started before {@code before}; returns how many. */
    int forgetBefore(Instant before);
}
