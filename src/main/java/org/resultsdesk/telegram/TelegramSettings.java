package org.resultsdesk.telegram;

import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * How to reach Telegram: the bot's token and username, the Bot API base URL (Telegram's, or a newsroom's own local
 * Bot API server), and whether updates come by long polling or by webhook (with its secret).
 */
public record TelegramSettings(
        String botToken, String botUsername, HttpUrl apiUrl, Mode mode, Optional<String> webhookSecret) {
    public enum Mode {
        POLLING,
        WEBHOOK
    }

    public static final HttpUrl DEFAULT_API_URL = HttpUrl.get("https://api.telegram.org");

    public TelegramSettings {
        Objects.requireNonNull(botToken);
        Objects.requireNonNull(botUsername);
        Objects.requireNonNull(apiUrl);
        Objects.requireNonNull(mode);
        Objects.requireNonNull(webhookSecret);
        if (mode == Mode.WEBHOOK && webhookSecret.filter(s -> s.length() >= 16).isEmpty()) {
            throw new IllegalArgumentException("telegram.webhook-secret (TELEGRAM_WEBHOOK_SECRET) must be set, at least"
                    + " 16 characters, in webhook mode");
        }
    }

    @Override
    public String toString() {
        return "TelegramSettings[botUsername=" + botUsername + ", apiUrl=" + apiUrl + ", mode=" + mode
                + ", botToken=***, webhookSecret=" + (webhookSecret.isPresent() ? "***" : "none") + "]";
    }
}
