package org.resultsdesk.telegram;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.resultsdesk.core.model.AccountCheck;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Asks Telegram who the bot is (getMe): at start, to refuse a bad token at once, and for readiness. */
public final class TelegramAccount {
    private final TelegramClient client;

    public TelegramAccount(TelegramClient client) {
        this.client = client;
    }

    public AccountCheck check() {
        try {
            User me = client.execute(new GetMe());
            return new AccountCheck.Answered(me == null || me.getUserName() == null ? "?" : me.getUserName());
        } catch (TelegramApiRequestException e) {
            // Telegram answers 401 Unauthorized for a revoked or mistyped token, 404 Not Found for a malformed one.
            Integer code = e.getErrorCode();
            if (code != null && (code == 401 || code == 404)) {
                return new AccountCheck.Refused(code == 401 ? "unauthorised (401)" : "not found (404)");
            }
            return new AccountCheck.Unreachable(
                    "error " + code + (e.getApiResponse() == null ? "" : " " + e.getApiResponse()));
        } catch (TelegramApiException e) {
            return new AccountCheck.Unreachable(reason(e));
        } catch (RuntimeException e) {
            return new AccountCheck.Unreachable(reason(e));
        }
    }

    /** Says why a call got no answer in the words an operator searches for. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof SocketTimeoutException || t instanceof java.io.InterruptedIOException) {
                return "timed out";
            }
            if (t instanceof IOException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
