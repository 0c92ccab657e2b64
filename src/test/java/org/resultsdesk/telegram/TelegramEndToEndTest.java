package org.resultsdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.resultsdesk.store.Database;
import org.resultsdesk.telegram.fake.FakeTelegramApi;
import org.resultsdesk.telegram.fake.FakeTelegramApi.Failure;
import org.resultsdesk.telegram.fake.TelegramUpdates;
import org.resultsdesk.web.WebServer;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The real TelegramBots client against the fake Bot API: commands in, replies out, every failure mapped. */
class TelegramEndToEndTest {
    static final long NEWSROOM = -1001234L;
    static final long REPORTER = 42L;
    static final long EDITOR = 7L;

    @TempDir
    Path dir;

    TelegramDesk telegram;
    FakeTelegramApi api;
    Database database;
    TelegramClient client;
    TelegramGateway gateway;
    TelegramBot bot;
    final TelegramUpdates updates = new TelegramUpdates();

    final MutableClock clock = new MutableClock(Instant.parse("2024-02-16T02:00:00Z"));

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(dir);
        telegram = new TelegramDesk(clock, database);
        api = telegram.api();
        client = telegram.client();
        gateway = telegram.gateway();
        bot = telegram.bot(
                new CommandService(
                        TestData.archive(), new SeatDirectory(TestData.archive().seats())),
                database);
        api.setAdministrators(NEWSROOM, EDITOR);
    }

    @AfterEach
    void tearDown() {
        telegram.close();
        database.close();
    }

    void poll(ObjectNode... updates) {
        telegram.poll(bot, updates);
    }

    @Test
    void aResultCommandIsAnsweredWithTheAnnouncementInHtml() {
        poll(updates.message(REPORTER, REPORTER, "/result kingswood"));

        assertThat(api.messages(REPORTER)).singleElement().satisfies(m -> {
            assertThat(m.parseMode()).isEqualToIgnoringCase("HTML");
            assertThat(m.text())
                    .startsWith("<b>Kingswood by-election, 15 Feb 2024</b>\n<b>Labour GAIN from Conservative</b>")
                    .contains("<pre>LAB   Damien Egan          11,176  44.9%  +11.5")
                    .contains("Swing 16.4% Con to Lab. Turnout 37.1% (2019: 71.7%)");
        });
    }

    @Test
    void groupCommandsAddressedToThisBotAreAnsweredOthersIgnored() {
        poll(
                updates.message(NEWSROOM, REPORTER, "/result@ResultsDeskBot wellingborough"),
                updates.message(NEWSROOM, REPORTER, "/RESULT kingswood"),
                updates.message(NEWSROOM, REPORTER, "/result@SomeOtherBot kingswood"),
                updates.message(NEWSROOM, REPORTER, "chatting about kingswood"),
                updates.message(NEWSROOM, REPORTER, "/result"));

        List<FakeTelegramApi.Posted> posted = api.messages(NEWSROOM);
        assertThat(posted).hasSize(3);
        assertThat(posted.get(0).text()).contains("Wellingborough by-election");
        assertThat(posted.get(1).text()).contains("Kingswood by-election");
        assertThat(posted.get(2).text()).contains("Which seat?");
    }

    @Test
    void aBareSeatNameMentioningTheBotInAGroupIsALookup() {
        poll(
                updates.message(NEWSROOM, REPORTER, "@ResultsDeskBot wellingborough"),
                updates.message(NEWSROOM, REPORTER, "kingswood 2019 @resultsdeskbot"),
                updates.message(NEWSROOM, REPORTER, "@SomeOtherBot kingswood"));

        List<FakeTelegramApi.Posted> posted = api.messages(NEWSROOM);
        assertThat(posted).hasSize(2);
        assertThat(posted.get(0).text()).contains("Wellingborough by-election");
        assertThat(posted.get(1).text()).contains("Kingswood, general election 12 Dec 2019");
    }

    @Test
    void aMisspeltSeatGetsButtonsAndPressingOneAnswers() {
        poll(updates.message(REPORTER, REPORTER, "/result kingswod"));
        FakeTelegramApi.Posted suggestion = api.messages(REPORTER).get(0);
        assertThat(suggestion.text()).contains("Did you mean Kingswood?");
        String data = suggestion
                .replyMarkup()
                .path("inline_keyboard")
                .get(0)
                .get(0)
                .path("callback_data")
                .asText();
        assertThat(suggestion
                        .replyMarkup()
                        .path("inline_keyboard")
                        .get(0)
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("Kingswood (2019, 2024 by-election)");

        poll(updates.buttonPress(REPORTER, REPORTER, data));

        assertThat(api.messages(REPORTER)).hasSize(2);
        assertThat(api.messages(REPORTER).get(1).text()).contains("Kingswood by-election");
        assertThat(api.calls()).contains("answercallbackquery");
    }

    @Test
    void aReplayedUpdateIsAnsweredOnce() {
        ObjectNode update = updates.message(REPORTER, REPORTER, "/result kingswood");
        poll(update);
        bot.onUpdate(readUpdate(update));

        assertThat(api.messages(REPORTER)).hasSize(1);
    }

    @Test
    void webhookRequestsWithoutTheRightSecretGet401AndAreNotProcessed() throws Exception {
        try (WebServer server = WebServer.start(
                "telegram",
                "127.0.0.1",
                0,
                Map.of("/telegram", new TelegramWebhook("s3cret-s3cret-s3cret", bot)),
                WebServer.Limits.DEFAULT)) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/telegram");
            String body =
                    updates.message(REPORTER, REPORTER, "/result kingswood").toString();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));

            assertThat(http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(401);
            assertThat(http.send(
                                    request.copy()
                                            .header("X-Telegram-Bot-Api-Secret-Token", "wrong")
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(401);
            assertThat(api.messages(REPORTER)).isEmpty();

            assertThat(http.send(
                                    request.copy()
                                            .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-s3cret-s3cret")
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(api.messages(REPORTER)).hasSize(1);

            HttpRequest.Builder secret =
                    HttpRequest.newBuilder(uri).header("X-Telegram-Bot-Api-Secret-Token", "s3cret-s3cret-s3cret");
            for (String bad : List.of("null", "{\"update_id\": ", "[1, 2]", "\"text\"", "")) {
                assertThat(http.send(
                                        secret.copy()
                                                .POST(HttpRequest.BodyPublishers.ofString(bad))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode())
                        .as(bad)
                        .isEqualTo(400);
            }
            assertThat(api.messages(REPORTER)).hasSize(1);
        }
    }

    @Test
    void afterAnOutageLongerThanFifteenMinutesPollingResumesWithinSeconds() {
        TelegramLongPoller poller = new TelegramLongPoller(client, bot, 0, d -> {});
        api.setDown(true);
        Duration virtual = Duration.ZERO;
        Duration lastWait = Duration.ZERO;
        while (virtual.compareTo(Duration.ofMinutes(16)) < 0) {
            lastWait = poller.pollOnce();
            virtual = virtual.plus(lastWait);
        }
        assertThat(lastWait).isLessThanOrEqualTo(Duration.ofSeconds(5));

        api.setDown(false);
        api.queueUpdate(updates.message(REPORTER, REPORTER, "/result kingswood"));
        assertThat(poller.pollOnce())
                .as("the first poll after Telegram returns succeeds")
                .isZero();
        assertThat(api.messages(REPORTER)).hasSize(1);
    }

    @Test
    void botApiOutcomesMapToDeliveryResults() {
        Reply hello = Reply.text("Kingswood declares soon");
        api.failNext(1, Failure.BLOCKED);
        api.failNext(2, Failure.CHAT_NOT_FOUND);
        api.failNext(-3, Failure.MIGRATED);
        api.failNext(4, Failure.SERVER_ERROR);
        api.failNext(5, Failure.GARBAGE);
        api.failNext(6, Failure.THROTTLED_DESCRIPTION_ONLY);
        api.failNext(-7, Failure.KICKED);

        assertThat(gateway.send("1", hello))
                .isInstanceOfSatisfying(
                        DeliveryResult.Gone.class, g -> assertThat(g.reason()).contains("blocked"));
        assertThat(gateway.send("2", hello)).isInstanceOf(DeliveryResult.Gone.class);
        assertThat(gateway.send("-3", hello))
                .isInstanceOfSatisfying(
                        DeliveryResult.Gone.class,
                        g -> assertThat(g.movedTo()).contains(String.valueOf(-3 - 1_000_000_000_000L)));
        assertThat(gateway.send("4", hello))
                .isInstanceOfSatisfying(
                        DeliveryResult.Failed.class,
                        f -> assertThat(f.mayHaveLanded()).isFalse());
        assertThat(gateway.send("5", hello))
                .isInstanceOfSatisfying(
                        DeliveryResult.Failed.class,
                        f -> assertThat(f.mayHaveLanded()).isTrue());
        assertThat(gateway.send("6", hello)).isEqualTo(new DeliveryResult.RetryAfter(Duration.ofSeconds(9)));
        assertThat(gateway.send("-7", hello))
                .isInstanceOfSatisfying(
                        DeliveryResult.Gone.class, g -> assertThat(g.reason()).contains("kicked"));
    }

    @Test
    void rateLimitsAnswer429WithRetryAfterAndEditsThatChangeNothingSucceed() {
        DeliveryResult first = gateway.send(String.valueOf(NEWSROOM), Reply.text("one"));
        assertThat(gateway.send(String.valueOf(NEWSROOM), Reply.text("two")))
                .isEqualTo(new DeliveryResult.RetryAfter(Duration.ofSeconds(1)));
        String id = ((DeliveryResult.Delivered) first).messageId();

        assertThat(gateway.edit(String.valueOf(NEWSROOM), id, Reply.text("one")))
                .isEqualTo(new DeliveryResult.Delivered(id));
        assertThat(gateway.edit(String.valueOf(NEWSROOM), id, Reply.text("one, corrected")))
                .isEqualTo(new DeliveryResult.Delivered(id));
        assertThat(api.messages(NEWSROOM))
                .singleElement()
                .extracting(FakeTelegramApi.Posted::text)
                .isEqualTo("one, corrected");
    }

    @Test
    void aSendWhoseConnectionDroppedIsReportedAsMaybePostedNotRepeated() {
        api.failNext(9, Failure.DROP_AFTER_POSTING);

        assertThat(gateway.send("9", Reply.text("Kingswood: Labour GAIN")))
                .isInstanceOfSatisfying(
                        DeliveryResult.Failed.class,
                        f -> assertThat(f.mayHaveLanded()).isTrue());
        assertThat(api.messages(9))
                .as("posted once, and the client did not retry by itself")
                .hasSize(1);
    }

    @Test
    void theFakeTakesMultipartAndFormBodiesAndMethodNamesInAnyCase() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String boundary = "rd-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n77\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nSt. Helens & Ynys Môn\r\n--"
                + boundary + "--\r\n";
        HttpResponse<String> first = http.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + "/bot" + FakeTelegramApi.TOKEN + "/SENDMESSAGE"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(multipart))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> second = http.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + "/bot" + FakeTelegramApi.TOKEN + "/sendMessage"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("chat_id=77&text=Kingswood%20%26%20Wellingborough"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(api.messages(77))
                .extracting(FakeTelegramApi.Posted::text)
                .containsExactly("St. Helens & Ynys Môn", "Kingswood & Wellingborough");
    }

    @Test
    void markupTelegramRejectsIsResentAsPlainText() {
        api.failNext(11, Failure.BAD_ENTITIES);

        assertThat(gateway.send("11", Reply.text("Kingswood & Wellingborough")))
                .isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(api.messages(11)).singleElement().satisfies(m -> {
            assertThat(m.parseMode()).isEmpty();
            assertThat(m.text()).isEqualTo("Kingswood & Wellingborough");
        });
    }

    private org.telegram.telegrambots.meta.api.objects.Update readUpdate(ObjectNode node) {
        try {
            return new ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .treeToValue(node, org.telegram.telegrambots.meta.api.objects.Update.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
