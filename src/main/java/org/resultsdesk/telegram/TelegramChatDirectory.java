package org.resultsdesk.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.resultsdesk.core.command.ChatContext;
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

    private record Admins(Set<String> ids, Instant fetched) {
    }

    private final TelegramClient client;
    private final Clock clock;
    private final Map<String, Admins> admins = new ConcurrentHashMap<>();

    public TelegramChatDirectory(TelegramClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
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
        Admins known = admins.get(chatId);
        if (known == null || Duration.between(known.fetched(), clock.instant()).compareTo(REMEMBERED) > 0) {
            try {
                known = new Admins(client.execute(GetChatAdministrators.builder().chatId(chatId).build()).stream()
                        .map(ChatMember::getUser).map(u -> String.valueOf(u.getId())).collect(Collectors.toSet()),
                        clock.instant());
                admins.put(chatId, known);
            } catch (TelegramApiException e) {
                LOG.warn("could not ask Telegram who administers chat {}: {}", chatId, e.getMessage());
                return false;
            }
        }
        return known.ids().contains(userId);
    }
}
