package org.resultsdesk.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * An in-process Slack Web API for tests, reached by the real Slack SDK through its methods URL prefix. It answers
 * auth.test, chat.postMessage, chat.postEphemeral and chat.update and response_url posts (five uses each), checks
 * the bot token, Block Kit limits and mrkdwn escaping, enforces about one message a second per channel and a
 * workspace cap with 429 and Retry-After, and injects each error a channel can give. It knows people and channels
 * as Slack does: users.info describes only users a test declared (anyone else is user_not_found); a channel a test
 * declared is public or private with the bot in it or not (conversations.info answers channel_not_found for a
 * private one it is not in, conversations.join works for public ones only, and needs channels:join, and posting where
 * the bot is not gives not_in_channel); channels no test declared are public ones the bot is in, D... ids its direct
 * messages. Files come by the external upload flow only, checked step by step: files.getUploadURLExternal
 * announces a name and a length, the bytes posted to the URL it gives must be exactly that many and a PNG that
 * decodes, and files.completeUploadExternal shares only files uploaded so, once, in a channel (counted against the
 * same per-channel and workspace limits as messages).
 */
public final class FakeSlackApi implements AutoCloseable {
    public static final String BOT_TOKEN = "xoxb-test-token";
    public static final int WORKSPACE_PER_MINUTE = 200;

    /** A message as the fake stored it. */
    public record Posted(String channel, String ts, String text, JsonNode blocks, boolean ephemeral, Instant at) {}

    /** A file shared in a channel by completeUploadExternal; its message is in {@link #messages(String)}. */
    public record Upload(
            String fileId,
            String fileName,
            byte[] png,
            int width,
            int height,
            String channel,
            String comment,
            String ts) {}

    private record Announced(String fileName, int length, String altText) {}

    private final Map<String, Announced> announced = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploaded = new ConcurrentHashMap<>();
    private final List<Upload> shared = Collections.synchronizedList(new ArrayList<>());
    private final List<String> fileCalls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger fileIds = new AtomicInteger(1);
    private final HttpServer server;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<Posted>> channels = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> failures = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> perChannel = new HashMap<>();
    private final Deque<Instant> workspace = new ArrayDeque<>();
    private final Map<String, Integer> responseUrlUses = new ConcurrentHashMap<>();
    private final List<JsonNode> responses = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, String>> chatRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> responsesById = new ConcurrentHashMap<>();
    private final AtomicInteger ts = new AtomicInteger(1000);
    private final AtomicInteger throttled = new AtomicInteger();
    private final Map<String, Channel> declaredChannels = new ConcurrentHashMap<>();
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean canJoin = true;

    private record Channel(boolean isPrivate, boolean botIsMember) {}

    private record Person(boolean admin, boolean owner) {}

