package org.resultsdesk.telegram;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The TelegramBots client on our shared OkHttp client, pointed at the configured Bot API. */
public final class TelegramClients {
    private TelegramClients() {}

    /**
     * Derives Telegram's HTTP client from the shared one: no silent retry of a request whose connection failed (it
     * may already have posted), and a read timeout longer than a long poll.
     */
    public static TelegramClient create(OkHttpClient shared, TelegramSettings settings) {
        return create(shared, settings, Duration.ofSeconds(40));
    }

    /**
     * For posting and editing: a call that has not finished in 12 s is given up (and reported as possibly posted),
     * well inside the half of a delivery claim's lease within which a send must end.
     */
    public static TelegramClient forSending(OkHttpClient shared, TelegramSettings settings) {
        return create(shared, settings, Duration.ofSeconds(12));
    }

    private static TelegramClient create(OkHttpClient shared, TelegramSettings settings, Duration timeout) {
        OkHttpClient http = shared.newBuilder()
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(timeout)
                .callTimeout(timeout)
                .build();
        TelegramUrl url = new TelegramUrl(
                settings.apiUrl().scheme(),
                settings.apiUrl().host(),
                settings.apiUrl().port(),
                false);
        return new OkHttpTelegramClient(http, settings.botToken(), url);
    }
}
