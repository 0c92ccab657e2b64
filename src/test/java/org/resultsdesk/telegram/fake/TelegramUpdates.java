package org.resultsdesk.telegram.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/** Updates as Telegram sends them: a text message from someone in a chat, or a button press. */
public final class TelegramUpdates {
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger(1);

    /** A text message; a negative chat id is a supergroup, a positive one a private chat. */
    public ObjectNode message(long chatId, long from, String text) {
        int id = ids.getAndIncrement();
        ObjectNode update = json.createObjectNode().put("update_id", id);
        ObjectNode m = update.putObject("message").put("message_id", id).put("date", 1_700_000_000).put("text", text);
        chat(m, chatId);
        m.putObject("from").put("id", from).put("is_bot", false).put("first_name", "Reporter");
        return update;
    }

    /** A press of the inline button carrying {@code data}, on a message in the chat. */
    public ObjectNode buttonPress(long chatId, long from, String data) {
        int id = ids.getAndIncrement();
        ObjectNode update = json.createObjectNode().put("update_id", id);
        ObjectNode q = update.putObject("callback_query").put("id", "cb" + id).put("chat_instance", "ci")
                .put("data", data);
        q.putObject("from").put("id", from).put("is_bot", false).put("first_name", "Reporter");
        chat(q.putObject("message").put("message_id", 1).put("date", 1_700_000_000), chatId);
        return update;
    }

    private static void chat(ObjectNode message, long chatId) {
        message.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
    }
}
