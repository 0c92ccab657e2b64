package org.resultsdesk.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;

/** Slack's limits on a message's blocks, and well-formed mrkdwn: escaped &, <, > outside real links and mentions. */
public final class BlockKitRules {
    private static final Pattern RAW = Pattern.compile("<(?![@#!]|https?://)|&(?!(amp|lt|gt);)");

    private BlockKitRules() {}

    public static Optional<String> problem(JsonNode blocks) {
        if (!blocks.isArray()) {
            return Optional.of("invalid_blocks_format");
        }
        if (blocks.size() > 50) {
            return Optional.of("invalid_blocks: more than 50 blocks");
        }
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            JsonNode text = block.path("text");
            if (type.equals("header")
                    && (text.path("type").asText().equals("mrkdwn")
                            || text.path("text").asText().length() > 150)) {
                return Optional.of("invalid_blocks: header text must be plain_text of 150 characters at most");
            }
            if (type.equals("section") && text.path("text").asText().length() > 3000) {
                return Optional.of("invalid_blocks: section text longer than 3000 characters");
            }
            for (JsonNode t : block.findValues("text")) {
                if (t.path("type").asText().equals("mrkdwn")
                        && RAW.matcher(t.path("text").asText()).find()) {
                    return Optional.of("invalid_blocks: unescaped mrkdwn in \""
                            + t.path("text").asText() + "\"");
                }
            }
            if (type.equals("actions") && block.path("elements").size() > 25) {
                return Optional.of("invalid_blocks: more than 25 elements in actions");
            }
        }
        return Optional.empty();
    }
}
