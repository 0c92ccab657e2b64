package org.resultsdesk.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.resultsdesk.core.command.ChatContext;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.command.Reply;
import org.resultsdesk.core.delivery.ReplySender;
import org.resultsdesk.core.port.UpdateLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Turns Telegram updates into core commands and hands the replies to the {@link ReplySender}, which answers on its
 * own workers within the chat's shared send budget. Commands addressed to another bot
 * ({@code /result@OtherBot}) are ignored; in a private chat, plain text is read as a seat to look up. A button press
 * runs the command it carries. Each update is handled once, however often Telegram delivers it. Editors are the
 * chat's administrators (everyone in a private chat), asked of Telegram and remembered for a minute.
 */
public final class TelegramBot {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    private static final Duration ADMIN_CACHE = Duration.ofMinutes(1);

    private record Admins(Set<Long> ids, Instant fetched) {
    }

    private final TelegramClient client;
    private final TelegramGateway gateway;
    private final CommandHandler commands;
    private final UpdateLedger ledger;
    private final String botUsername;
    private final Clock clock;
    private final ReplySender replies;
    private final Map<Long, Admins> admins = new ConcurrentHashMap<>();

    public TelegramBot(TelegramClient client, TelegramGateway gateway, CommandHandler commands, UpdateLedger ledger,
                       String botUsername, Clock clock, ReplySender replies) {
        this.client = client;
        this.gateway = gateway;
        this.commands = commands;
        this.ledger = ledger;
        this.botUsername = botUsername.startsWith("@") ? botUsername.substring(1) : botUsername;
        this.clock = clock;
        this.replies = replies;
    }

    public void onUpdate(Update update) {
        if (update.getUpdateId() != null
                && !ledger.firstSeen(ChatContext.Platform.TELEGRAM, String.valueOf(update.getUpdateId()))) {
            LOG.debug("update {} already handled", update.getUpdateId());
            return;
        }
        Long chatId = update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null
                ? update.getCallbackQuery().getMessage().getChatId()
                : update.hasMessage() ? update.getMessage().getChatId() : null;
        if (chatId == null) {
            return;
        }
        // Answered on the reply workers: this thread goes straight back to reading updates.
        replies.submit(String.valueOf(chatId), () -> update.hasCallbackQuery() ? onButton(update.getCallbackQuery())
                : update.getMessage().hasText() ? onMessage(update.getMessage()) : Optional.empty());
    }

    private Optional<Reply> onMessage(Message message) {
        String text = message.getText().strip();
        boolean privateChat = Boolean.TRUE.equals(message.getChat().isUserChat());
        if (!text.startsWith("/")) {
            if (!privateChat) {
                return Optional.empty();
            }
            text = "/result " + text;
        }
        String head = text.split("\\s+", 2)[0];
        int at = head.indexOf('@');
        if (at >= 0 && !head.substring(at + 1).equalsIgnoreCase(botUsername)) {
            return Optional.empty();
        }
        long chatId = message.getChatId();
        long userId = message.getFrom() == null ? 0 : message.getFrom().getId();
        return Optional.of(answer(chatId, text, userId, privateChat));
    }

    private Optional<Reply> onButton(CallbackQuery query) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build());
        } catch (TelegramApiException e) {
            LOG.info("could not acknowledge button press: {}", e.getMessage());
        }
        String command = gateway.callbacks().commandFor(query.getData()).orElse(null);
        if (command == null || query.getMessage() == null) {
            return Optional.empty();
        }
        long chatId = query.getMessage().getChatId();
        return Optional.of(answer(chatId, command, query.getFrom().getId(), chatId > 0));
    }

    private Reply answer(long chatId, String text, long userId, boolean privateChat) {
        ChatContext context = new ChatContext(ChatContext.Platform.TELEGRAM, String.valueOf(chatId),
                String.valueOf(userId), privateChat || isAdmin(chatId, userId));
        return commands.handle(text, context);
    }

    private boolean isAdmin(long chatId, long userId) {
        Admins known = admins.get(chatId);
        if (known == null || Duration.between(known.fetched(), clock.instant()).compareTo(ADMIN_CACHE) > 0) {
            try {
                known = new Admins(client.execute(GetChatAdministrators.builder().chatId(chatId).build()).stream()
                        .map(ChatMember::getUser).map(u -> u.getId()).collect(Collectors.toSet()), clock.instant());
                admins.put(chatId, known);
            } catch (TelegramApiException e) {
                LOG.warn("could not ask Telegram who administers chat {}: {}", chatId, e.getMessage());
                return false;
            }
        }
        return known.ids().contains(userId);
    }
}
