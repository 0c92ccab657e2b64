package org.resultsdesk.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.resultsdesk.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook endpoint, mounted on a {@link WebServer} path. Telegram sends the secret given to setWebhook in the
 * X-Telegram-Bot-Api-Secret-Token header; a request without it, or with another, gets 401 and is not read further.
 * The comparison takes the same time however much of the secret matches. A body over the limit gets 413, one that is
 * not an update (malformed, or JSON {@code null}) 400.
 */
public final class TelegramWebhook extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhook.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final byte[] secret;
    private final TelegramBot bot;
    private final long maxBodyBytes;
    private final ObjectMapper mapper =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public TelegramWebhook(String secret, TelegramBot bot, long maxBodyBytes) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.bot = bot;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!request.getMethod().equals("POST")) {
            return WebServer.refuseUnread(response, callback, 405, "");
        }
        String given = request.getHeaders().get(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("rejected a webhook request without the right secret from {}", WebServer.remote(request));
            return WebServer.refuseUnread(response, callback, 401, "");
        }
        Update update;
        try {
            update = mapper.readValue(WebServer.readBody(request, maxBodyBytes), Update.class);
        } catch (WebServer.BodyTooLarge e) {
            LOG.warn("refused a webhook request from {}: {}", WebServer.remote(request), e.getMessage());
            return WebServer.refuseUnread(response, callback, 413, "request too large");
        } catch (IOException e) {
            return WebServer.send(response, callback, 400, "text/plain", "not an update");
        }
        if (update == null) {
            return WebServer.send(response, callback, 400, "text/plain", "not an update");
        }
        bot.onUpdate(update);
        return WebServer.send(response, callback, 200, "text/plain", "");
    }
}