    public FakeSlackApi(Clock clock) throws IOException {
        this.clock = clock;
        // Without TCP_NODELAY the JDK server's small writes meet delayed ACKs: 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/response/", this::responseUrl);
        server.createContext("/upload/", this::upload);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    /** The next calls for a channel fail with these Slack error codes ("http500" for a server error). */
    public void failNext(String channel, String... errors) {
        failures.computeIfAbsent(channel, c -> new ArrayDeque<>()).addAll(List.of(errors));
    }

    /** A channel as Slack knows it: public or private, with the bot in it or not. */
    public void declareChannel(String id, boolean isPrivate, boolean botIsMember) {
        declaredChannels.put(id, new Channel(isPrivate, botIsMember));
    }

    /** A person in the workspace, and whether they are one of its admins or owners. */
    public void declareUser(String id, boolean admin, boolean owner) {
        people.put(id, new Person(admin, owner));
    }

    /** Without the channels:join scope, conversations.join answers missing_scope. */
    public void withoutJoinScope() {
        canJoin = false;
    }

    /** Every Web API method called, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public List<Posted> messages(String channel) {
        return List.copyOf(channels.getOrDefault(channel, List.of()));
    }

    public List<Posted> allMessages() {
        List<Posted> all = new ArrayList<>();
        channels.values().forEach(all::addAll);
        return all;
    }

    /** The parameters of every chat.* call, as sent (link_names, parse, unfurl_* included). */
    public List<Map<String, String>> chatRequests() {
        return List.copyOf(chatRequests);
    }

    public List<JsonNode> responseUrlPosts() {
        return List.copyOf(responses);
    }

    /** Files shared in channels, in order. */
    public List<Upload> uploads() {
        return List.copyOf(shared);
    }

    /** The file steps as called: "files.getUploadURLExternal", "upload", "files.completeUploadExternal". */
    public List<String> fileCalls() {
        return List.copyOf(fileCalls);
    }

    /** The last post to the response_url named {@code id}. */
    public java.util.Optional<JsonNode> responseUrlPost(String id) {
        return java.util.Optional.ofNullable(responsesById.get(id));
    }

    public int throttledCount() {
        return throttled.get();
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Map<String, String> params = params(exchange);
            if (method.startsWith("chat.")) {
                chatRequests.add(Map.copyOf(params));
            }
            if (!("Bearer " + BOT_TOKEN).equals(auth) && !BOT_TOKEN.equals(params.get("token"))) {
                error(exchange, 200, "invalid_auth");
                return;
            }
            calls.add(method);
            switch (method) {
                case "auth.test" ->
                    ok(
                            exchange,
                            json.createObjectNode()
                                    .put("url", "https://newsroom.slack.com/")
                                    .put("team", "Newsroom")
                                    .put("user", "resultsdesk")
                                    .put("team_id", "T0NEWS")
                                    .put("user_id", "U0BOT")
                                    .put("bot_id", "B0BOT"));
                case "chat.postMessage", "chat.postEphemeral" ->
                    post(exchange, params, method.equals("chat.postEphemeral"));
                case "chat.update" -> update(exchange, params);
                case "files.getUploadURLExternal" -> uploadUrl(exchange, params);
                case "files.completeUploadExternal" -> completeUpload(exchange, params);
                case "conversations.info" -> conversationInfo(exchange, params.getOrDefault("channel", ""));
                case "conversations.join" -> join(exchange, params.getOrDefault("channel", ""));
                case "users.info" -> userInfo(exchange, params.getOrDefault("user", ""));
                default -> error(exchange, 200, "unknown_method");
            }
        }
    }

