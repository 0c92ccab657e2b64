package org.resultsdesk.core.rights;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.port.ChatDirectory;

/** A chat directory for core tests: administrators and posting access as the test names them. */
public final class KnownChats implements ChatDirectory {
    private final ChatContext.Platform platform;
    private final Map<String, Set<String>> admins = new HashMap<>();
    private final Map<String, PostingAccess> access = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    public KnownChats(ChatContext.Platform platform) {
        this.platform = platform;
    }

    public KnownChats admins(String chatId, String... userIds) {
        admins.put(chatId, Set.of(userIds));
        return this;
    }

    public KnownChats access(String chatId, PostingAccess posting) {
        access.put(chatId, posting);
        return this;
    }

    public int lookups() {
        return lookups.get();
    }

    @Override
    public ChatContext.Platform platform() {
        return platform;
    }

    @Override
    public boolean administers(String chatId, String userId) {
        lookups.incrementAndGet();
        return admins.getOrDefault(chatId, Set.of()).contains(userId);
    }

    @Override
    public PostingAccess postingAccess(String chatId) {
        return access.getOrDefault(chatId, PostingAccess.CAN_POST);
    }
}
