package org.resultsdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.alerts.AlertRouter;
import org.resultsdesk.core.alerts.SubscriptionCommands;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.model.Action;
import org.resultsdesk.core.model.AuditEntry;
import org.resultsdesk.core.model.ChannelRef;
import org.resultsdesk.core.model.ChatContext.Platform;
import org.resultsdesk.core.model.Quote;
import org.resultsdesk.core.quotes.QuoteCards;
import org.resultsdesk.core.quotes.QuoteCommands;
import org.resultsdesk.core.quotes.QuoteService;
import org.resultsdesk.core.rights.AuditCommand;
import org.resultsdesk.core.rights.PlatformRights;
import org.resultsdesk.core.rights.Rights;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiAlertStore;
import org.resultsdesk.store.JdbiAuditTrail;
import org.resultsdesk.store.JdbiQuoteStore;
import org.resultsdesk.store.JdbiSendBudget;
import org.resultsdesk.store.JdbiSubscriptionStore;

/**
 * Rights on Slack through really signed requests, Bolt, and the real SDK against the fake Web API: desk editors and
 * workspace admins, a reporter, a direct message, a forged button, and channels the bot cannot post in.
 */
class SlackRightsTest {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String DESK = "C0DESK";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2024-07-05T01:00:00Z"));
    final ObjectMapper json = new ObjectMapper();
    final AtomicInteger requests = new AtomicInteger();
    FakeSlackApi api;
    Database database;
    SlackEndpoint endpoint;
    JdbiSubscriptionStore subscriptions;
    JdbiQuoteStore quotes;
    JdbiAuditTrail audit;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeSlackApi(clock);
        api.declareUser("U0ADMIN", true, false);
        api.declareUser("U0OWNER", false, true);
        api.declareUser("U0REPORTER", false, false);
        api.declareChannel("G0SECRET", true, false);
        api.declareChannel("C0PUBLIC", false, false);
        database = Database.sqlite(dir);
        subscriptions = new JdbiSubscriptionStore(database, clock);
        quotes = new JdbiQuoteStore(database);
        audit = new JdbiAuditTrail(database);
        SlackSettings settings =
                SlackApps.settings(api, SECRET, SlackSettings.Visibility.IN_CHANNEL, Set.of("U0EDITOR"));
        var slack = SlackApp.slack(settings);
        Rights rights = new Rights(audit, clock);
        rights.enable(
                new PlatformRights(Platform.SLACK, settings.editorUserIds(), Optional.empty(), true),
                new SlackChatDirectory(slack.methods(FakeSlackApi.BOT_TOKEN), clock));
        SeatDirectory seats = new SeatDirectory(TestData.archive().seats());
        JdbiAlertStore outbox = new JdbiAlertStore(database);
        CommandService commands = new CommandService(
                TestData.archive(),
                seats,
                new QuoteCards(quotes, TestData.archive()),
                new SubscriptionCommands(subscriptions, seats, TestData.archive(), rights),
                new QuoteCommands(
                        new QuoteService(
                                quotes, outbox, new AlertRouter(subscriptions), TestData.archive(), clock, () -> {}),
                        quotes,
                        TestData.archive(),
                        seats,
                        rights),
                new AuditCommand(rights));
        endpoint = new SlackEndpoint(
                SlackApps.paced(settings, slack, commands, new JdbiSendBudget(database), clock), SECRET, clock);
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
        api.close();
        database.close();
    }

    /** The text of the answer to a slash command, from the acknowledgement or, when slow, its response_url. */
    String command(String channel, String user, String name, String text) throws Exception {
        String responseUrl = api.responseUrl("cmd" + requests.incrementAndGet());
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "token",
                "x",
                "team_id",
                "T0NEWS",
                "channel_id",
                channel,
                "user_id",
                user,
                "user_name",
                user.toLowerCase(),
                "command",
                name,
                "text",
                text,
                "response_url",
                responseUrl));
        return answer(endpoint.signed(SlackEndpoint.form(form)), responseUrl);
    }

    /** A press of a button carrying {@code command}, as Slack would send it whoever forged its value. */
    String press(String channel, String user, String command) throws Exception {
        String responseUrl = api.responseUrl("button" + requests.incrementAndGet());
        ObjectNode payload = json.createObjectNode()
                .put("type", "block_actions")
                .put("api_app_id", "A0APP")
                .put("token", "x")
                .put("trigger_id", "1.2")
                .put("response_url", responseUrl);
        payload.set("team", json.createObjectNode().put("id", "T0NEWS").put("domain", "newsroom"));
        payload.set(
                "user",
                json.createObjectNode()
                        .put("id", user)
                        .put("name", user.toLowerCase())
                        .put("team_id", "T0NEWS"));
        payload.set("channel", json.createObjectNode().put("id", channel).put("name", "desk"));
        payload.set("container", json.createObjectNode().put("type", "message"));
        payload.set(
                "actions",
                json.createArrayNode()
                        .add(json.createObjectNode()
                                .put("action_id", SlackBlockKitRenderer.ACTION_PREFIX + "0")
                                .put("block_id", "b1")
                                .put("type", "button")
                                .put("value", command)
                                .put("action_ts", "1")));
        HttpResponse<String> response =
                endpoint.signed("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return fromResponseUrl(responseUrl);
    }

    String answer(HttpResponse<String> response, String responseUrl) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        String text = json.readTree(response.body()).path("text").asText();
        return text.startsWith("Working on it") ? fromResponseUrl(responseUrl) : text;
    }

    String fromResponseUrl(String responseUrl) {
        String id = responseUrl.substring(responseUrl.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.responseUrlPost(id).isPresent());
        return api.responseUrlPost(id).orElseThrow().path("text").asText();
    }

    ChannelRef slack(String channel) {
        return new ChannelRef(Platform.SLACK, channel);
    }

    void fileQuote() throws Exception {
        assertThat(command(DESK, "U0REPORTER", "/quote", "kingswood Damien Egan (Labour): A historic night"))
                .startsWith("Filed quote #1");
    }

    @Test
    void aReporterIsRefusedEveryEditorialActionAndNothingChanges() throws Exception {
        fileQuote();
        assertThat(command(DESK, "U0REPORTER", "/subscribe", "all"))
                .isEqualTo(
                        "Only the desk's editors and the"
                                + " workspace's admins can change what this chat follows. /subscriptions shows what it follows now.");
        assertThat(command(DESK, "U0REPORTER", "/quote", "approve 1"))
                .startsWith("Only the desk's editors can" + " approve quotes");
        assertThat(command(DESK, "U0REPORTER", "/quotes", "approval off"))
                .startsWith("Only the desk's editors can" + " turn quote approval on or off");
        assertThat(command(DESK, "U0REPORTER", "/resultsdesk", "audit"))
                .startsWith("Only the desk's editors can see" + " the audit trail");

        assertThat(subscriptions.forChannel(slack(DESK))).isEmpty();
        assertThat(quotes.find(1).orElseThrow().status()).isEqualTo(Quote.Status.PENDING);
        assertThat(quotes.approvalRequired(slack(DESK))).isTrue();
        assertThat(audit.latest(20)).isEmpty();
        assertThat(api.allMessages()).isEmpty();
    }

    @Test
    void workspaceAdminsAndOwnersManageChannelsButOnlyDeskEditorsApprove() throws Exception {
        fileQuote();
        assertThat(command(DESK, "U0ADMIN", "/subscribe", "kingswood"))
                .startsWith("This channel now follows Kingswood.");
        assertThat(command(DESK, "U0ADMIN", "/subscribe", "gains")).contains("now follows");
        assertThat(command(DESK, "U0OWNER", "/unsubscribe", "gains")).contains("no longer follows");
        assertThat(command(DESK, "U0ADMIN", "/quote", "approve 1")).startsWith("Only the desk's editors");
        assertThat(api.calls().stream().filter("users.info"::equals))
                .as("remembered for a minute")
                .hasSize(2);

        assertThat(command(DESK, "U0EDITOR", "/quote", "approve 1")).startsWith("Approved quote #1");
        assertThat(quotes.find(1).orElseThrow().decidedBy()).isEqualTo("u0editor");
        assertThat(command(DESK, "U0EDITOR", "/resultsdesk", "audit"))
                .startsWith(
                        "Latest editorial actions (UTC):\n"
                                + "5 Jul 01:00  u0editor (slack U0EDITOR) approved quote #1 from Damien Egan (Labour), in slack:C0DESK");
        assertThat(audit.latest(20))
                .extracting(AuditEntry::action)
                .containsExactly(Action.APPROVE, Action.UNSUBSCRIBE, Action.SUBSCRIBE, Action.SUBSCRIBE);
    }

    @Test
    void aChannelTheBotCannotPostInIsRefusedAtSubscribeAndAPublicOneIsJoined() throws Exception {
        assertThat(command("G0SECRET", "U0EDITOR", "/subscribe", "all"))
                .isEqualTo(
                        "I can't post in this channel,"
                                + " so alerts would never arrive: invite me with /invite @Results Desk first, then /subscribe again.");
        assertThat(subscriptions.forChannel(slack("G0SECRET"))).isEmpty();

        assertThat(command("C0PUBLIC", "U0EDITOR", "/subscribe", "all"))
                .isEqualTo("This channel now follows every" + " declaration.");
        assertThat(api.calls()).contains("conversations.info", "conversations.join");

        api.declareChannel("C0NOJOIN01", false, false);
        api.withoutJoinScope();
        assertThat(command(DESK, "U0EDITOR", "/subscribe", "all in C0NOJOIN01"))
                .startsWith("I can't post in C0NOJOIN01");
        assertThat(subscriptions.forChannel(slack("C0NOJOIN01"))).isEmpty();
    }

    @Test
    void aDirectMessageGivesRightsOverItselfOnlyAndNamingAChannelNeedsItsRights() throws Exception {
        assertThat(command("D0STRANGER", "U0STRANGER", "/subscribe", "kingswood"))
                .startsWith("This channel now" + " follows Kingswood.");
        assertThat(command("D0STRANGER", "U0STRANGER", "/quotes", "approval off"))
                .startsWith("Only the desk's" + " editors");
        assertThat(command("D0STRANGER", "U0STRANGER", "/subscribe", "all in <#C0DESK|desk>"))
                .startsWith(
                        "Only the" + " desk's editors and the workspace's admins can change what that chat follows");
        assertThat(subscriptions.forChannel(slack(DESK))).isEmpty();

        assertThat(command("D0ADMIN", "U0ADMIN", "/subscribe", "all in <#C0DESK|desk>"))
                .isEqualTo("Chat C0DESK now" + " follows every declaration.");
        assertThat(subscriptions.forChannel(slack(DESK))).hasSize(1);
        assertThat(api.allMessages()).isEmpty();
    }

    @Test
    void aForgedButtonIsCheckedLikeTheCommandItCarries() throws Exception {
        fileQuote();
        assertThat(press(DESK, "U0REPORTER", "/quote approve 1")).startsWith("Only the desk's editors can approve");
        assertThat(press(DESK, "U0REPORTER", "/subscribe all"))
                .startsWith("Only the desk's editors and the" + " workspace's admins");
        assertThat(quotes.find(1).orElseThrow().status()).isEqualTo(Quote.Status.PENDING);
        assertThat(subscriptions.forChannel(slack(DESK))).isEmpty();

        assertThat(press(DESK, "U0EDITOR", "/quote approve 1")).startsWith("Approved quote #1");
        assertThat(press(DESK, "U0EDITOR", "/quote approve 1"))
                .isEqualTo("Quote #1 is approved, not waiting for" + " approval.");
        assertThat(audit.latest(20)).hasSize(1);
    }
}
