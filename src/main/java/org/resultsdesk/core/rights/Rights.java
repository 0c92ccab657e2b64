package org.resultsdesk.core.rights;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.AuditEntry;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.ChatContext.ChatKind;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Right;
import org.resultsdesk.core.port.AuditTrail;
import org.resultsdesk.core.port.ChatDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides who may do what, on every platform and every route (commands, buttons, edited
 * messages, a chat named from another). Adapters only report who asked and where; each platform's rights are
 * enabled as its adapter starts, with its editors and its {@link ChatDirectory}. A platform not enabled has no
 * editors and no administrators. The console is the operator at the machine and may do everything.
 * <ul>
 *   <li>Desk rights: the editors named for the platform, the administrators of its desk chat (including that
 *   chat's anonymous administrators). A private chat never grants them.</li>
 *   <li>Channel rights over a chat: its administrators as the platform says (a Telegram anonymous administrator,
 *   sending as the chat itself, counts for that chat), desk editors where the platform says so (Slack), and the
 *   person in their own private chat, for that chat only.</li>
 * </ul>
 * Every refusal is logged at INFO with the user id, and every editorial action recorded in the {@link AuditTrail}.
 */
public final class Rights {
    private static final Logger LOG = LoggerFactory.getLogger(Rights.class);

    private record Enabled(PlatformRights rights, ChatDirectory directory) {}

    private final AuditTrail audit;
    private final Clock clock;
    private final Map<Platform, Enabled> platforms = new ConcurrentHashMap<>();

    public Rights(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Turns on a platform's rights: its editors and desk chat, and what it says about its chats. */
    public void enable(PlatformRights rights, ChatDirectory directory) {
        if (rights.platform() != directory.platform()) {
            throw new IllegalArgumentException(
                    rights.platform() + " rights with a " + directory.platform() + " directory");
        }
        platforms.put(rights.platform(), new Enabled(rights, directory));
    }

    /** Whether {@code asker} may do {@code action} to {@code target} (the chat it changes; for desk rights, any). */
    public Decision decide(ChatContext asker, Action action, ChannelRef target) {
        if (asker.platform() == Platform.CONSOLE) {
            return Decision.GRANTED;
        }
        Decision decision = action.right() == Right.DESK ? desk(asker, action) : channel(asker, action, target);
        if (decision instanceof Decision.Refused) {
            LOG.info(
                    "refused {} ({} right) to user {} ({}) in {} {}, on {}",
                    action,
                    action.right(),
                    asker.userId(),
                    asker.who(),
                    asker.platform(),
                    asker.channelId(),
                    target);
        }
        return decision;
    }

    /** Whether {@code asker} may do {@code action} in the chat they asked in. */
    public Decision decide(ChatContext asker, Action action) {
        return decide(asker, action, here(asker));
    }

    /** Stores an editorial action in the audit trail. */
    public void record(ChatContext asker, Action action, String detail) {
        audit.record(new AuditEntry(0, clock.instant(), here(asker), asker.userId(), asker.who(), action, detail));
    }

    public List<AuditEntry> latest(int limit) {
        return audit.latest(limit);
    }

    /** Whether the bot can post in a chat (joining it where it may); unknown platforms are assumed to let it. */
    public ChatDirectory.PostingAccess postingAccess(ChannelRef chat) {
        Enabled enabled = platforms.get(chat.platform());
        return enabled == null
                ? ChatDirectory.PostingAccess.CAN_POST
                : enabled.directory().postingAccess(chat.channelId());
    }

    private Decision desk(ChatContext asker, Action action) {
        if (isDeskEditor(asker)) {
            return Decision.GRANTED;
        }
        boolean deskChat =
                enabled(asker.platform()).flatMap(e -> e.rights().deskChatId()).isPresent();
        return new Decision.Refused("Only the desk's editors can " + action.refusalPhrase() + " (the editors the"
                + " desk has named" + (deskChat ? " and the administrators of the desk chat" : "") + ").");
    }

    private boolean isDeskEditor(ChatContext asker) {
        Optional<Enabled> enabled = enabled(asker.platform());
        if (enabled.isEmpty()) {
            return false;
        }
        PlatformRights rights = enabled.get().rights();
        if (asker.sentAsChat()) {
            return rights.deskChatId()
                    .filter(desk -> desk.equals(asker.userId()) && desk.equals(asker.channelId()))
                    .isPresent();
        }
        return rights.editorUserIds().contains(asker.userId())
                || rights.deskChatId()
                        .filter(desk -> enabled.get().directory().administers(desk, asker.userId()))
                        .isPresent();
    }

    private Decision channel(ChatContext asker, Action action, ChannelRef target) {
        boolean here = target.equals(here(asker));
        if (here && asker.chatKind() == ChatKind.PRIVATE && !asker.sentAsChat()) {
            return Decision.GRANTED;
        }
        if (target.platform() == asker.platform()) {
            if (asker.sentAsChat()) {
                if (here && asker.userId().equals(asker.channelId())) {
                    return Decision.GRANTED;
                }
            } else {
                Optional<Enabled> enabled = enabled(asker.platform());
                if (enabled.isPresent()
                        && (enabled.get().rights().editorsAdministerEveryChat() && isDeskEditor(asker)
                                || enabled.get().directory().administers(target.channelId(), asker.userId()))) {
                    return Decision.GRANTED;
                }
            }
        }
        boolean editorsToo = enabled(target.platform())
                .map(e -> e.rights().editorsAdministerEveryChat())
                .orElse(false);
        String holders = editorsToo
                ? "the desk's editors and the workspace's admins"
                : here ? "this chat's administrators" : "the administrators of " + target;
        return new Decision.Refused("Only " + holders + " can "
                + (here ? action.refusalPhrase() : action.refusalPhrase().replace("this chat", "that chat")) + ".");
    }

    private Optional<Enabled> enabled(Platform platform) {
        return Optional.ofNullable(platforms.get(platform));
    }

    private static ChannelRef here(ChatContext asker) {
        return new ChannelRef(asker.platform(), asker.channelId());
    }
}
