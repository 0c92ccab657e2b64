package org.resultsdesk.core.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resultsdesk.MutableClock;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.AuditEntry;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.ChatContext.ChatKind;
import org.resultsdesk.core.model.ChatContext.Platform;

/** Who holds channel rights and desk rights, decided in one place for every platform. */
class RightsTest {
    static final String GROUP = "-1001";
    static final String DESK = "-1009";
    static final String OTHER_GROUP = "-1002";
    static final String ADMIN = "11";
    static final String DESK_ADMIN = "19";
    static final String EDITOR = "7";
    static final String STRANGER = "42";

    final MutableClock clock = new MutableClock(Instant.parse("2024-07-05T01:00:00Z"));
    final MemoryAuditTrail audit = new MemoryAuditTrail();
    final KnownChats telegramChats =
            new KnownChats(Platform.TELEGRAM).admins(GROUP, ADMIN).admins(DESK, DESK_ADMIN);
    final KnownChats slackChats = new KnownChats(Platform.SLACK).admins("C0POLITICS", "U0WSADMIN");
    Rights rights;

    @BeforeEach
    void setUp() {
        rights = new Rights(audit, clock);
        rights.enable(new PlatformRights(Platform.TELEGRAM, Set.of(EDITOR), Optional.of(DESK), false), telegramChats);
        rights.enable(new PlatformRights(Platform.SLACK, Set.of("U0EDITOR"), Optional.empty(), true), slackChats);
    }

    static ChatContext telegram(String chat, ChatKind kind, String user) {
        return ChatContext.person(Platform.TELEGRAM, chat, kind, user);
    }

    static ChatContext anonymousAdmin(String group) {
        return new ChatContext(Platform.TELEGRAM, group, ChatKind.GROUP, group, "Newsroom", true);
    }

    static ChannelRef tg(String chat) {
        return new ChannelRef(Platform.TELEGRAM, chat);
    }

    boolean may(ChatContext who, Action action, ChannelRef target) {
        return rights.decide(who, action, target) instanceof Decision.Granted;
    }

    boolean may(ChatContext who, Action action) {
        return rights.decide(who, action) instanceof Decision.Granted;
    }

    @Test
    void aPrivateChatGivesChannelRightsOverItselfOnlyAndNeverDeskRights() {
        ChatContext stranger = telegram(STRANGER, ChatKind.PRIVATE, STRANGER);

        assertThat(may(stranger, Action.SUBSCRIBE)).isTrue();
        assertThat(may(stranger, Action.SUBSCRIBE, tg(GROUP)))
                .as("naming another chat")
                .isFalse();
        for (Action desk : new Action[] {
            Action.APPROVE,
            Action.REJECT,
            Action.RETRACT,
            Action.APPROVAL_SWITCH,
            Action.PENDING,
            Action.STATUS,
            Action.AUDIT
        }) {
            assertThat(may(stranger, desk)).as(desk.name()).isFalse();
        }
        assertThat(rights.decide(stranger, Action.APPROVE))
                .isEqualTo(
                        new Decision.Refused(
                                "Only the desk's editors"
                                        + " can approve quotes (the editors the desk has named and the administrators of the desk chat)."));
    }

    @Test
    void aGroupsAdministratorsHoldItsChannelRightsAndNothingElse() {
        assertThat(may(telegram(GROUP, ChatKind.GROUP, ADMIN), Action.SUBSCRIBE))
                .isTrue();
        assertThat(may(telegram(GROUP, ChatKind.GROUP, ADMIN), Action.APPROVE)).isFalse();
        assertThat(may(telegram(OTHER_GROUP, ChatKind.GROUP, ADMIN), Action.SUBSCRIBE))
                .isFalse();
        assertThat(may(telegram(ADMIN, ChatKind.PRIVATE, ADMIN), Action.SUBSCRIBE, tg(GROUP)))
                .as("an administrator naming their group from a private chat")
                .isTrue();
        ChatContext member = telegram(GROUP, ChatKind.GROUP, STRANGER);
        assertThat(may(member, Action.UNSUBSCRIBE)).isFalse();
        assertThat(rights.decide(member, Action.SUBSCRIBE))
                .isEqualTo(new Decision.Refused("Only this chat's administrators can change what this chat follows."));
        assertThat(rights.decide(telegram(STRANGER, ChatKind.PRIVATE, STRANGER), Action.SUBSCRIBE, tg(GROUP)))
                .isEqualTo(new Decision.Refused(
                        "Only the administrators of telegram:-1001 can change what that chat" + " follows."));
    }

