package org.resultsdesk.core.text;

import java.nio.charset.StandardCharsets;

/**
 * Values from outside (file names, seat names, chat text, feed content) as they may appear in a log line: control
 * characters, line and paragraph separators and bidirectional overrides written as escapes ({@code \n},
 * {@code \u0000}, {@code \u202e}), so nothing from outside can start a forged line or reorder what follows it, and
 * long values cut short.
 */
public final class LogSafe {
    /** Longer values are cut: a log line names a value, it does not carry it. */
    public static final int MAX_LENGTH = 200;
    /** How much of a file's content a log line may show. */
    public static final int MAX_PREFIX = 20;

    private LogSafe() {}

    /** The value escaped and cut to {@link #MAX_LENGTH} characters; "null" for null. */
    public static String escape(Object value) {
        return escape(String.valueOf(value), MAX_LENGTH);
    }

    /** The start of a file's content, decoded leniently, escaped and cut to {@link #MAX_PREFIX} characters. */
    public static String prefix(byte[] content) {
        int length = Math.min(content.length, MAX_PREFIX * 4);
        return escape(new String(content, 0, length, StandardCharsets.UTF_8), MAX_PREFIX);
    }

    static String escape(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        int shown = 0;
        for (int i = 0; i < text.length(); i++) {
            if (shown == max) {
                return out.append("…(").append(text.length()).append(" chars)").toString();
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
            shown++;
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c)
                || c == '\u2028'
                || c == '\u2029'
                || c == '\uFEFF'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C';
    }
}
