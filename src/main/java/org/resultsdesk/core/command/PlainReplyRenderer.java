package org.resultsdesk.core.command;

import org.resultsdesk.core.announce.PlainTextRenderer;
import org.resultsdesk.core.announce.TextTable;
import org.resultsdesk.core.model.Reply;

/**
 * A reply as plain text, for a terminal and for platforms' plain fallbacks; buttons become commands to type. A
 * picture is given as its text, which holds everything the picture shows.
 */
public final class PlainReplyRenderer {
    private final PlainTextRenderer announcements = new PlainTextRenderer();

    public String render(Reply reply) {
        StringBuilder out = new StringBuilder();
        if (reply.picture().isPresent()) {
            out.append(reply.picture().get().altText().strip()).append('\n');
            reply.suggestions()
                    .forEach(s -> out.append("  ").append(s.command()).append('\n'));
            return out.toString();
        }
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.AnnouncementPart a) {
                out.append(announcements.render(a.announcement()));
            } else if (part instanceof Reply.Text t) {
                out.append(t.text()).append('\n');
            } else if (part instanceof Reply.Table table) {
                if (!table.title().isEmpty()) {
                    out.append(table.title()).append('\n');
                }
                TextTable.lines(table.rows())
                        .forEach(l -> out.append("  ").append(l).append('\n'));
            }
        }
        reply.suggestions().forEach(s -> out.append("  ").append(s.command()).append('\n'));
        return out.toString();
    }
}