    @Test
    void anAnonymousAdministratorCountsForTheirGroupAndForTheDeskChatButNotAsAnotherChat() {
        assertThat(may(anonymousAdmin(GROUP), Action.SUBSCRIBE)).isTrue();
        assertThat(may(anonymousAdmin(GROUP), Action.APPROVE)).isFalse();
        assertThat(may(anonymousAdmin(GROUP), Action.SUBSCRIBE, tg(OTHER_GROUP)))
                .isFalse();
        assertThat(may(anonymousAdmin(DESK), Action.APPROVE)).isTrue();
        assertThat(may(anonymousAdmin(DESK), Action.AUDIT)).isTrue();
        ChatContext linkedChannel = new ChatContext(Platform.TELEGRAM, GROUP, ChatKind.GROUP, "-1007", "Channel", true);
        assertThat(may(linkedChannel, Action.SUBSCRIBE))
                .as("a post sent as some other chat")
                .isFalse();
        ChatContext channelPost =
                new ChatContext(Platform.TELEGRAM, "-1005", ChatKind.CHANNEL, "-1005", "Alerts", true);
        assertThat(may(channelPost, Action.SUBSCRIBE))
                .as("a broadcast channel's own post")
                .isTrue();
    }

    @Test
    void deskEditorsAreTheNamedOnesAndTheDeskChatsAdministratorsWhereverTheyAsk() {
        assertThat(may(telegram(EDITOR, ChatKind.PRIVATE, EDITOR), Action.APPROVE))
                .isTrue();
        assertThat(may(telegram(GROUP, ChatKind.GROUP, EDITOR), Action.STATUS)).isTrue();
        assertThat(may(telegram(DESK_ADMIN, ChatKind.PRIVATE, DESK_ADMIN), Action.APPROVAL_SWITCH))
                .isTrue();
        assertThat(may(telegram(GROUP, ChatKind.GROUP, EDITOR), Action.SUBSCRIBE))
                .as("on Telegram, a group's own administrators decide what it follows")
                .isFalse();
    }

    @Test
    void onSlackDeskEditorsAndWorkspaceAdminsAdministerEveryChannel() {
        ChatContext editor = ChatContext.person(Platform.SLACK, "C0POLITICS", ChatKind.GROUP, "U0EDITOR");
        ChatContext admin = ChatContext.person(Platform.SLACK, "C0POLITICS", ChatKind.GROUP, "U0WSADMIN");
        ChatContext reporter = ChatContext.person(Platform.SLACK, "C0POLITICS", ChatKind.GROUP, "U0REPORTER");

        assertThat(may(editor, Action.SUBSCRIBE)).isTrue();
        assertThat(may(editor, Action.APPROVE)).isTrue();
        assertThat(may(admin, Action.SUBSCRIBE)).isTrue();
        assertThat(may(admin, Action.APPROVE)).isFalse();
        assertThat(rights.decide(reporter, Action.SUBSCRIBE))
                .isEqualTo(new Decision.Refused(
                        "Only the desk's editors and the workspace's admins can change what this chat follows."));
        assertThat(may(editor, Action.SUBSCRIBE, tg(GROUP)))
                .as("rights never cross platforms")
                .isFalse();
    }

    @Test
    void aPlatformNotEnabledHasNoEditorsAndTheConsoleMayDoAnything() {
        Rights none = new Rights(audit, clock);
        assertThat(none.decide(telegram(GROUP, ChatKind.GROUP, ADMIN), Action.SUBSCRIBE))
                .isInstanceOf(Decision.Refused.class);
        assertThat(none.decide(telegram(EDITOR, ChatKind.PRIVATE, EDITOR), Action.SUBSCRIBE))
                .isInstanceOf(Decision.Granted.class);
        assertThat(none.decide(ChatContext.console(), Action.AUDIT)).isInstanceOf(Decision.Granted.class);
    }

    @Test
    void actionsAreRecordedWithWhoWhereWhenAndWhat() {
        rights.record(
                new ChatContext(Platform.TELEGRAM, GROUP, ChatKind.GROUP, ADMIN, "Ann Admin", false),
                Action.SUBSCRIBE,
                "Kingswood");
        clock.advance(java.time.Duration.ofMinutes(1));
        rights.record(telegram(EDITOR, ChatKind.PRIVATE, EDITOR), Action.APPROVE, "quote #3");

        assertThat(rights.latest(20))
                .extracting(
                        AuditEntry::action,
                        AuditEntry::userId,
                        AuditEntry::userName,
                        AuditEntry::askedIn,
                        AuditEntry::detail,
                        AuditEntry::at)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Action.APPROVE, EDITOR, "user 7", tg(EDITOR), "quote #3", clock.instant()),
                        org.assertj.core.groups.Tuple.tuple(
                                Action.SUBSCRIBE,
                                ADMIN,
                                "Ann Admin",
                                tg(GROUP),
                                "Kingswood",
                                Instant.parse("2024-07-05T01:00:00Z")));
    }
}
