package org.resultsdesk.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** A Slack message: Block Kit blocks and the plain text that notifications and screen readers use. */
public record SlackMessage(String text, List<LayoutBlock> blocks) {}
