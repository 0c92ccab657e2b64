package org.resultsdesk.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import org.resultsdesk.core.announce.PlainTextRenderer;
import org.resultsdesk.core.announce.TextTable;
import org.resultsdesk.core.command.PlainReplyRenderer;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.Reply;

/**
 * A reply as Block Kit: a header, the verdict and winner in bold, the candidate table preformatted so it lines up,
 * swing and turnout as context, buttons for suggestions. Every dynamic string has mrkdwn's three characters escaped;
 * sections stay under 3,000 characters and messages under 50 blocks. The {@code text} fallback is the plain reply,
 * escaped the same way: Slack notifies from that field, so {@code <!channel>}, {@code <@U123>} or {@code <url|text>}
 * typed by anyone must arrive there as inert text too. {@link #escape} is the one escaping function for Slack.
 */
public final class SlackBlockKitRenderer {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_HEADER = 150;
    static final String ACTION_PREFIX = "rd_cmd_";

    public SlackMessage render(Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.AnnouncementPart a) {
                announcement(a.announcement(), blocks);
            } else if (part instanceof Reply.Text t) {
                sections(escape(t.text()), blocks);
            } else if (part instanceof Reply.Table table) {
                if (!table.title().isEmpty()) {
                    sections("*" + escape(table.title()) + "*", blocks);
                }
                preformatted(TextTable.lines(table.rows()), blocks);
            }
        }
        if (!reply.suggestions().isEmpty()) {
            List<BlockElement> buttons = new ArrayList<>();
            for (int i = 0; i < reply.suggestions().size() && i < 25; i++) {
                Reply.Suggestion s = reply.suggestions().get(i);
                buttons.add(ButtonElement.builder()
                        .actionId(ACTION_PREFIX + i)
                        .text(PlainTextObject.builder()
                                .text(clip(s.label(), 75))
                                .build())
                        .value(clip(s.command(), 2000))
                        .build());
            }
            blocks.add(ActionsBlock.builder().elements(buttons).build());
        }
        List<LayoutBlock> limited =
                blocks.size() > MAX_BLOCKS ? new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1)) : blocks;
        if (limited != blocks) {
            limited.add(section("_…more than Slack can show in one message; ask for less._"));
        }
        return new SlackMessage(clip(escape(clip(plain(reply), 39_000)), 39_000), limited);
    }

    /** The reply as plain text, unescaped: {@link #render} escapes it for the {@code text} field. */
    public static String plain(Reply reply) {
        return new PlainReplyRenderer().render(reply).strip();
    }

    private static void announcement(Announcement a, List<LayoutBlock> blocks) {
        blocks.add(HeaderBlock.builder()
                .text(PlainTextObject.builder()
                        .text(clip(a.headline(), MAX_HEADER))
                        .build())
                .build());
        blocks.add(section("*" + escape(a.verdict()) + "*\n" + escape(a.winnerLine())));
        preformatted(PlainTextRenderer.rows(a), blocks);
        List<String> context = new ArrayList<>();
        context.add(a.swingAndTurnout());
        context.addAll(a.notes());
        blocks.add(ContextBlock.builder()
                .elements(List.of(MarkdownTextObject.builder()
                        .text(escape(String.join("\n", context)))
                        .build()))
                .build());
    }

    /** Lines in code blocks, split so no section passes Slack's limit. */
    private static void preformatted(List<String> lines, List<LayoutBlock> blocks) {
        StringBuilder chunk = new StringBuilder();
        for (String line : lines) {
            String escaped = escape(clip(line, MAX_SECTION - 10));
            if (chunk.length() + escaped.length() + 8 > MAX_SECTION) {
                blocks.add(section("```" + chunk + "```"));
                chunk.setLength(0);
            }
            chunk.append(chunk.length() == 0 ? "" : "\n").append(escaped);
        }
        if (chunk.length() > 0) {
            blocks.add(section("```" + chunk + "```"));
        }
    }

    private static void sections(String text, List<LayoutBlock> blocks) {
        StringBuilder chunk = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String l = clip(line, MAX_SECTION - 1);
            if (chunk.length() + l.length() + 1 > MAX_SECTION) {
                blocks.add(section(chunk.toString()));
                chunk.setLength(0);
            }
            chunk.append(chunk.length() == 0 ? "" : "\n").append(l);
        }
        if (!chunk.toString().isBlank()) {
            blocks.add(section(chunk.toString()));
        }
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder()
                .text(MarkdownTextObject.builder().text(mrkdwn).build())
                .build();
    }

    /** Makes text inert in mrkdwn and in the top-level {@code text}: no mention, channel ping, or link survives. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
