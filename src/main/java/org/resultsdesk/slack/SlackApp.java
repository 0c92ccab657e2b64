package org.resultsdesk.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.resultsdesk.core.command.CommandHandler;
import org.resultsdesk.core.command.GuardedCommands;
import org.resultsdesk.core.delivery.ReplySender;
import org.resultsdesk.core.model.ChatContext;
import org.resultsdesk.core.model.Reply;
import org.resultsdesk.core.port.DeliveryResult;
import org.resultsdesk.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: every slash command and suggestion button handed to the core, the answer rendered as Block Kit.
 * Slack wants an acknowledgement within three seconds: an answer ready in 2.5 goes in the acknowledgement itself,
 * a slower one follows through the command's response_url. An answer with a picture (/chart, /board) cannot travel
 * in an acknowledgement: it is acknowledged empty and uploaded to the channel, or, if the channel will not take it
 * (the bot not a member), answered through response_url with the picture's text.
 */
public final class SlackApp {
    private static final Logger LOG = LoggerFactory.getLogger(SlackApp.class);
    /** The slash commands the app registers: config/slack-app-manifest.yml lists the same. */
    public static final List<String> COMMANDS = List.of(
            "/result",
            "/results",
            "/snippet",
            "/council",
            "/byelections",
            "/defending",
            "/seats",
            "/scoreboard",
            "/resultsdesk",
            "/subscribe",
            "/unsubscribe",
            "/subscriptions",
            "/quote",
            "/quotes",
            "/due",
            "/targets",
            "/swingometer",
            "/records",
            "/watch",
            "/unwatch",
            "/watchlist",
            "/chart",
            "/board",
            "/cards");

    private static final long ACK_BUDGET_MILLIS = 2500;

    private final App app;
    private final SlackSettings settings;
    private final CommandHandler commands;
    private final SlackBlockKitRenderer renderer = new SlackBlockKitRenderer();
    private final ReplySender pictures;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "slack-command");
        t.setDaemon(true);
        return t;
    });

    /**
     * {@code pictures} posts the answers that carry a picture, which cannot travel in an acknowledgement: through
     * the channel's shared send budget, like every other message to a channel.
     */
    public SlackApp(SlackSettings settings, Slack slack, CommandHandler commands, ReplySender pictures) {
        this.settings = settings;
        this.commands = GuardedCommands.guard(commands);
        this.pictures = pictures;
        this.app = new App(AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .requestVerificationEnabled(false)
                .slack(slack)
                .build());
        COMMANDS.forEach(name -> app.command(name, (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            String text = commandText(p.getCommand(), p.getText());
            ChatContext context = context(p.getChannelId(), p.getUserId(), p.getUserName());
            Future<Reply> answer = workers.submit(() -> this.commands.handle(text, context));
            try {
                Reply reply = answer.get(ACK_BUDGET_MILLIS, TimeUnit.MILLISECONDS);
                if (reply.picture().isPresent()) {
                    workers.submit(() -> {
                        postPicture(p.getChannelId(), reply, ctx);
                        return null;
                    });
                    return ctx.ack();
                }
                SlackMessage m = renderer.render(reply);
                return ctx.ack(
                        r -> r.responseType(responseType()).text(m.text()).blocks(m.blocks()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ctx.ack("Interrupted; please try again.");
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.error("command {} failed", LogSafe.escape(text), e.getCause());
                return ctx.ack("Sorry, that went wrong on our side. Please try again.");
            } catch (TimeoutException slow) {
                workers.submit(() -> {
                    Reply reply = answer.get();
                    if (reply.picture().isPresent()) {
                        postPicture(p.getChannelId(), reply, ctx);
                        return null;
                    }
                    SlackMessage m = renderer.render(reply);
                    ctx.respond(
                            r -> r.responseType(responseType()).text(m.text()).blocks(m.blocks()));
                    return null;
                });
                return ctx.ack("Working on it…");
            }
        }));
        app.blockAction(Pattern.compile(SlackBlockKitRenderer.ACTION_PREFIX + ".*"), (req, ctx) -> {
            var payload = req.getPayload();
            String command = payload.getActions().get(0).getValue();
            String channel = payload.getChannel() == null
                    ? payload.getUser().getId()
                    : payload.getChannel().getId();
            SlackMessage m = renderer.render(this.commands.handle(
                    command,
                    context(
                            channel,
                            payload.getUser().getId(),
                            payload.getUser().getName())));
            workers.submit(() -> {
                ctx.respond(r -> r.responseType(responseType()).text(m.text()).blocks(m.blocks()));
                return null;
            });
            return ctx.ack();
        });
    }

    private void postPicture(String channel, Reply reply, com.slack.api.bolt.context.builtin.SlashCommandContext ctx) {
        pictures.submit(channel, () -> Optional.of(reply)).thenAccept(result -> {
            if (result.isPresent() && !(result.get() instanceof DeliveryResult.Delivered)) {
                LOG.info("could not post a picture in {}: {}; answering with its text", channel, result.get());
                String text = reply.picture().get().altText();
                try {
                    ctx.respond(r -> r.responseType("ephemeral").text("```" + text.strip() + "```"));
                } catch (java.io.IOException e) {
                    LOG.warn("could not answer through response_url in {}: {}", channel, e.toString());
                }
            }
        });
    }

    /** A Slack client pointed at the configured Web API base URL. */
    public static Slack slack(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setHttpClientReadTimeoutMillis(10_000);
        // Inside half a delivery claim's lease (30 s), so no claim can expire while a post may be under way.
        config.setHttpClientCallTimeoutMillis(12_000);
        return Slack.getInstance(config);
    }

    public App app() {
        return app;
    }

    /** Connects over Socket Mode with the app-level token (no public endpoint needed); closing it disconnects. */
    public AutoCloseable startSocketMode() throws Exception {
        SocketModeApp socket = new SocketModeApp(settings.appToken().orElseThrow(), app);
        socket.startAsync();
        return socket::close;
    }

    /** Slack sends "&", "<" and ">" in command text as "&amp;", "&lt;", "&gt;": back to what was typed. */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String commandText(String command, String text) {
        String args = unescape(Optional.ofNullable(text).orElse("")).strip();
        if (command.equals("/resultsdesk")) {
            return args.isEmpty() ? "/help" : "/" + args;
        }
        return args.isEmpty() ? command : command + " " + args;
    }

    /** Who asked and where; a D... conversation is a direct message. What they may do is decided in core.rights. */
    private static ChatContext context(String channel, String user, String userName) {
        return new ChatContext(
                ChatContext.Platform.SLACK,
                channel,
                channel.startsWith("D") ? ChatContext.ChatKind.PRIVATE : ChatContext.ChatKind.GROUP,
                user,
                userName,
                false);
    }

    private String responseType() {
        return settings.replyVisibility() == SlackSettings.Visibility.IN_CHANNEL ? "in_channel" : "ephemeral";
    }

    public Response run(com.slack.api.bolt.request.Request<?> request) throws Exception {
        return app.run(request);
    }

    public void close() {
        workers.shutdownNow();
        LOG.debug("Slack workers stopped");
    }
}
