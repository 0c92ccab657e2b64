package org.resultsdesk.console;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.resultsdesk.core.command.PlainReplyRenderer;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.DeliveryResult;

/** Alerts printed to a terminal: what the rehearsal replay shows when no chat is configured. */
public final class ConsoleGateway implements ChatGateway {
    private final PrintStream out;
    private final PlainReplyRenderer renderer = new PlainReplyRenderer();
    private final AtomicLong ids = new AtomicLong();

    public ConsoleGateway(PrintStream out) {
        this.out = out;
    }

    @Override
    public ChatContext.Platform platform() {
        return ChatContext.Platform.CONSOLE;
    }

    @Override
    public synchronized DeliveryResult send(String channelId, Reply reply, int part) {
        out.print(renderer.render(reply));
        out.println();
        out.flush();
        return new DeliveryResult.Delivered(String.valueOf(ids.incrementAndGet()));
    }

    @Override
    public synchronized DeliveryResult edit(String channelId, String messageId, Reply reply) {
        out.println("(message " + messageId + " edited)");
        return new DeliveryResult.Delivered(messageId);
    }
}
