package org.resultsdesk.telegram;

import java.util.Optional;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.command.GuardedCommands;
import org.resultsdesk.core.delivery.ReplySender;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.UpdateLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Turns Telegram updates into core commands and hands the replies to the {@link ReplySender}, which answers on its
 * own workers within the chat's shared send budget. Commands addressed to another bot
 * ({@code /result@OtherBot}) are ignored; in a private chat, plain text is read as a seat to look up, and in a group
 * so is text that mentions the bot ({@code @ResultsDeskBot kingswood}). A button press
 * runs the command it carries; an edited message or a channel post is read like a new message. Each update is
 * handled once, however often Telegram delivers it. Who may do what is not decided here: each command goes to the
 * core with who sent it (the person, or the chat itself for an anonymous administrator or a channel post) and the
 * kind of chat, and {@code core.rights} decides.
 */
public final class TelegramBot {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    /** What a button whose command is no longer kept answers (shown by Telegram over the chat). */
    static final String EXPIRED = "This button has expired. Send the command again.";

    private final TelegramClient client;
    private final TelegramGateway gateway;
    private final CommandHandler commands;
    private final UpdateLedger ledger;
    private final String botUsername;
    private final ReplySender replies;

    public TelegramBot(
            TelegramClient client,
            TelegramGateway gateway,
            CommandHandler commands,
            UpdateLedger ledger,
            String botUsername,
            ReplySender replies) {
        this.client = client;
        this.gateway = gateway;
        this.commands = GuardedCommands.guard(commands);
        this.ledger = ledger;
        this.botUsername = botUsername.startsWith("@") ? botUsername.substring(1) : botUsername;
        this.replies = replies;
    }

    public void onUpdate(Update update) {
        try {
            if (update.getUpdateId() != null
                    && !ledger.firstSeen(ChatContext.Platform.TELEGRAM, String.valueOf(update.getUpdateId()))) {
                LOG.debug("update {} already handled", update.getUpdateId());
                return;
            }
            Message message = update.hasMessage()
                    ? update.getMessage()
                    : update.hasEditedMessage()
                            ? update.getEditedMessage()
                            : update.hasChannelPost()
                                    ? update.getChannelPost()
                                    : update.hasEditedChannelPost() ? update.getEditedChannelPost() : null;
            Long chatId = update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null
                    ? update.getCallbackQuery().getMessage().getChatId()
                    : message != null ? message.getChatId() : null;
            if (chatId == null) {
                return;
            }
            // Answered on the reply workers: this thread goes straight back to reading updates.
            replies.submit(
                    String.valueOf(chatId),
                    () -> update.hasCallbackQuery()
                            ? onButton(update.getCallbackQuery())
                            : message.hasText() ? onMessage(message) : Optional.empty());
        } catch (Throwable e) {
            // Nothing one update carries may stop the poller that delivered it.
            LOG.error("could not handle Telegram update {}", update.getUpdateId(), e);
        }
    }

    private Optional<Reply> onMessage(Message message) {
        String text = message.getText().strip();
        boolean privateChat = Boolean.TRUE.equals(message.getChat().isUserChat());
        if (!text.startsWith("/")) {
            String mention = "@" + botUsername;
            if (!privateChat && !containsWord(text, mention)) {
                return Optional.empty();
            }
            // In a group, "@ResultsDeskBot kingswood" (or "kingswood @ResultsDeskBot") is a lookup too.
            text = "/result "
                    + text.replaceAll("(?i)(^|\\s)" + java.util.regex.Pattern.quote(mention) + "(?=\\s|$)", " ")
                            .strip();
        }
        String head = text.split("\\s+", 2)[0];
        int at = head.indexOf('@');
        if (at >= 0 && !head.substring(at + 1).equalsIgnoreCase(botUsername)) {
            return Optional.empty();
        }
        return Optional.of(commands.handle(text, asker(message.getChat(), message.getFrom(), message.getSenderChat())));
    }

    private static boolean containsWord(String text, String word) {
        for (String w : text.split("\\s+")) {
            if (w.equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Reply> onButton(CallbackQuery query) {
        CallbackCommands.Pressed pressed = gateway.callbacks().pressed(query.getData());
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer =
                AnswerCallbackQuery.builder().callbackQueryId(query.getId());
        if (pressed instanceof CallbackCommands.Pressed.Expired) {
            answer.text(EXPIRED);
        }
        try {
            client.execute(answer.build());
        } catch (TelegramApiException e) {
            LOG.info("could not acknowledge button press: {}", e.getMessage());
        }
        if (!(pressed instanceof CallbackCommands.Pressed.Run run) || query.getMessage() == null) {
            return Optional.empty();
        }
        return Optional.of(
                commands.handle(run.command(), asker(query.getMessage().getChat(), query.getFrom(), null)));
    }

    /**
     * Who sent a message, and where. A message sent as a chat (an anonymous administrator, from GroupAnonymousBot
     * with {@code sender_chat} the group; a channel's own post; a linked channel's forward) is reported as that chat.
     */
    static ChatContext asker(Chat chat, User from, Chat senderChat) {
        ChatContext.ChatKind kind = chat.isUserChat()
                ? ChatContext.ChatKind.PRIVATE
                : chat.isChannelChat() ? ChatContext.ChatKind.CHANNEL : ChatContext.ChatKind.GROUP;
        String chatId = String.valueOf(chat.getId());
        if (senderChat != null) {
            return new ChatContext(
                    ChatContext.Platform.TELEGRAM,
                    chatId,
                    kind,
                    String.valueOf(senderChat.getId()),
                    senderChat.getTitle(),
                    true);
        }
        if (from == null) {
            // Telegram sends a channel post without a sender only for the channel itself.
            return new ChatContext(
                    ChatContext.Platform.TELEGRAM,
                    chatId,
                    kind,
                    chatId,
                    chat.getTitle(),
                    kind == ChatContext.ChatKind.CHANNEL);
        }
        String name = from.getFirstName() + (from.getLastName() == null ? "" : " " + from.getLastName());
        return new ChatContext(ChatContext.Platform.TELEGRAM, chatId, kind, String.valueOf(from.getId()), name, false);
    }
}
