package org.resultsdesk.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot says back, platform-neutral: a list of parts and optional suggestion buttons, each of which runs a
 * command when pressed. Renderers (console, Telegram HTML, Slack Block Kit) escape every string themselves. With a
 * {@code picture}, the parts are its caption: chats post one photo captioned with them, the console prints the
 * picture's text instead.
 */
public record Reply(List<Part> parts, List<Suggestion> suggestions, Optional<Picture> picture) {

    public Reply {
        parts = List.copyOf(parts);
        suggestions = List.copyOf(suggestions);
        Objects.requireNonNull(picture);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one part");
        }
    }

    public Reply(List<Part> parts, List<Suggestion> suggestions) {
        this(parts, suggestions, Optional.empty());
    }

    /** A picture captioned with {@code caption}. */
    public static Reply picture(Picture picture, String caption, List<Suggestion> suggestions) {
        return new Reply(List.of(new Text(caption)), suggestions, Optional.of(picture));
    }

    /** The same words without the picture: what a channel that takes no pictures is sent. */
    public Reply withoutPicture() {
        return new Reply(parts, suggestions);
    }

    public sealed interface Part permits Text, AnnouncementPart, Table {}

    /** Plain text; a newline starts a new line. */
    public record Text(String text) implements Part {
        public Text {
            Objects.requireNonNull(text);
        }
    }

    public record AnnouncementPart(Announcement announcement) implements Part {
        public AnnouncementPart {
            Objects.requireNonNull(announcement);
        }
    }

    /** A small table shown monospaced; the first row is the header; {@code title} may be empty. */
    public record Table(String title, List<List<String>> rows) implements Part {
        public Table {
            Objects.requireNonNull(title);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A button: {@code label} is shown, {@code command} (e.g. "/result Kingswood 2019") runs when pressed. */
    public record Suggestion(String label, String command) {
        public Suggestion {
            Objects.requireNonNull(label);
            Objects.requireNonNull(command);
        }
    }

    public static Reply text(String text) {
        return new Reply(List.of(new Text(text)), List.of());
    }

    public static Reply text(String text, List<Suggestion> suggestions) {
        return new Reply(List.of(new Text(text)), suggestions);
    }

    public static Reply of(Announcement announcement) {
        return new Reply(List.of(new AnnouncementPart(announcement)), List.of());
    }
}
