package org.resultsdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slack sends "&", "<" and ">" in slash-command text as entities; the core must see what was typed. */
class SlackCommandTextTest {

    @Test
    void entitiesAreDecodedBeforeParsing() {
        assertThat(SlackApp.commandText("/result", "brighton kemptown &amp; peacehaven"))
                .isEqualTo("/result brighton kemptown & peacehaven");
        assertThat(SlackApp.commandText("/quote", "national Jo Bloggs (Editor): \"Tom &amp; Jerry &lt;3 &gt;_&lt;\""))
                .isEqualTo("/quote national Jo Bloggs (Editor): \"Tom & Jerry <3 >_<\"");
        // decoded once: a typed "&amp;" arrives as "&amp;amp;" and stays "&amp;"
        assertThat(SlackApp.unescape("&amp;amp;")).isEqualTo("&amp;");
    }
}
