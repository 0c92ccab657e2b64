package org.resultsdesk.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.command.GuardedCommands;
import org.resultsdesk.core.command.PlainReplyRenderer;
import org.resultsdesk.core.model.ChatContext;

/**
 * The console: type the same commands as in a chat and read the replies. With input piped in, it answers each line
 * and exits at the end of the input, so {@code printf '/result kingswood\n' | java -jar results-desk.jar} works.
 * No line can end it: whatever a command throws is answered with a refusal and the next line is read.
 */
public final class ConsoleApp {
    private final CommandHandler handler;
    private final PlainReplyRenderer renderer = new PlainReplyRenderer();

    public ConsoleApp(CommandHandler handler) {
        this.handler = GuardedCommands.guard(handler);
    }

    /** Answers each line until the input ends or /quit; returns how many lines were read. */
    public int run(BufferedReader in, PrintStream out, boolean interactive) throws IOException {
        int lines = 0;
        if (interactive) {
            out.println("Results Desk. Type a seat (kingswood) or /help for commands, /quit to leave.");
            out.print("> ");
            out.flush();
        }
        String line;
        while ((line = in.readLine()) != null) {
            lines++;
            String command = line.strip();
            if (command.equals("/quit") || command.equals("/exit")) {
                break;
            }
            if (!command.isEmpty()) {
                // As in a private chat: plain text is a seat to look up.
                String asked = command.startsWith("/") ? command : "/result " + command;
                out.print(renderer.render(handler.handle(asked, ChatContext.console())));
            }
            if (interactive) {
                out.print("> ");
            }
            out.flush();
        }
        return lines;
    }
}
