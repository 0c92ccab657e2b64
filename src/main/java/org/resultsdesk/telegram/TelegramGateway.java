package org.resultsdesk.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Picture;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.SendLimits;
import org.resultsdesk.core.port.ButtonCommands;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.port.ReplyThreads;
import org.resultsdesk.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageMedia;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Posts and edits through the Bot API and says how it went in the core's terms: 429 is RetryAfter (from
 * {@code retry_after}, or the description when that is all there is), a blocked or kicked bot or a missing chat is
 * Gone, an upgraded group is Gone with its new id, "message is not modified" is success. Markup Telegram cannot parse
 * is sent again as plain text. A request that may have reached Telegram before the connection broke is reported as
 * such rather than repeated: the HTTP client must not retry on its own (retryOnConnectionFailure off).
 * A reply with a picture is one photo (sendPhoto, multipart upload) captioned with its text; text too long for a
 * caption (1,024 characters after parsing) follows as a reply to the photo, under a caption of its first line. An edit
 * with a picture replaces the photo (editMessageMedia).
 */
public final class TelegramGateway implements ChatGateway {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramGateway.class);
    private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d+)");
    private static final int BUTTONS_PER_ROW = 2;
    private static final LinkPreviewOptions NO_PREVIEW =
            LinkPreviewOptions.builder().isDisabled(true).build();
    static final int MAX_CAPTION = 1024;

    private final TelegramClient client;
    private final TelegramHtmlRenderer renderer = new TelegramHtmlRenderer();
    private final CallbackCommands callbacks;
    /** The photo each overflowing caption's text replies to, so text resumed later, anywhere, still threads under it. */
    private final ReplyThreads threads;

    private final Clock clock;
    private Instant threadsForgotten = Instant.MIN;

    /**
     * {@code buttons} keeps the commands of buttons too long for their callback data, {@code threads} the photos whose
     * text follows as replies: both in the store, shared by every instance.
     */
    public TelegramGateway(TelegramClient client, ButtonCommands buttons, ReplyThreads threads, Clock clock) {
        this.client = client;
        this.callbacks = new CallbackCommands(buttons, clock);
        this.threads = threads;
        this.clock = clock;
    }

    CallbackCommands callbacks() {
        return callbacks;
    }

    @Override
    public ChatContext.Platform platform() {
        return ChatContext.Platform.TELEGRAM;
    }

    /**
     * The Bot API's limits: about one message a second in a chat, 20 a minute in a group (negative ids), 30 a
     * second for the whole bot.
     */
    public static final SendLimits BOT_API_LIMITS = new SendLimits(
            chat -> chat.startsWith("-")
                    ? List.of(
                            new SendLimits.Bucket("chat:" + chat, new SendLimits.Limit(1, Duration.ofSeconds(1))),
                            new SendLimits.Bucket("group:" + chat, new SendLimits.Limit(20, Duration.ofMinutes(1))))
                    : List.of(new SendLimits.Bucket("chat:" + chat, new SendLimits.Limit(1, Duration.ofSeconds(1)))),
            List.of(new SendLimits.Bucket("bot", new SendLimits.Limit(30, Duration.ofSeconds(1)))));

    @Override
    public SendLimits limits() {
        return BOT_API_LIMITS;
    }

    /**
     * A reply too long for one message goes in parts, one a call, since each is a message to the chat's limits. With
     * a picture, the photo is part 0 and any text too long for its caption the parts after it, as replies to it.
     */
    @Override
    public DeliveryResult send(String chatId, Reply reply, int part) {
        if (reply.picture().isPresent()) {
            List<TelegramMessage> text = renderer.render(reply.withoutPicture());
            if (part == 0) {
                return sendPhoto(chatId, reply.picture().get(), text);
            }
            Integer photo = threads.messageId(
                            channel(chatId), threadKey(reply.picture().get()))
                    .map(Integer::valueOf)
                    .orElse(null);
            return next(sendOne(chatId, text.get(part - 1), photo), part, text.size() + 1);
        }
        List<TelegramMessage> parts = renderer.render(reply);
        return next(sendOne(chatId, parts.get(part), null), part, parts.size());
    }

    @Override
    public int parts(Reply reply) {
        if (reply.picture().isPresent()) {
            List<TelegramMessage> text = renderer.render(reply.withoutPicture());
            return Caption.of(text).fits() ? 1 : 1 + text.size();
        }
        return renderer.render(reply).size();
    }

    /** A part that went, with more to follow, is a part sent; the last one completes the message. */
    private static DeliveryResult next(DeliveryResult result, int part, int parts) {
        return result instanceof DeliveryResult.Delivered delivered && part < parts - 1
                ? new DeliveryResult.PartSent(delivered.messageId())
                : result;
    }

    private DeliveryResult sendPhoto(String chatId, Picture picture, List<TelegramMessage> text) {
        Caption caption = Caption.of(text);
        DeliveryResult photo;
        try {
            photo = delivered(
                    client.execute(photoRequest(chatId, picture, caption.html(), ParseMode.HTML, caption.buttons())));
        } catch (TelegramApiException e) {
            if (!(e instanceof TelegramApiRequestException r && describe(r).contains("can't parse entities"))) {
                return outcome(e);
            }
            LOG.warn("Telegram could not parse our caption ({}); sending it as plain text", describe(r));
            try {
                photo = delivered(
                        client.execute(photoRequest(chatId, picture, caption.plain(), null, caption.buttons())));
            } catch (TelegramApiException again) {
                return outcome(again);
            }
        }
        if (!(photo instanceof DeliveryResult.Delivered delivered) || caption.fits()) {
            return photo;
        }
        Instant now = clock.instant();
        threads.remember(channel(chatId), threadKey(picture), delivered.messageId(), now);
        forgetOldThreads(now);
        return new DeliveryResult.PartSent(delivered.messageId());
    }

    private static ChannelRef channel(String chatId) {
        return new ChannelRef(ChatContext.Platform.TELEGRAM, chatId);
    }

    /** A picture's file name says what it shows (a seat's result, the board), whichever revision is posted. */
    private static String threadKey(Picture picture) {
        return "photo:" + picture.fileName();
    }

    private synchronized void forgetOldThreads(Instant now) {
        if (Duration.between(threadsForgotten, now).compareTo(Duration.ofHours(1)) >= 0) {
            threadsForgotten = now;
            threads.forgetBefore(now.minus(CallbackCommands.KEPT));
        }
    }

    /** The photo's caption: the whole text when it fits, else its first line (the text then follows as a reply). */
    private record Caption(String html, String plain, List<Reply.Suggestion> buttons, boolean fits) {
        static Caption of(List<TelegramMessage> text) {
            TelegramMessage first = text.get(0);
            if (text.size() == 1 && first.plain().length() <= MAX_CAPTION) {
                return new Caption(first.html(), first.plain(), first.buttons(), true);
            }
            String line = first.plain().lines().findFirst().orElse("").strip();
            String cut = line.length() > 200 ? line.substring(0, 199) + "…" : line;
            return new Caption(TelegramHtmlRenderer.escape(cut), cut, List.of(), false);
        }
    }

    private SendPhoto photoRequest(
            String chatId, Picture picture, String caption, String parseMode, List<Reply.Suggestion> buttons) {
        SendPhoto.SendPhotoBuilder<?, ?> builder = SendPhoto.builder()
                .chatId(chatId)
                .photo(new InputFile(new ByteArrayInputStream(picture.png()), picture.fileName()))
                .caption(caption);
        if (parseMode != null) {
            builder.parseMode(parseMode);
        }
        if (!buttons.isEmpty()) {
            builder.replyMarkup(keyboard(buttons));
        }
        return builder.build();
    }

    @Override
    public DeliveryResult edit(String chatId, String messageId, Reply reply) {
        if (reply.picture().isPresent()) {
            return editPhoto(chatId, messageId, reply);
        }
        TelegramMessage message = renderer.render(reply).get(0);
        try {
            client.execute(EditMessageText.builder()
                    .chatId(chatId)
                    .messageId(Integer.valueOf(messageId))
                    .text(message.html())
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(NO_PREVIEW)
                    .build());
            return new DeliveryResult.Delivered(messageId);
        } catch (TelegramApiException e) {
            if (e instanceof TelegramApiRequestException r && describe(r).contains("message is not modified")) {
                return new DeliveryResult.Delivered(messageId);
            }
            return outcome(e);
        }
    }

    /** Replaces the photo and its caption; a caption that does not fit is cut to its first line. */
    private DeliveryResult editPhoto(String chatId, String messageId, Reply reply) {
        Picture picture = reply.picture().orElseThrow();
        Caption caption = Caption.of(renderer.render(reply.withoutPicture()));
        InputMediaPhoto media = InputMediaPhoto.builder()
                .media(new ByteArrayInputStream(picture.png()), picture.fileName())
                .caption(caption.html())
                .parseMode(ParseMode.HTML)
                .build();
        try {
            client.execute(EditMessageMedia.builder()
                    .chatId(chatId)
                    .messageId(Integer.valueOf(messageId))
                    .media(media)
                    .build());
            return new DeliveryResult.Delivered(messageId);
        } catch (TelegramApiException e) {
            if (e instanceof TelegramApiRequestException r && describe(r).contains("message is not modified")) {
                return new DeliveryResult.Delivered(messageId);
            }
            if (e instanceof TelegramApiRequestException r && describe(r).contains("no media in the message")) {
                // Sent as text before the channel took pictures: it stays text, with the new figures.
                return edit(chatId, messageId, new Reply(reply.parts(), reply.suggestions()));
            }
            return outcome(e);
        }
    }

    private DeliveryResult sendOne(String chatId, TelegramMessage message, Integer replyTo) {
        try {
            return delivered(
                    client.execute(request(chatId, message.html(), ParseMode.HTML, message.buttons(), replyTo)));
        } catch (TelegramApiException e) {
            if (e instanceof TelegramApiRequestException r && describe(r).contains("can't parse entities")) {
                LOG.warn(
                        "Telegram could not parse our HTML ({}); sending plain text. Template at fault: {}",
                        LogSafe.escape(describe(r)),
                        LogSafe.escape(message.html()));
                try {
                    return delivered(
                            client.execute(request(chatId, message.plain(), null, message.buttons(), replyTo)));
                } catch (TelegramApiException again) {
                    return outcome(again);
                }
            }
            return outcome(e);
        }
    }

    private SendMessage request(
            String chatId, String text, String parseMode, List<Reply.Suggestion> buttons, Integer replyTo) {
        SendMessage.SendMessageBuilder<?, ?> builder =
                SendMessage.builder().chatId(chatId).text(text).linkPreviewOptions(NO_PREVIEW);
        if (parseMode != null) {
            builder.parseMode(parseMode);
        }
        if (replyTo != null) {
            builder.replyParameters(ReplyParameters.builder()
                    .messageId(replyTo)
                    .allowSendingWithoutReply(true)
                    .build());
        }
        if (!buttons.isEmpty()) {
            builder.replyMarkup(keyboard(buttons));
        }
        return builder.build();
    }

    private InlineKeyboardMarkup keyboard(List<Reply.Suggestion> buttons) {
        InlineKeyboardMarkup.InlineKeyboardMarkupBuilder<?, ?> keyboard = InlineKeyboardMarkup.builder();
        for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
            keyboard.keyboardRow(new InlineKeyboardRow(
                    buttons.subList(i, Math.min(i + BUTTONS_PER_ROW, buttons.size())).stream()
                            .map(b -> InlineKeyboardButton.builder()
                                    .text(b.label())
                                    .callbackData(callbacks.dataFor(b.command()))
                                    .build())
                            .toList()));
        }
        return keyboard.build();
    }

    private static DeliveryResult delivered(Message message) {
        return new DeliveryResult.Delivered(String.valueOf(message.getMessageId()));
    }

    static DeliveryResult outcome(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() > 0) {
            String description = describe(r);
            int code = r.getErrorCode();
            if (code == 429) {
                return new DeliveryResult.RetryAfter(Duration.ofSeconds(retryAfter(r, description)));
            }
            if (r.getParameters() != null && r.getParameters().getMigrateToChatId() != null) {
                return new DeliveryResult.Gone(
                        "group upgraded to a supergroup",
                        Optional.of(String.valueOf(r.getParameters().getMigrateToChatId())));
            }
            if (code == 403 || description.contains("chat not found") || code == 401) {
                return new DeliveryResult.Gone(description, Optional.empty());
            }
            if (code >= 500) {
                return new DeliveryResult.Failed("Telegram " + code + ": " + description, false);
            }
            return new DeliveryResult.Rejected("Telegram " + code + ": " + description);
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new DeliveryResult.Failed("cannot reach Telegram: " + cause.getMessage(), false);
        }
        if (cause instanceof InterruptedIOException || cause instanceof IOException) {
            return new DeliveryResult.Failed("connection to Telegram broke after sending: " + cause, true);
        }
        return new DeliveryResult.Failed("unreadable answer from Telegram: " + e.getMessage(), true);
    }

    private static long retryAfter(TelegramApiRequestException r, String description) {
        if (r.getParameters() != null && r.getParameters().getRetryAfter() != null) {
            return r.getParameters().getRetryAfter();
        }
        Matcher m = RETRY_AFTER.matcher(description);
        return m.find() ? Long.parseLong(m.group(1)) : 5;
    }

    private static String describe(TelegramApiRequestException r) {
        String response = r.getApiResponse();
        return response == null ? String.valueOf(r.getMessage()) : response;
    }
}