    private void post(HttpExchange exchange, Map<String, String> params, boolean ephemeral) throws IOException {
        String channel = params.getOrDefault("channel", "");
        if (injected(exchange, channel)) {
            return;
        }
        Channel declared = declaredChannels.get(channel);
        if (declared != null && !declared.botIsMember()) {
            error(exchange, 200, declared.isPrivate() ? "channel_not_found" : "not_in_channel");
            return;
        }
        JsonNode blocks = validate(exchange, params);
        if (blocks == null) {
            return;
        }
        long retry = rateLimit(channel);
        if (retry > 0) {
            throttled.incrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(retry));
            error(exchange, 429, "ratelimited");
            return;
        }
        Posted posted = new Posted(
                channel,
                ts.incrementAndGet() + ".000100",
                params.getOrDefault("text", ""),
                blocks,
                ephemeral,
                clock.instant());
        channels.computeIfAbsent(channel, c -> Collections.synchronizedList(new ArrayList<>()))
                .add(posted);
        ok(exchange, json.createObjectNode().put("channel", channel).put("ts", posted.ts()));
    }

    private void uploadUrl(HttpExchange exchange, Map<String, String> params) throws IOException {
        fileCalls.add("files.getUploadURLExternal");
        String name = params.getOrDefault("filename", "");
        int length;
        try {
            length = Integer.parseInt(params.getOrDefault("length", ""));
        } catch (NumberFormatException e) {
            error(exchange, 200, "invalid_arguments");
            return;
        }
        if (name.isBlank() || length <= 0) {
            error(exchange, 200, "invalid_arguments");
            return;
        }
        String id = "F" + fileIds.incrementAndGet();
        announced.put(id, new Announced(name, length, params.getOrDefault("alt_txt", "")));
        ok(
                exchange,
                json.createObjectNode()
                        .put(
                                "upload_url",
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + id)
                        .put("file_id", id));
    }

    private void upload(HttpExchange exchange) throws IOException {
        try (exchange) {
            fileCalls.add("upload");
            String id = exchange.getRequestURI().getPath().substring("/upload/".length());
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Announced file = announced.get(id);
            if (file == null || uploaded.containsKey(id)) {
                reply(exchange, 404, "unknown or used upload URL");
                return;
            }
            if (bytes.length != file.length()) {
                reply(exchange, 400, "announced " + file.length() + " bytes, got " + bytes.length);
                return;
            }
            if (decode(bytes) == null) {
                reply(exchange, 400, "not the PNG announced as " + file.fileName());
                return;
            }
            uploaded.put(id, bytes);
            reply(exchange, 200, "OK - " + bytes.length);
        }
    }

    private void completeUpload(HttpExchange exchange, Map<String, String> params) throws IOException {
        fileCalls.add("files.completeUploadExternal");
        String channel = params.getOrDefault("channel_id", "");
        JsonNode files = json.readTree(params.getOrDefault("files", "[]"));
        if (files.size() != 1 || channel.isEmpty()) {
            error(exchange, 200, "invalid_arguments");
            return;
        }
        String id = files.get(0).path("id").asText();
        byte[] bytes = uploaded.get(id);
        if (bytes == null) {
            error(exchange, 200, announced.containsKey(id) ? "file_upload_incomplete" : "file_not_found");
            return;
        }
        if (injected(exchange, channel)) {
            return;
        }
        long retry = rateLimit(channel);
        if (retry > 0) {
            throttled.incrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(retry));
            error(exchange, 429, "ratelimited");
            return;
        }
        uploaded.remove(id);
        Announced file = announced.remove(id);
        BufferedImage image = decode(bytes);
        String comment = params.getOrDefault("initial_comment", "");
        Posted posted = new Posted(
                channel, ts.incrementAndGet() + ".000100", comment, json.createArrayNode(), false, clock.instant());
        channels.computeIfAbsent(channel, c -> Collections.synchronizedList(new ArrayList<>()))
                .add(posted);
        shared.add(new Upload(
                id, file.fileName(), bytes, image.getWidth(), image.getHeight(), channel, comment, posted.ts()));
        ObjectNode body = json.createObjectNode();
        ObjectNode f = body.putArray("files")
                .addObject()
                .put("id", id)
                .put("name", file.fileName())
                .put("title", files.get(0).path("title").asText(file.fileName()))
                .put("mimetype", "image/png");
        f.putObject("shares")
                .putObject(channel.startsWith("C") ? "public" : "private")
                .putArray(channel)
                .addObject()
                .put("ts", posted.ts());
        ok(exchange, body);
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            return null;
        }
    }

    private void update(HttpExchange exchange, Map<String, String> params) throws IOException {
        String channel = params.getOrDefault("channel", "");
        if (injected(exchange, channel)) {
            return;
        }
        JsonNode blocks = validate(exchange, params);
        if (blocks == null) {
            return;
        }
        List<Posted> list = channels.getOrDefault(channel, List.of());
        synchronized (list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).ts().equals(params.get("ts"))) {
                    Posted old = list.get(i);
                    list.set(
                            i, new Posted(channel, old.ts(), params.getOrDefault("text", ""), blocks, false, old.at()));
                    ok(exchange, json.createObjectNode().put("channel", channel).put("ts", old.ts()));
                    return;
                }
            }
        }
        error(exchange, 200, "message_not_found");
    }

    private void conversationInfo(HttpExchange exchange, String id) throws IOException {
        Channel declared = declaredChannels.getOrDefault(id, new Channel(false, true));
        if (id.isEmpty() || declared.isPrivate() && !declared.botIsMember()) {
            error(exchange, 200, "channel_not_found");
            return;
        }
        ObjectNode body = json.createObjectNode();
        ObjectNode channel = body.putObject("channel").put("id", id);
        if (id.startsWith("D")) {
            channel.put("is_im", true).put("is_private", true).put("user", "U0SOMEONE");
        } else {
            channel.put("name", id.toLowerCase())
                    .put("is_channel", !declared.isPrivate())
                    .put("is_group", declared.isPrivate())
                    .put("is_private", declared.isPrivate())
                    .put("is_member", declared.botIsMember())
                    .put("is_archived", false);
        }
        ok(exchange, body);
    }

    private void join(HttpExchange exchange, String id) throws IOException {
        Channel declared = declaredChannels.getOrDefault(id, new Channel(false, true));
        if (!canJoin) {
            error(exchange, 200, "missing_scope");
        } else if (declared.isPrivate()) {
            error(
                    exchange,
                    200,
                    declared.botIsMember() ? "method_not_supported_for_channel_type" : "channel_not_found");
        } else {
            declaredChannels.put(id, new Channel(false, true));
            ObjectNode body = json.createObjectNode();
            body.putObject("channel").put("id", id).put("is_channel", true).put("is_member", true);
            ok(exchange, body);
        }
    }

    private void userInfo(HttpExchange exchange, String id) throws IOException {
        Person person = people.get(id);
        if (person == null) {
            error(exchange, 200, "user_not_found");
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.putObject("user")
                .put("id", id)
                .put("name", id.toLowerCase())
                .put("is_admin", person.admin())
                .put("is_owner", person.owner())
                .put("is_primary_owner", false)
                .put("is_bot", false);
        ok(exchange, body);
    }

    /** The blocks, or null after answering with the error Slack would give. */
    private JsonNode validate(HttpExchange exchange, Map<String, String> params) throws IOException {
        String text = params.getOrDefault("text", "");
        if (text.length() > 40_000) {
            error(exchange, 200, "msg_too_long");
            return null;
        }
        JsonNode blocks = params.containsKey("blocks") ? json.readTree(params.get("blocks")) : json.createArrayNode();
        var problem = BlockKitRules.problem(blocks);
        if (problem.isPresent()) {
            error(
                    exchange,
                    200,
                    problem.get().startsWith("invalid_blocks_format") ? "invalid_blocks_format" : "invalid_blocks");
            return null;
        }
        if (text.isBlank() && blocks.isEmpty()) {
            error(exchange, 200, "no_text");
            return null;
        }
        return blocks;
    }

    private boolean injected(HttpExchange exchange, String channel) throws IOException {
        Deque<String> queue = failures.get(channel);
        String failure = queue == null ? null : queue.poll();
        if (failure == null) {
            return false;
        }
        if (failure.equals("http500")) {
            error(exchange, 500, "internal_error");
        } else if (failure.equals("ratelimited")) {
            throttled.incrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", "7");
            error(exchange, 429, "ratelimited");
        } else {
            error(exchange, 200, failure);
        }
        return true;
    }

    private synchronized long rateLimit(String channel) {
        Instant now = clock.instant();
        Deque<Instant> mine = perChannel.computeIfAbsent(channel, c -> new ArrayDeque<>());
        if (!mine.isEmpty() && Duration.between(mine.peekLast(), now).compareTo(Duration.ofSeconds(1)) < 0) {
            return 1;
        }
        while (!workspace.isEmpty()
                && Duration.between(workspace.peekFirst(), now).toSeconds() >= 60) {
            workspace.removeFirst();
        }
        if (workspace.size() >= WORKSPACE_PER_MINUTE) {
            return Math.max(1, 60 - Duration.between(workspace.peekFirst(), now).toSeconds());
        }
        mine.addLast(now);
        workspace.addLast(now);
        return 0;
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/response/".length());
            int uses = responseUrlUses.merge(id, 1, Integer::sum);
            if (uses > 5) {
                reply(exchange, 404, "used_url");
                return;
            }
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            var problem = BlockKitRules.problem(
                    body.path("blocks").isMissingNode() ? json.createArrayNode() : body.path("blocks"));
            if (problem.isPresent()) {
                reply(exchange, 400, "invalid_blocks");
                return;
            }
            responses.add(body);
            responsesById.put(id, body);
            reply(exchange, 200, "ok");
        }
    }

    private Map<String, String> params(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new HashMap<>();
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("application/json")) {
            json.readTree(body)
                    .fields()
                    .forEachRemaining(e -> params.put(
                            e.getKey(),
                            e.getValue().isTextual()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private void ok(HttpExchange exchange, ObjectNode body) throws IOException {
        body.put("ok", true);
        reply(exchange, 200, json.writeValueAsString(body));
    }

    private void error(HttpExchange exchange, int status, String error) throws IOException {
        reply(
                exchange,
                status,
                json.writeValueAsString(json.createObjectNode().put("ok", false).put("error", error)));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
