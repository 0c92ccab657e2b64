package org.resultsdesk.core.rights;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.resultsdesk.core.model.ChatContext;

/**
 * How one platform's rights are held: the desk's editors named in the configuration, optionally a desk chat whose
 * administrators are editors too, and whether desk editors also count as administrators of every chat (Slack, which
 * tells no channel's managers).
 */
public record PlatformRights(
        ChatContext.Platform platform,
        Set<String> editorUserIds,
        Optional<String> deskChatId,
        boolean editorsAdministerEveryChat) {
    public PlatformRights {
        Objects.requireNonNull(platform);
        editorUserIds = Set.copyOf(editorUserIds);
        Objects.requireNonNull(deskChatId);
    }
}
