package org.resultsdesk.telegram;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.resultsdesk.core.text.LogSafe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * getUpdates, with each update deserialised on its own: TelegramBots' own GetUpdates reads the whole batch in one go,
 * so one update it cannot read (an id past 2^31 - 1, a chat id that is not a number, text given as an object) fails
 * the batch and polling never gets past it. Here such an update is skipped with a reason, the rest are handled, and
 * the offset (a long) moves past all of them.
 */
final class GetUpdatesOneByOne extends BotApiMethod<UpdateBatch> {
    @JsonProperty("offset")
    private final long offset;

    @JsonProperty("limit")
    private final int limit;

    @JsonProperty("timeout")
    private final int timeout;

    GetUpdatesOneByOne(long offset, int limit, int timeout) {
        this.offset = offset;
        this.limit = limit;
        this.timeout = timeout;
    }

    @Override
    public String getMethod() {
        return "getUpdates";
    }

    @Override
    public UpdateBatch deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = OBJECT_MAPPER.readTree(answer);
        } catch (IOException e) {
            throw new TelegramApiRequestException("Unable to deserialize response", e);
        }
        if (root == null
                || !root.path("ok").asBoolean(false)
                || !root.path("result").isArray()) {
            // Not a list of updates: let the library build the error it builds for any failed method.
            return deserializeResponseArray(answer, Update.class);
        }
        List<Update> updates = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        long next = offset;
        for (JsonNode raw : root.path("result")) {
            JsonNode id = raw.path("update_id");
            if (id.canConvertToLong()) {
                next = Math.max(next, id.asLong() + 1);
            }
            try {
                Update update = OBJECT_MAPPER.treeToValue(raw, Update.class);
                if (update == null || update.getUpdateId() == null) {
                    throw new IllegalArgumentException("no update_id");
                }
                updates.add(update);
            } catch (IOException | RuntimeException e) {
                String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                        ? j.getOriginalMessage()
                        : e.toString();
                unreadable.add("update " + LogSafe.escape(id.isValueNode() ? id.asText() : id.toString()) + ": "
                        + LogSafe.escape(reason));
            }
        }
        return new UpdateBatch(updates, unreadable, next);
    }
}
