package org.resultsdesk.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.port.ChatDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Who administers a Telegram chat, from {@code getChatAdministrators} (anonymous administrators included: the list
 * names them), remembered for a minute so a burst of commands asks once. A private chat has no administrators and is
 * not asked about; a chat Telegram will not describe (the bot is not in it) has none either. Replies reach any chat
 * the bot is in, so posting access is not asked.
 */
public final class TelegramChatDirectory implements ChatDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramChatDirectory.class);
    static final Duration REMEMBERED = Duration.ofMinutes(1);

    private final TelegramClient client;
    private final Cache<String, Set<String>> admins;

    public TelegramChatDirectory(TelegramClient client, Clock clock) {
        this.client = client;
        this.admins = Caffeine.newBuilder()
                .expireAfterWrite(REMEMBERED)
                .maximumSize(10_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    @Override
    public ChatContext.Platform platform() {
        return ChatContext.Platform.TELEGRAM;
    }

    @Override
    public boolean administers(String chatId, String userId) {
        if (!chatId.startsWith("-")) {
            return false;
        }
        Set<String> known = admins.get(chatId, this::ask);
        return known != null && known.contains(userId);
    }

    /** The chat's administrators, or null (not remembered) when Telegram will not say. */
    private Set<String> ask(String chatId) {
        try {
            return client.execute(GetChatAdministrators.builder().chatId(chatId).build()).stream()
                    .map(ChatMember::getUser)
                    .map(u -> String.valueOf(u.getId()))
                    .collect(Collectors.toSet());
        } catch (TelegramApiException e) {
            LOG.warn("could not ask Telegram who administers chat {}: {}", chatId, e.getMessage());
            return null;
        }
    }
}
