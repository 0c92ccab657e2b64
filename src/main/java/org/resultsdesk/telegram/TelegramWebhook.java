package org.resultsdesk.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.resultsdesk.core.port.InboundEndpoint;
import org.resultsdesk.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook endpoint, served by the web adapter. Telegram sends the secret given to setWebhook in the
 * X-Telegram-Bot-Api-Secret-Token header; a request without it, or with another, gets 401 and is not read further.
 * The comparison takes the same time however much of the secret matches. A body that is not an update (malformed,
 * or JSON {@code null}) gets 400; the transport refuses one over its limit.
 */
public final class TelegramWebhook implements InboundEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhook.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final byte[] secret;
    private final TelegramBot bot;
    private final ObjectMapper mapper =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public TelegramWebhook(String secret, TelegramBot bot) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.bot = bot;
    }

    @Override
    public Optional<Answer> screen(Request request) {
        if (!request.method().equals("POST")) {
            return Optional.of(Answer.text(405, ""));
        }
        Optional<String> given = request.header(SECRET_HEADER);
        if (given.isEmpty() || !MessageDigest.isEqual(secret, given.get().getBytes(StandardCharsets.UTF_8))) {
            LOG.warn(
                    "rejected a webhook request without the right secret from {}",
                    LogSafe.escape(request.remoteAddress()));
            return Optional.of(Answer.text(401, ""));
        }
        return Optional.empty();
    }

    @Override
    public Answer handle(Request request, byte[] body) {
        Update update;
        try {
            update = mapper.readValue(body, Update.class);
        } catch (IOException e) {
            return Answer.text(400, "not an update");
        }
        if (update == null) {
            return Answer.text(400, "not an update");
        }
        bot.onUpdate(update);
        return Answer.text(200, "");
    }
}
