package org.resultsdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The democracyclub.* settings: off by default, the documented defaults, the key never shown, bad values named. */
class DemocracyClubSettingsTest {
    static Settings.DemocracyClub read(Map<String, String> environment) {
        return Settings.from(Config.of(Map.of(), environment)).democracyClub();
    }

    @Test
    void offByDefaultWithTheDocumentedDefaults() {
        Settings.DemocracyClub dc = read(Map.of());

        assertThat(dc.enabled()).isFalse();
        assertThat(dc.baseUrl()).hasToString("https://candidates.democracyclub.org.uk/api/next/");
        assertThat(dc.apiKey()).isEmpty();
        assertThat(dc.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(dc.quietInterval()).isEqualTo(Duration.ofSeconds(600));
        assertThat(dc.timeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void readFromTheEnvironmentTheKeyKeptOutOfItsPrintedForm() {
        Settings.DemocracyClub dc = read(Map.of(
                "DEMOCRACYCLUB_ENABLED", "true",
                "DEMOCRACYCLUB_BASE_URL", "http://127.0.0.1:9999/api/next",
                "DEMOCRACYCLUB_API_KEY", " secret-token-123 ",
                "DEMOCRACYCLUB_INTERVAL_SECONDS", "30"));

        assertThat(dc.enabled()).isTrue();
        assertThat(dc.baseUrl())
                .as("a slash added, so paths resolve under it")
                .hasToString("http://127.0.0.1:9999/api/next/");
        assertThat(dc.apiKey()).contains("secret-token-123");
        assertThat(dc.quietInterval()).isEqualTo(Duration.ofSeconds(600));
        assertThat(dc.toString()).doesNotContain("secret-token-123").contains("apiKey=***");
    }

    @Test
    void aBadValueStopsTheStartNamingItsKey() {
        assertThatThrownBy(() -> read(Map.of("DEMOCRACYCLUB_BASE_URL", "not a url")))
                .hasMessageContaining("democracyclub.base-url (DEMOCRACYCLUB_BASE_URL)");
        assertThatThrownBy(() -> read(Map.of("DEMOCRACYCLUB_ENABLED", "sometimes")))
                .hasMessageContaining("democracyclub.enabled (DEMOCRACYCLUB_ENABLED)");
        assertThatThrownBy(() -> read(
                        Map.of("DEMOCRACYCLUB_INTERVAL_SECONDS", "120", "DEMOCRACYCLUB_QUIET_INTERVAL_SECONDS", "60")))
                .hasMessageContaining("democracyclub.quiet-interval-seconds");
    }
}
