package org.resultsdesk.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsdesk.MutableClock;
import org.resultsdesk.TestData;
import org.resultsdesk.cards.ChartCardRenderer;
import org.resultsdesk.core.cards.Cards;
import org.resultsdesk.core.command.CommandLine;
import org.resultsdesk.core.command.CommandService;
import org.resultsdesk.core.command.PictureCommands;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.seats.SeatDirectory;
import org.resultsdesk.slack.fake.FakeSlackApi;
import org.resultsdesk.store.Database;
import org.resultsdesk.store.JdbiSendBudget;

/** Pictures through Bolt and the real SDK against the fake Web API: the external upload flow, step by step. */
class SlackPicturesTest {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_531_420_618));
    final Cards cards = new Cards(new ChartCardRenderer());

    @TempDir
    Path dir;

    Database database;
    FakeSlackApi api;
    SlackEndpoint endpoint;
    SlackGateway gateway;
    PictureCommands pictures;
    com.slack.api.methods.MethodsClient methods;

    @BeforeEach
    void setUp() throws Exception {
        database = Database.sqlite(dir);
        api = new FakeSlackApi(clock);
        SlackSettings settings =
                SlackApps.settings(api, SECRET, SlackSettings.Visibility.IN_CHANNEL, Set.of("U0EDITOR"));
        var slack = SlackApp.slack(settings);
        methods = slack.methods(FakeSlackApi.BOT_TOKEN);
        gateway = new SlackGateway(methods);
        SeatDirectory seats = new SeatDirectory(TestData.archive().seats());
        pictures = new PictureCommands(TestData.archive(), seats, cards);
        CommandService commands = new CommandService(TestData.archive(), seats, pictures);
        endpoint = new SlackEndpoint(
                SlackApps.paced(settings, slack, commands, new JdbiSendBudget(database), clock), SECRET, clock);
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
        api.close();
        database.close();
    }

    private HttpResponse<String> slash(String name, String text) throws Exception {
        return endpoint.signed(SlackEndpoint.slashCommand("C0DESK", "U0REPORTER", name, text, api.responseUrl("cmd1")));
    }

    @Test
    void chartKingswoodIsUploadedToTheChannelAsOnePicture() throws Exception {
        HttpResponse<String> ack = slash("/chart", "kingswood");

        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.uploads().isEmpty());
        FakeSlackApi.Upload upload = api.uploads().get(0);
        assertThat(api.fileCalls())
                .containsExactly("files.getUploadURLExternal", "upload", "files.completeUploadExternal");
        assertThat(upload.channel()).isEqualTo("C0DESK");
        assertThat(upload.fileName()).isEqualTo("kingswood-by-election-15-feb-2024.png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(upload.png()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(675);
        assertThat(upload.comment()).contains("Labour GAIN from Conservative");
        assertThat(api.messages("C0DESK"))
                .singleElement()
                .satisfies(m -> assertThat(m.ts()).isEqualTo(upload.ts()));
        assertThat(api.responseUrlPosts()).isEmpty();
    }

    @Test
    void anOnDemandPictureWaitsForTheChannelsNextSlotLikeEveryOtherMessage() throws Exception {
        Instant alertSent = clock.instant();
        assertThat(new JdbiSendBudget(database)
                        .tryTake(ChatContext.Platform.SLACK, gateway.limits().bucketsFor("C0DESK"), alertSent))
                .as("an alert to the channel takes its slot")
                .isEmpty();

        slash("/chart", "kingswood");

        await().atMost(Duration.ofSeconds(30)).until(() -> !api.uploads().isEmpty());
        assertThat(api.messages("C0DESK"))
                .singleElement()
                .satisfies(m -> assertThat(m.at())
                        .as("the channel's window later")
                        .isEqualTo(alertSent.plus(gateway.limits()
                                .channelBuckets("C0DESK")
                                .get(0)
                                .limit()
                                .window())));
    }

    @Test
    void aChannelThatWillNotTakeTheFileGetsTheTextThroughResponseUrl() throws Exception {
        api.failNext("C0DESK", "not_in_channel");

        slash("/board", "2019");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !api.responseUrlPosts().isEmpty());
        assertThat(api.uploads()).isEmpty();
        assertThat(api.responseUrlPosts().get(0).path("text").asText())
                .contains("CON")
                .contains("365");
    }

    @Test
    void theGatewayReportsAnArchivedChannelAsGoneAndTheIdIsTheSharesTs() {
        Reply chart = pictures.handle(CommandLine.parse("/chart wellingborough"), ChatContext.console());

        DeliveryResult sent = gateway.send("C0NEWS", chart);
        api.failNext("C0GONE", "is_archived");
        DeliveryResult gone = gateway.send("C0GONE", chart);

        assertThat(sent)
                .isEqualTo(new DeliveryResult.Delivered(api.uploads().get(0).ts()));
        assertThat(gone).isInstanceOf(DeliveryResult.Gone.class);
        assertThat(api.uploads()).hasSize(1);
    }

    @Test
    void theFakeRefusesBytesThatAreNotThePngAnnounced() throws Exception {
        var url = methods.filesGetUploadURLExternal(r -> r.filename("card.png").length(10));
        var response = new OkHttpClient()
                .newCall(new Request.Builder()
                        .url(url.getUploadUrl())
                        .post(RequestBody.create("not a png!".getBytes(), MediaType.get("image/png")))
                        .build())
                .execute();
        response.close();
        var complete = methods.filesCompleteUploadExternal(r -> r.channelId("C0DESK")
                .files(List.of(
                        com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails.builder()
                                .id(url.getFileId())
                                .build())));

        assertThat(response.code()).isEqualTo(400);
        assertThat(complete.isOk()).isFalse();
        assertThat(complete.getError()).isEqualTo("file_upload_incomplete");
        assertThat(api.uploads()).isEmpty();
    }
}
