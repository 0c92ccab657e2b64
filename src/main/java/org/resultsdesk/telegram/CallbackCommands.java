package org.resultsdesk.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.resultsdesk.core.port.ButtonCommands;

/**
 * Carries a button's command in its callback data. Telegram allows 64 bytes there: a command that fits goes as
 * {@code c:<command>}; a longer one is kept in the store ({@link ButtonCommands}) and the button carries
 * {@code h:<digest of the command>}, so that any instance resolves it, a restart changes nothing, and a reference can
 * never come to mean another command. A command not shown on a button for {@link #KEPT} is forgotten, and its buttons
 * (like those of earlier versions, which carried a counter) answer that they have expired.
 */
final class CallbackCommands {
    static final Duration KEPT = Duration.ofDays(30);
    private static final int MAX_DATA_BYTES = 64;
    private static final Duration FORGET_EVERY = Duration.ofHours(1);

    /** What a pressed button asks for. */
    sealed interface Pressed {
        record Run(String command) implements Pressed {}

        /** Not a button this bot made, or one whose command has been forgotten. */
        record Expired() implements Pressed {}
    }

    private final ButtonCommands store;
    private final Clock clock;
    private Instant lastForgotten = Instant.MIN;

    CallbackCommands(ButtonCommands store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    String dataFor(String command) {
        String direct = "c:" + command;
        if (direct.getBytes(StandardCharsets.UTF_8).length <= MAX_DATA_BYTES) {
            return direct;
        }
        String ref = "h:" + digest(command);
        Instant now = clock.instant();
        store.remember(ref, command, now);
        forgetOld(now);
        return ref;
    }

    Pressed pressed(String data) {
        if (data != null && data.startsWith("c:")) {
            return new Pressed.Run(data.substring(2));
        }
        if (data != null && data.startsWith("h:")) {
            return store.command(data).<Pressed>map(Pressed.Run::new).orElseGet(Pressed.Expired::new);
        }
        return new Pressed.Expired();
    }

    private synchronized void forgetOld(Instant now) {
        if (Duration.between(lastForgotten, now).compareTo(FORGET_EVERY) >= 0) {
            lastForgotten = now;
            store.forgetShownBefore(now.minus(KEPT));
        }
    }

    /** 128 bits of SHA-256, URL-safe: 22 characters, so the data stays well inside 64 bytes. */
    private static String digest(String command) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(command.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
