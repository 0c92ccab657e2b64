package org.resultsdesk.core.port;

import org.resultsdesk.core.model.ChatContext;

/** Remembers which inbound chat updates were processed, so a replayed update is answered once. */
public interface UpdateLedger {
    /** True the first time an update id is seen for a platform; false ever after, across restarts. */
    boolean firstSeen(ChatContext.Platform platform, String updateId);
}
