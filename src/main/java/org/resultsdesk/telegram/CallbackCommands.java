package org.resultsdesk.telegram;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries a button's command in its callback data. Telegram allows 64 bytes there; a longer command is kept here and
 * the button carries a short reference to it (the most recent 10,000 are remembered).
 */
final class CallbackCommands {
    private static final int MAX_DATA_BYTES = 64;
    private static final int REMEMBERED = 10_000;

    private final AtomicLong next = new AtomicLong();
    private final Map<String, String> long_ = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized String dataFor(String command) {
        String direct = "c:" + command;
        if (direct.getBytes(StandardCharsets.UTF_8).length <= MAX_DATA_BYTES) {
            return direct;
        }
        String ref = "r:" + next.incrementAndGet();
        long_.put(ref, command);
        return ref;
    }

    synchronized Optional<String> commandFor(String data) {
        if (data == null) {
            return Optional.empty();
        }
        if (data.startsWith("c:")) {
            return Optional.of(data.substring(2));
        }
        return Optional.ofNullable(long_.get(data));
    }
}
