package org.resultsdesk.telegram;

import java.util.ArrayList;
import java.util.List;
import org.resultsdesk.core.announce.PlainTextRenderer;
import org.resultsdesk.core.announce.TextTable;
import org.resultsdesk.core.model.Announcement;
import org.resultsdesk.core.model.Reply;

/**
 * A reply in Telegram's HTML parse mode: the headline and verdict bold, the candidate table in {@code <pre>} so its
 * columns line up, every dynamic string escaped ({@code <}, {@code >}, {@code &}, all that HTML mode needs). A reply
 * longer than Telegram's 4,096 characters is split on line boundaries, never inside a tag; buttons go on the last
 * message.
 *
 * <p>{@link #escape} is the one escaping function for Telegram, and it also makes text inert: Telegram turns
 * {@code @name} into a mention and {@code example.com} or {@code https://...} into a link on its own, in HTML mode
 * and in plain text alike. A word joiner (U+2060, invisible, no line break) after every {@code @}, after the
 * {@code :} of {@code ://} and after a dot that is followed by a letter stops that, so nobody's text can notify
 * anyone or carry a link; link previews are off as well. Bot commands such as {@code /result} stay tappable.
 */
public final class TelegramHtmlRenderer {
    /** Telegram counts the text after entity parsing; leaving room keeps us clear of its edge cases. */
    static final int MAX_LENGTH = 4000;

    /** A line of output: its HTML and its plain text (what Telegram counts). */
    private record Line(String html, String plain, boolean preformatted) {}

    public List<TelegramMessage> render(Reply reply) {
        List<Line> lines = new ArrayList<>();
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.AnnouncementPart a) {
                announcement(a.announcement(), lines);
            } else if (part instanceof Reply.Text t) {
                t.text().lines().forEach(l -> lines.add(new Line(escape(l), inert(l), false)));
            } else if (part instanceof Reply.Table table) {
                if (!table.title().isEmpty()) {
                    lines.add(new Line("<b>" + escape(table.title()) + "</b>", inert(table.title()), false));
                }
                TextTable.lines(table.rows()).forEach(l -> lines.add(new Line(escape(l), inert(l), true)));
            }
        }
        return split(lines, reply.suggestions());
    }

    private static void announcement(Announcement a, List<Line> lines) {
        lines.add(new Line("<b>" + escape(a.headline()) + "</b>", inert(a.headline()), false));
        lines.add(new Line("<b>" + escape(a.verdict()) + "</b>", inert(a.verdict()), false));
        lines.add(new Line(escape(a.winnerLine()), inert(a.winnerLine()), false));
        PlainTextRenderer.rows(a).forEach(r -> lines.add(new Line(escape(r), inert(r), true)));
        lines.add(new Line(escape(a.swingAndTurnout()), inert(a.swingAndTurnout()), false));
        a.notes().forEach(n -> lines.add(new Line("<i>" + escape(n) + "</i>", inert(n), false)));
    }

    /** Groups lines into messages under the limit, wrapping each run of preformatted lines in one pre block. */
    private static List<TelegramMessage> split(List<Line> lines, List<Reply.Suggestion> buttons) {
        List<TelegramMessage> messages = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        boolean inPre = false;
        for (Line line : lines) {
            String clipped =
                    line.plain().length() > MAX_LENGTH ? line.plain().substring(0, MAX_LENGTH - 1) + "…" : null;
            Line l = clipped == null ? line : new Line(escape(clipped), clipped, line.preformatted());
            if (plain.length() + l.plain().length() + 1 > MAX_LENGTH && plain.length() > 0) {
                if (inPre) {
                    closePre(html);
                    inPre = false;
                }
                messages.add(new TelegramMessage(
                        html.toString().strip(), plain.toString().strip(), List.of()));
                html.setLength(0);
                plain.setLength(0);
            }
            if (l.preformatted() && !inPre) {
                html.append("<pre>");
                inPre = true;
            } else if (!l.preformatted() && inPre) {
                closePre(html);
                inPre = false;
            }
            html.append(l.html()).append('\n');
            plain.append(l.plain()).append('\n');
        }
        if (inPre) {
            closePre(html);
        }
        messages.add(
                new TelegramMessage(html.toString().strip(), plain.toString().strip(), buttons));
        return messages;
    }

    /** Ends a pre block on the line it is on, so the next line starts below it. */
    private static void closePre(StringBuilder html) {
        if (html.length() > 0 && html.charAt(html.length() - 1) == '\n') {
            html.setLength(html.length() - 1);
        }
        html.append("</pre>\n");
    }

    /** Text for HTML parse mode: {@code <}, {@code >}, {@code &} escaped, and {@linkplain #inert inert}. */
    public static String escape(String text) {
        return inert(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static final char WORD_JOINER = '\u2060';

    /** The text with a word joiner where Telegram would otherwise start a mention or a link; idempotent. */
    public static String inert(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            boolean joiner = next != WORD_JOINER
                    && (c == '@'
                            || c == ':' && next == '/'
                            || c == '.'
                                    && i > 0
                                    && Character.isLetterOrDigit(text.charAt(i - 1))
                                    && Character.isLetter(next));
            if (joiner && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(c);
                if (joiner) {
                    out.append(WORD_JOINER);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
