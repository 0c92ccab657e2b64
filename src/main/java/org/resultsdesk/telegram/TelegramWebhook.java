package org.resultsdesk.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook endpoint, mounted on the bot's own HTTP server. Telegram sends the secret given to setWebhook in the
 * X-Telegram-Bot-Api-Secret-Token header; a request without it, or with another, gets 401 and is not read further.
 * The comparison takes the same time however much of the secret matches.
 */
public final class TelegramWebhook implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhook.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final byte[] secret;
    private final TelegramBot bot;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public TelegramWebhook(String secret, TelegramBot bot) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.bot = bot;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                LOG.warn("rejected a webhook request without the right secret from {}", exchange.getRemoteAddress());
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Update update;
            try {
                update = mapper.readValue(exchange.getRequestBody(), Update.class);
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            bot.onUpdate(update);
            exchange.sendResponseHeaders(200, -1);
        }
    }
}
