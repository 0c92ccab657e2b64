package org.resultsdesk.core.announce;

import java.util.ArrayList;
import java.util.List;
import org.resultsdesk.core.model.Announcement;

/** The announcement as plain text, the way the console and logs show it, with aligned columns. */
public final class PlainTextRenderer {

    public String render(Announcement a) {
        StringBuilder out = new StringBuilder();
        out.append(a.headline())
                .append('\n')
                .append(a.verdict())
                .append('\n')
                .append(a.winnerLine())
                .append('\n');
        rows(a).forEach(line -> out.append("  ").append(line).append('\n'));
        out.append(a.swingAndTurnout()).append('\n');
        a.notes().forEach(n -> out.append(n).append('\n'));
        return out.toString();
    }

    /**
     * The candidate rows as aligned monospaced lines, shared by every platform that shows a fixed-width table:
     * label, name, votes right-aligned, share, change.
     */
    public static List<String> rows(Announcement a) {
        int labelWidth =
                a.rows().stream().mapToInt(r -> r.partyLabel().length()).max().orElse(0) + 2;
        int nameWidth =
                a.rows().stream().mapToInt(r -> r.candidate().length()).max().orElse(0) + 3;
        int votesWidth =
                a.rows().stream().mapToInt(r -> r.votes().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (Announcement.Row r : a.rows()) {
            String line = pad(r.partyLabel(), labelWidth) + pad(r.candidate(), nameWidth)
                    + leftPad(r.votes(), votesWidth) + "  " + leftPad(r.share(), 5)
                    + (r.change().isEmpty()
                            ? ""
                            : "  " + leftPad(r.change(), r.change().equals("new") ? 4 : 5));
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String leftPad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
