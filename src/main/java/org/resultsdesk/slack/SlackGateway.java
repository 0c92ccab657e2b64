package org.resultsdesk.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Picture;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.model.SendLimits;
import org.resultsdesk.core.port.ChatGateway;
import org.resultsdesk.core.port.DeliveryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts and updates through the Slack Web API (the SDK's MethodsClient) and says how it went in the core's terms:
 * {@code ratelimited} (429 with Retry-After) is RetryAfter; a channel that is gone or a token that no longer works
 * is Gone; blocks Slack refuses are sent again as plain text; a timeout after sending is reported as possibly
 * posted rather than repeated. A reply with a picture goes by Slack's external upload: files.getUploadURLExternal,
 * the PNG posted to the URL it gives, then files.completeUploadExternal shares it in the channel with the reply's
 * text as its comment. Slack cannot swap the file in a message, so an edit with a picture updates the comment only.
 */
public final class SlackGateway implements ChatGateway {
    private static final Logger LOG = LoggerFactory.getLogger(SlackGateway.class);
    private static final Set<String> GONE = Set.of(
            "channel_not_found",
            "is_archived",
            "not_in_channel",
            "invalid_auth",
            "token_revoked",
            "account_inactive",
            "missing_scope");
    private static final Set<String> BAD_BLOCKS = Set.of("invalid_blocks", "invalid_blocks_format", "msg_too_long");

    private final MethodsClient methods;
    private final SlackBlockKitRenderer renderer = new SlackBlockKitRenderer();

    public SlackGateway(MethodsClient methods) {
        this.methods = methods;
    }

    @Override
    public ChatContext.Platform platform() {
        return ChatContext.Platform.SLACK;
    }

    /**
     * Added to each of the platform's windows: the budget counts a send when it leaves, the platform when it arrives,
     * and two sends a window apart must not arrive less than a window apart when the first took longer on the way.
     */
    static final Duration IN_TRANSIT = Duration.ofMillis(100);

    /** Slack's limits: about one message a second in a channel, and a workspace cap of 200 a minute. */
    public static final SendLimits WEB_API_LIMITS = new SendLimits(
            channel -> List.of(new SendLimits.Bucket(
                    "channel:" + channel,
                    new SendLimits.Limit(1, Duration.ofSeconds(1).plus(IN_TRANSIT)))),
            List.of(new SendLimits.Bucket(
                    "workspace", new SendLimits.Limit(200, Duration.ofMinutes(1).plus(IN_TRANSIT)))));

    @Override
    public SendLimits limits() {
        return WEB_API_LIMITS;
    }

    @Override
    public DeliveryResult send(String channelId, Reply reply, int part) {
        if (reply.picture().isPresent()) {
            return upload(
                    channelId,
                    reply.picture().get(),
                    renderer.render(reply.withoutPicture()).text());
        }
        SlackMessage message = renderer.render(reply);
        DeliveryResult result = call(() -> methods.chatPostMessage(
                r -> inert(r.channel(channelId)).text(message.text()).blocks(message.blocks())));
        if (result instanceof DeliveryResult.Rejected rejected && isBadBlocks(rejected)) {
            LOG.warn("Slack refused our blocks ({}); sending plain text", rejected.reason());
            return call(() ->
                    methods.chatPostMessage(r -> inert(r.channel(channelId)).text(message.text())));
        }
        return result;
    }

    private DeliveryResult upload(String channelId, Picture picture, String comment) {
        AtomicReference<FilesGetUploadURLExternalResponse> url = new AtomicReference<>();
        DeliveryResult asked = call(() -> {
            FilesGetUploadURLExternalResponse response = methods.filesGetUploadURLExternal(r ->
                    r.filename(picture.fileName()).length(picture.sizeBytes()).altTxt(cut(picture.altText(), 1000)));
            url.set(response);
            return response;
        });
        if (!(asked instanceof DeliveryResult.Delivered)) {
            return asked;
        }
        String fileId = url.get().getFileId();
        Request upload = new Request.Builder()
                .url(url.get().getUploadUrl())
                .post(RequestBody.create(picture.png(), MediaType.get("image/png")))
                .build();
        try (Response response =
                methods.getSlackHttpClient().getOkHttpClient().newCall(upload).execute()) {
            if (response.code() == 429) {
                String header = response.header("Retry-After");
                return new DeliveryResult.RetryAfter(Duration.ofSeconds(header == null ? 5 : Long.parseLong(header)));
            }
            if (!response.isSuccessful()) {
                return response.code() >= 500
                        ? new DeliveryResult.Failed("Slack upload: HTTP " + response.code(), false)
                        : new DeliveryResult.Rejected("Slack refused the upload: HTTP " + response.code());
            }
        } catch (IOException e) {
            // Nothing is shared in the channel until the upload is completed: trying again posts it once.
            return new DeliveryResult.Failed("upload to Slack broke: " + e, false);
        }
        AtomicReference<FilesCompleteUploadExternalResponse> done = new AtomicReference<>();
        DeliveryResult completed = call(() -> {
            FilesCompleteUploadExternalResponse response = methods.filesCompleteUploadExternal(
                    r -> r.files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder()
                                    .id(fileId)
                                    .title(picture.fileName())
                                    .build()))
                            .channelId(channelId)
                            .initialComment(comment));
            done.set(response);
            return response;
        });
        if (!(completed instanceof DeliveryResult.Delivered)) {
            return completed;
        }
        return new DeliveryResult.Delivered(shareTs(done.get(), channelId).orElse("file:" + fileId));
    }

    /** The ts of the message that shares the file in the channel, where Slack says it already. */
    private static Optional<String> shareTs(FilesCompleteUploadExternalResponse response, String channelId) {
        if (response.getFiles() == null
                || response.getFiles().isEmpty()
                || response.getFiles().get(0).getShares() == null) {
            return Optional.empty();
        }
        var shares = response.getFiles().get(0).getShares();
        for (var channels : java.util.Arrays.asList(shares.getPublicChannels(), shares.getPrivateChannels())) {
            if (channels != null
                    && channels.get(channelId) != null
                    && !channels.get(channelId).isEmpty()) {
                return Optional.ofNullable(channels.get(channelId).get(0).getTs());
            }
        }
        return Optional.empty();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Override
    public DeliveryResult edit(String channelId, String messageId, Reply reply) {
        if (reply.picture().isPresent()) {
            if (messageId.startsWith("file:")) {
                return new DeliveryResult.Rejected("Slack gave no message for the shared file " + messageId);
            }
            String comment = renderer.render(reply.withoutPicture()).text();
            DeliveryResult updated = call(() ->
                    methods.chatUpdate(r -> r.channel(channelId).ts(messageId).text(comment)));
            return updated instanceof DeliveryResult.Delivered ? new DeliveryResult.Delivered(messageId) : updated;
        }
        SlackMessage message = renderer.render(reply);
        DeliveryResult result = call(() -> methods.chatUpdate(r -> r.channel(channelId)
                .ts(messageId)
                .parse("none")
                .linkNames(false)
                .text(message.text())
                .blocks(message.blocks())));
        if (result instanceof DeliveryResult.Rejected rejected && isBadBlocks(rejected)) {
            return call(() -> methods.chatUpdate(r -> r.channel(channelId)
                    .ts(messageId)
                    .parse("none")
                    .linkNames(false)
                    .text(message.text())));
        }
        return result instanceof DeliveryResult.Delivered ? new DeliveryResult.Delivered(messageId) : result;
    }

    /** No name turned into a mention, no link unfurled: the text is already escaped, this is the second lock. */
    private static ChatPostMessageRequest.ChatPostMessageRequestBuilder inert(
            ChatPostMessageRequest.ChatPostMessageRequestBuilder request) {
        return request.parse("none").linkNames(false).unfurlLinks(false).unfurlMedia(false);
    }

    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private static <T extends SlackApiTextResponse> DeliveryResult call(Call<T> call) {
        try {
            T response = call.run();
            if (response.isOk()) {
                String ts = response instanceof com.slack.api.methods.response.chat.ChatPostMessageResponse post
                        ? post.getTs()
                        : response instanceof com.slack.api.methods.response.chat.ChatUpdateResponse up
                                ? up.getTs()
                                : "";
                return new DeliveryResult.Delivered(ts == null ? "" : ts);
            }
            return outcome(response.getError());
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                String header = e.getResponse().header("Retry-After");
                return new DeliveryResult.RetryAfter(
                        Duration.ofSeconds(header == null ? 5 : Long.parseLong(header.strip())));
            }
            if (code >= 500) {
                return new DeliveryResult.Failed("Slack " + code, false);
            }
            String error = e.getError() == null ? "HTTP " + code : e.getError().getError();
            return outcome(error);
        } catch (ConnectException | UnknownHostException e) {
            return new DeliveryResult.Failed("cannot reach Slack: " + e.getMessage(), false);
        } catch (InterruptedIOException e) {
            return new DeliveryResult.Failed("Slack did not answer in time: " + e.getMessage(), true);
        } catch (IOException | RuntimeException e) {
            return new DeliveryResult.Failed("connection to Slack broke: " + e, true);
        }
    }

    private static DeliveryResult outcome(String error) {
        if (error == null) {
            return new DeliveryResult.Failed("Slack said not ok, without an error", true);
        }
        if (error.equals("ratelimited")) {
            return new DeliveryResult.RetryAfter(Duration.ofSeconds(5));
        }
        if (GONE.contains(error)) {
            return new DeliveryResult.Gone(error, Optional.empty());
        }
        return new DeliveryResult.Rejected(error);
    }

    private static boolean isBadBlocks(DeliveryResult.Rejected rejected) {
        return BAD_BLOCKS.contains(rejected.reason());
    }
}
