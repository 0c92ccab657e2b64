package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void environmentOverridesTheFileAndBlankMeansUnset() {
        Config config = Config.of(
                Map.of("telegram.bot-token", "from-file", "store.jdbc-url", ""),
                Map.of("TELEGRAM_BOT_TOKEN", "from-env"));
        assertThat(config.get("telegram.bot-token")).contains("from-env");
        assertThat(config.get("store.jdbc-url")).isEmpty();
        assertThat(config.with("store.jdbc-url", "jdbc:sqlite:x").get("store.jdbc-url"))
                .contains("jdbc:sqlite:x");
    }

    @Test
    void badValuesFailWithOneMessageNamingTheKeyAndItsVariable() {
        Config config = Config.of(
                Map.of("ops.port", "eighty", "slack.bot-token", "xoxb-1", "telegram.bot-token", "123:ABC"), Map.of());
        assertThatThrownBy(() -> config.getInt("ops.port", 8081))
                .hasMessage("configuration key ops.port (OPS_PORT) must be a whole number, not 'eighty'");
        assertThatThrownBy(() -> SlackConfig.settings(config))
                .hasMessageContaining("slack.signing-secret (SLACK_SIGNING_SECRET) is required");
        assertThatThrownBy(() -> TelegramConfig.settings(config))
                .hasMessageContaining("telegram.bot-username (TELEGRAM_BOT_USERNAME) is required");
    }

    @Test
    void secretsNeverAppearInWhatIsLogged() {
        Config config = Config.of(
                Map.of(
                        "telegram.bot-token",
                        "123456:SECRET-TOKEN",
                        "telegram.bot-username",
                        "Bot",
                        "telegram.mode",
                        "webhook",
                        "telegram.webhook-secret",
                        "webhook-secret-1234",
                        "slack.bot-token",
                        "xoxb-SECRET",
                        "slack.signing-secret",
                        "signing-SECRET",
                        "slack.app-token",
                        "xapp-SECRET"),
                Map.of());
        String logged = TelegramConfig.settings(config).orElseThrow() + " "
                + SlackConfig.settings(config).orElseThrow();

        assertThat(logged)
                .doesNotContain("SECRET")
                .doesNotContain("webhook-secret-1234")
                .contains("***");
    }
}
