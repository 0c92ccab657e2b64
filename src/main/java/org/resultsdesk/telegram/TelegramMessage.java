package org.resultsdesk.telegram;

import java.util.List;
import org.resultsdesk.core.model.Reply;

/** One Bot API message: HTML for parse mode, the same as plain text for the fallback, and any buttons. */
public record TelegramMessage(String html, String plain, List<Reply.Suggestion> buttons) {}
