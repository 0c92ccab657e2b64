package org.resultsdesk.telegram.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Updates as Telegram sends them: a text message from someone in a chat (or edited), a message from a group's
 * anonymous administrator, a channel post, or a button press.
 */
public final class TelegramUpdates {
    private final ObjectMapper json = new ObjectMapper();
    /** The user Telegram names as the sender of anonymous administrators' messages. */
    public static final long GROUP_ANONYMOUS_BOT = 1_087_968_824L;

    private final AtomicInteger ids = new AtomicInteger(1);

    /** A text message; a negative chat id is a supergroup, a positive one a private chat. */
    public ObjectNode message(long chatId, long from, String text) {
        int id = ids.getAndIncrement();
        ObjectNode update = json.createObjectNode().put("update_id", id);
        ObjectNode m = update.putObject("message")
                .put("message_id", id)
                .put("date", 1_700_000_000)
                .put("text", text);
        chat(m, chatId);
        m.putObject("from").put("id", from).put("is_bot", false).put("first_name", "User " + from);
        return update;
    }

    /** A message edited into {@code text}: Telegram sends it as edited_message. */
    public ObjectNode edited(long chatId, long from, String text) {
        ObjectNode update = message(chatId, from, text);
        update.set("edited_message", update.remove("message"));
        ((ObjectNode) update.get("edited_message")).put("edit_date", 1_700_000_100);
        return update;
    }

    /** A message from an anonymous administrator: from GroupAnonymousBot, sent as the group itself. */
    public ObjectNode fromAnonymousAdmin(long groupId, String text) {
        ObjectNode update = message(groupId, GROUP_ANONYMOUS_BOT, text);
        ObjectNode m = (ObjectNode) update.get("message");
        m.putObject("from")
                .put("id", GROUP_ANONYMOUS_BOT)
                .put("is_bot", true)
                .put("first_name", "Group")
                .put("username", "GroupAnonymousBot");
        m.putObject("sender_chat").put("id", groupId).put("type", "supergroup").put("title", "Newsroom " + groupId);
        return update;
    }

    /** A message in a group sent as another chat (a linked channel's post, or a user posting as their channel). */
    public ObjectNode sentAsChat(long groupId, long senderChatId, String text) {
        ObjectNode update = fromAnonymousAdmin(groupId, text);
        ((ObjectNode) update.get("message"))
                .putObject("sender_chat")
                .put("id", senderChatId)
                .put("type", "channel")
                .put("title", "Channel " + senderChatId);
        return update;
    }

    /** A post in a broadcast channel: only its administrators can post, and each post is sent as the channel. */
    public ObjectNode channelPost(long channelId, String text) {
        int id = ids.getAndIncrement();
        ObjectNode update = json.createObjectNode().put("update_id", id);
        ObjectNode m = update.putObject("channel_post")
                .put("message_id", id)
                .put("date", 1_700_000_000)
                .put("text", text);
        m.putObject("chat").put("id", channelId).put("type", "channel").put("title", "Alerts " + channelId);
        m.putObject("sender_chat").put("id", channelId).put("type", "channel").put("title", "Alerts " + channelId);
        return update;
    }

    /** A press of the inline button carrying {@code data}, on a message in the chat. */
    public ObjectNode buttonPress(long chatId, long from, String data) {
        int id = ids.getAndIncrement();
        ObjectNode update = json.createObjectNode().put("update_id", id);
        ObjectNode q = update.putObject("callback_query")
                .put("id", "cb" + id)
                .put("chat_instance", "ci")
                .put("data", data);
        q.putObject("from").put("id", from).put("is_bot", false).put("first_name", "User " + from);
        chat(q.putObject("message").put("message_id", 1).put("date", 1_700_000_000), chatId);
        return update;
    }

    private static void chat(ObjectNode message, long chatId) {
        message.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
    }
}
