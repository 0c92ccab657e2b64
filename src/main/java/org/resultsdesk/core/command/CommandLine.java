package org.resultsdesk.core.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A line of chat text split into a command name and its arguments: "/RESULT@ResultsDeskBot Kingswood 2019" is
 * name "result", arguments ["Kingswood", "2019"]. Text without a leading slash is read as a command too, so the
 * console accepts "result kingswood".
 */
public record CommandLine(String name, List<String> arguments) {

    public CommandLine {
        arguments = List.copyOf(arguments);
    }

    public static CommandLine parse(String text) {
        String[] words = text.strip().split("\\s+");
        String head = words[0].startsWith("/") ? words[0].substring(1) : words[0];
        int at = head.indexOf('@');
        if (at >= 0) {
            head = head.substring(0, at);
        }
        return new CommandLine(
                head.toLowerCase(Locale.ROOT), Arrays.asList(words).subList(1, words.length));
    }

    public String argumentText() {
        return String.join(" ", arguments);
    }
}
