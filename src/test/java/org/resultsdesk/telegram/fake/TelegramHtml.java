package org.resultsdesk.telegram.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Telegram's HTML parse mode as the Bot API applies it: the tags it knows, balanced, and its four entities. */
public final class TelegramHtml {
    private static final Set<String> TAGS = Set.of(
            "b",
            "strong",
            "i",
            "em",
            "u",
            "ins",
            "s",
            "strike",
            "del",
            "code",
            "pre",
            "a",
            "tg-spoiler",
            "span",
            "blockquote",
            "tg-emoji");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z-]+)([^<>]*)>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#\\d+|#x[0-9a-fA-F]+);");

    private TelegramHtml() {}

    /** The error Telegram would give, if any. */
    public static Optional<String> error(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(html);
                if (!m.find(i) || m.start() != i) {
                    return Optional.of("can't parse entities: unexpected '<' at byte offset " + i);
                }
                String name = m.group(2).toLowerCase();
                if (!TAGS.contains(name)) {
                    return Optional.of(
                            "can't parse entities: unsupported start tag \"" + name + "\" at byte offset " + i);
                }
                if (m.group(1).isEmpty()) {
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    return Optional.of("can't parse entities: unexpected end tag at byte offset " + i);
                }
                i = m.end();
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html);
                if (!m.find(i) || m.start() != i) {
                    return Optional.of("can't parse entities: unsupported entity at byte offset " + i);
                }
                i = m.end();
            } else if (c == '>') {
                return Optional.of("can't parse entities: unexpected '>' at byte offset " + i);
            } else {
                i++;
            }
        }
        return open.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        "can't parse entities: can't find end tag corresponding to start tag \"" + open.peek() + "\"");
    }

    /** The text Telegram counts against its 4,096-character limit: tags removed, entities decoded. */
    public static String text(String html) {
        return TAG.matcher(html)
                .replaceAll("")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }
}
