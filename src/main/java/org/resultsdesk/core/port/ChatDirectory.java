package org.resultsdesk.core.port;

import org.resultsdesk.core.model.ChatContext;

/**
 * What a chat platform says about its chats: whether someone administers one, and whether the bot can post in it.
 * Each chat adapter supplies one; answers may be remembered briefly, and a question the platform cannot answer is
 * "no".
 */
public interface ChatDirectory {
    ChatContext.Platform platform();

    /** Whether the platform says this user administers the chat. */
    boolean administers(String chatId, String userId);

    /** Whether the bot can post in the chat, joining it first where the platform lets it. */
    default PostingAccess postingAccess(String chatId) {
        return PostingAccess.CAN_POST;
    }

    enum PostingAccess {
        CAN_POST,
        JOINED,
        NEEDS_INVITE
    }
}
