package org.resultsdesk.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import org.resultsdesk.core.model.AccountCheck;

/** Asks Slack who the bot is (auth.test): at start, to refuse a bad token at once, and for readiness. */
public final class SlackAccount {
    /** The auth.test errors that mean the token itself is wrong, not that Slack is unwell. */
    private static final Set<String> REFUSALS =
            Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission");

    private final MethodsClient methods;

    public SlackAccount(MethodsClient methods) {
        this.methods = methods;
    }

    public AccountCheck check() {
        try {
            AuthTestResponse answer = methods.authTest(r -> r);
            if (answer.isOk()) {
                return new AccountCheck.Answered(answer.getUser() == null ? "?" : answer.getUser());
            }
            if (REFUSALS.contains(answer.getError())) {
                return new AccountCheck.Refused("unauthorised (" + answer.getError() + ")");
            }
            return new AccountCheck.Unreachable(String.valueOf(answer.getError()));
        } catch (SlackApiException e) {
            return e.getResponse().code() == 401
                    ? new AccountCheck.Refused("unauthorised (401)")
                    : new AccountCheck.Unreachable("HTTP " + e.getResponse().code());
        } catch (IOException | RuntimeException e) {
            return new AccountCheck.Unreachable(reason(e));
        }
    }

    private static String reason(Throwable e) {
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
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
