package org.resultsdesk.app;

import org.resultsdesk.core.model.AccountCheck;

/**
 * Start-up's answer to a chat platform's account check: a refused token is a bad setting (exit code 2), an API that
 * cannot be reached is {@link Unreachable} (exit code 4); each is one line naming the key and what to do.
 */
final class PlatformAccounts {
    /** How one platform names its keys and where its token comes from. */
    record Platform(String name, String tokenKey, String urlKey, String tokenAdvice) {}

    static final Platform TELEGRAM = new Platform(
            "Telegram", "telegram.bot-token", "telegram.api-url", "copy the bot's token from @BotFather (/mybots)");
    static final Platform SLACK = new Platform(
            "Slack",
            "slack.bot-token",
            "slack.api-url",
            "copy the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page");

    /** The platform's API did not answer at start. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    private PlatformAccounts() {}

    static void require(AccountCheck check, Platform platform, String url) {
        if (check instanceof AccountCheck.Refused refused) {
            throw new IllegalArgumentException("configuration key " + platform.tokenKey() + " ("
                    + Config.envName(platform.tokenKey()) + ") was refused by " + platform.name() + ": "
                    + refused.reason() + "; " + platform.tokenAdvice());
        }
        if (check instanceof AccountCheck.Unreachable unreachable) {
            throw new Unreachable(platform.name() + " at " + url + " (" + platform.urlKey() + ", "
                    + Config.envName(platform.urlKey()) + ") cannot be reached: " + unreachable.reason()
                    + "; check the URL and the network, then start again");
        }
    }
}
