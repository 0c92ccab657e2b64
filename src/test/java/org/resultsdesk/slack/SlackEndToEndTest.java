package org.resultsdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiSendBudget;

/** Really signed requests against the running endpoint, Bolt in the middle, the real SDK against the fake Web API. */
class SlackEndToEndTest {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final Instant NOW = Instant.ofEpochSecond(1_531_420_618);

    final MutableClock clock = new MutableClock(NOW);
    final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    Database database;
    FakeSlackApi api;
    SlackEndpoint endpoint;
    SlackGateway gateway;
    SlackSignature signature;

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(dir);
        api = new FakeSlackApi(clock);
        SlackSettings settings =
                SlackApps.settings(api, SECRET, SlackSettings.Visibility.IN_CHANNEL, Set.of("U0EDITOR"));
        var slack = SlackApp.slack(settings);
        gateway = new SlackGateway(slack.methods(FakeSlackApi.BOT_TOKEN));
        CommandService commands = new CommandService(
                TestData.archive(), new SeatDirectory(TestData.archive().seats()));
        endpoint = new SlackEndpoint(
                SlackApps.paced(settings, slack, commands, new JdbiSendBudget(database), clock), SECRET, clock);
        signature = endpoint.signature();
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
        api.close();
        database.close();
    }

    String command(String name, String text) {
        return SlackEndpoint.slashCommand("C0DESK", "U0REPORTER", name, text, api.responseUrl("cmd1"));
    }

    @Test
    void slacksDocumentedSigningExampleVerifies() {
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        String expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

        assertThat(signature.sign("1531420618", body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
        assertThat(signature.verify("1531420618", expected, body.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
    }

    @Test
    void resultIsAnsweredInTheAcknowledgementWithBlocks() throws Exception {
        HttpResponse<String> response = endpoint.signed(command("/result", "kingswood"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(body.path("blocks").get(0).path("text").path("text").asText())
                .isEqualTo("Kingswood by-election, 15 Feb 2024");
        assertThat(body.toString()).contains("11,176  44.9%  +11.5").contains("Swing 16.4% Con to Lab");
        assertThat(body.path("text").asText()).contains("Labour GAIN from Conservative");
    }

    @Test
    void badlySignedRequestsAreRejectedWith401() throws Exception {
        String body = command("/result", "kingswood");
        String ts = String.valueOf(NOW.getEpochSecond());
        String good = signature.sign(ts, body.getBytes(StandardCharsets.UTF_8));

        assertThat(endpoint.post(body.replace("kingswood", "wellingborough"), ts, good)
                        .statusCode())
                .as("tampered body")
                .isEqualTo(401);
        char last = good.charAt(good.length() - 1);
        String tampered = good.substring(0, good.length() - 1) + (last == '0' ? '1' : '0');
        assertThat(endpoint.post(body, ts, tampered).statusCode())
                .as("tampered signature")
                .isEqualTo(401);
        assertThat(endpoint.post(body, null, null).statusCode())
                .as("no headers")
                .isEqualTo(401);
        assertThat(endpoint.post(body, ts, null).statusCode())
                .as("no signature")
                .isEqualTo(401);
        String old = String.valueOf(NOW.minusSeconds(301).getEpochSecond());
        assertThat(endpoint.post(body, old, signature.sign(old, body.getBytes(StandardCharsets.UTF_8)))
                        .statusCode())
                .as("too old")
                .isEqualTo(401);
        String future = String.valueOf(NOW.plusSeconds(301).getEpochSecond());
        assertThat(endpoint.post(body, future, signature.sign(future, body.getBytes(StandardCharsets.UTF_8)))
                        .statusCode())
                .as("from the future")
                .isEqualTo(401);
        assertThat(endpoint.post(body, ts, good).statusCode()).isEqualTo(200);
    }

    @Test
    void aNonAsciiSeatNameVerifiesAndAnswers() throws Exception {
        HttpResponse<String> response = endpoint.signed(command("/result", "Ynys Môn"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Ynys Môn");
    }

    @Test
    void aSuggestionButtonRunsItsCommandThroughTheResponseUrl() throws Exception {
        JsonNode suggestion =
                json.readTree(endpoint.signed(command("/result", "kingswod")).body());
        JsonNode button = suggestion
                .path("blocks")
                .get(suggestion.path("blocks").size() - 1)
                .path("elements")
                .get(0);
        assertThat(button.path("text").path("text").asText())
                .isEqualTo("Kingswood (2010, 2015, 2017, 2019, 2024 by-election)");

        String payload = json.createObjectNode()
                .put("type", "block_actions")
                .put("api_app_id", "A0APP")
                .put("token", "x")
                .put("trigger_id", "1.2")
                .put("response_url", api.responseUrl("button1"))
                .set("team", json.createObjectNode().put("id", "T0NEWS").put("domain", "newsroom"))
                .toString();
        ObjectNodeBuilder b = new ObjectNodeBuilder(json.readTree(payload));
        b.node.set(
                "user",
                json.createObjectNode()
                        .put("id", "U0REPORTER")
                        .put("name", "rep")
                        .put("team_id", "T0NEWS"));
        b.node.set("channel", json.createObjectNode().put("id", "C0DESK").put("name", "desk"));
        b.node.set("container", json.createObjectNode().put("type", "message"));
        b.node.set(
                "actions",
                json.createArrayNode()
                        .add(json.createObjectNode()
                                .put("action_id", button.path("action_id").asText())
                                .put("block_id", "b1")
                                .put("type", "button")
                                .put("value", button.path("value").asText())
                                .put("action_ts", "1")));
        HttpResponse<String> response =
                endpoint.signed("payload=" + URLEncoder.encode(b.node.toString(), StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !api.responseUrlPosts().isEmpty());
        assertThat(api.responseUrlPosts().get(0).toString()).contains("Kingswood by-election");
    }

    @Test
    void webApiOutcomesMapToDeliveryResults() {
        Reply hello = Reply.text("Kingswood declares soon");
        for (String gone :
                new String[] {"channel_not_found", "is_archived", "not_in_channel", "invalid_auth", "token_revoked"}) {
            api.failNext("C-" + gone, gone);
            assertThat(gateway.send("C-" + gone, hello))
                    .as(gone)
                    .isEqualTo(new DeliveryResult.Gone(gone, Optional.empty()));
        }
        api.failNext("C429", "ratelimited");
        assertThat(gateway.send("C429", hello)).isEqualTo(new DeliveryResult.RetryAfter(Duration.ofSeconds(7)));
        api.failNext("C500", "http500");
        assertThat(gateway.send("C500", hello))
                .isInstanceOfSatisfying(
                        DeliveryResult.Failed.class,
                        f -> assertThat(f.mayHaveLanded()).isFalse());
        api.failNext("CBLOCKS", "invalid_blocks");
        assertThat(gateway.send("CBLOCKS", hello)).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(api.messages("CBLOCKS"))
                .singleElement()
                .satisfies(m -> assertThat(m.blocks()).isEmpty());
        api.failNext("CLONG", "msg_too_long", "msg_too_long");
        assertThat(gateway.send("CLONG", hello)).isEqualTo(new DeliveryResult.Rejected("msg_too_long"));
    }

    @Test
    void postingTwiceInASecondIsThrottledAndAnUpdateEditsByTs() {
        DeliveryResult first = gateway.send("CDESK", Reply.text("one"));
        assertThat(gateway.send("CDESK", Reply.text("two")))
                .isEqualTo(new DeliveryResult.RetryAfter(Duration.ofSeconds(1)));
        String ts = ((DeliveryResult.Delivered) first).messageId();

        assertThat(gateway.edit("CDESK", ts, Reply.text("one <corrected> & more")))
                .isEqualTo(new DeliveryResult.Delivered(ts));
        assertThat(api.messages("CDESK"))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("one &lt;corrected&gt; &amp; more"));
    }

    @Test
    void aSlowAnswerIsAcknowledgedInTimeAndFollowsThroughTheResponseUrl() throws Exception {
        java.util.concurrent.CountDownLatch acked = new java.util.concurrent.CountDownLatch(1);
        SlackSettings settings = SlackApps.settings(api, SECRET, SlackSettings.Visibility.EPHEMERAL, Set.of());
        SlackApp slow = SlackApps.paced(
                settings,
                SlackApp.slack(settings),
                (text, context) -> {
                    try {
                        acked.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Reply.text("The answer to " + text);
                },
                new JdbiSendBudget(database),
                clock);
        HttpResponse<String> response;
        try (SlackEndpoint slowEndpoint = new SlackEndpoint(slow, SECRET, clock)) {
            response = slowEndpoint.signed(command("/scoreboard", "2024"));
            acked.countDown();
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Working on it");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !api.responseUrlPosts().isEmpty());
        assertThat(api.responseUrlPosts().get(0).path("text").asText()).isEqualTo("The answer to /scoreboard 2024");
        assertThat(api.responseUrlPosts().get(0).path("response_type").asText()).isEqualTo("ephemeral");
    }

    /** Holds a mutable JSON object while a test builds it. */
    private record ObjectNodeBuilder(com.fasterxml.jackson.databind.node.ObjectNode node) {
        ObjectNodeBuilder(JsonNode node) {
            this((com.fasterxml.jackson.databind.node.ObjectNode) node);
        }
    }
}
