package org.resultsdesk.core.alerts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.SendLimits;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.DeliveryResult;

/** A gateway that records what it was asked to post, and answers as scripted (Delivered by default). */
public class RecordingGateway implements ChatGateway {
    public record Sent(String channelId, Reply reply, String messageId, java.time.Instant at, int part) {}

    public record Edit(String channelId, String messageId, Reply reply) {}

    private final ChatContext.Platform platform;
    private final Supplier<java.time.Instant> clock;
    public final List<Sent> sent = new ArrayList<>();
    /** When each send was asked for, whatever its outcome (scripted failures included). */
    public final List<java.time.Instant> attempts = new ArrayList<>();

    public final List<Edit> edits = new ArrayList<>();
    private final Map<String, Deque<DeliveryResult>> scripted = new HashMap<>();
    private int nextId = 1;
    private int maxChars = Integer.MAX_VALUE / 2;

    public RecordingGateway(ChatContext.Platform platform, Supplier<java.time.Instant> clock) {
        this.platform = platform;
        this.clock = clock;
    }

    public void script(String channelId, DeliveryResult... results) {
        scripted.computeIfAbsent(channelId, c -> new ArrayDeque<>()).addAll(List.of(results));
    }

    public List<Sent> sentTo(String channelId) {
        return sent.stream().filter(s -> s.channelId().equals(channelId)).toList();
    }

    @Override
    public ChatContext.Platform platform() {
        return platform;
    }

    /** The real adapter's limits for its platform, so pacing is tested against the platform's own numbers. */
    @Override
    public SendLimits limits() {
        return switch (platform) {
            case TELEGRAM -> org.resultsdesk.telegram.TelegramGateway.BOT_API_LIMITS;
            case SLACK -> org.resultsdesk.slack.SlackGateway.WEB_API_LIMITS;
            default -> SendLimits.NONE;
        };
    }

    @Override
    public DeliveryResult send(String channelId, Reply reply, int part) {
        attempts.add(clock.get());
        Deque<DeliveryResult> queue = scripted.get(channelId);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        String id = String.valueOf(nextId++);
        sent.add(new Sent(channelId, reply, id, clock.get(), part));
        return part < parts(reply) - 1 ? new DeliveryResult.PartSent(id) : new DeliveryResult.Delivered(id);
    }

    /** Messages longer than this many characters go in parts, as on a platform with a message size limit. */
    public void splitAbove(int chars) {
        this.maxChars = chars;
    }

    @Override
    public int parts(Reply reply) {
        return Math.max(1, (AlertPipelineTest.text(reply).length() + maxChars - 1) / maxChars);
    }

    @Override
    public DeliveryResult edit(String channelId, String messageId, Reply reply) {
        edits.add(new Edit(channelId, messageId, reply));
        return new DeliveryResult.Delivered(messageId);
    }
}
