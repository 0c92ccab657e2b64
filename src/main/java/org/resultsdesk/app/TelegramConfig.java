package org.resultsdesk.app;

import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.resultsdesk.telegram.TelegramSettings;

/** Reads the telegram.* keys; no token means Telegram is not used. */
final class TelegramConfig {
    private TelegramConfig() {}

    static Optional<TelegramSettings> settings(Config config) {
        Optional<String> token = config.get("telegram.bot-token");
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String username = config.get("telegram.bot-username")
                .orElseThrow(
                        () -> new IllegalArgumentException(
                                "configuration key telegram.bot-username (TELEGRAM_BOT_USERNAME) is required with a bot token"));
        String url = config.get("telegram.api-url", TelegramSettings.DEFAULT_API_URL.toString());
        HttpUrl apiUrl = Optional.ofNullable(HttpUrl.parse(url))
                .orElseThrow(() -> new IllegalArgumentException(
                        "configuration key telegram.api-url (TELEGRAM_API_URL) is not a URL: " + url));
        String mode = config.get("telegram.mode", "polling").toUpperCase(Locale.ROOT);
        if (!mode.equals("POLLING") && !mode.equals("WEBHOOK")) {
            throw new IllegalArgumentException("configuration key telegram.mode (TELEGRAM_MODE) must be polling or"
                    + " webhook, not " + mode.toLowerCase(Locale.ROOT));
        }
        return Optional.of(new TelegramSettings(
                token.get(),
                username,
                apiUrl,
                TelegramSettings.Mode.valueOf(mode),
                config.get("telegram.webhook-secret")));
    }
}
