package org.resultsdesk.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Telegram Bot API for tests, reached by the real TelegramBots client through its base URL. Like the
 * real one it routes method names case-insensitively, takes JSON or form bodies, keeps messages per chat, checks HTML
 * entities and the 4,096-character limit, and enforces 1 message a second per chat, 20 a minute per group and 30 a
 * second overall with 429 and retry_after. Tests queue updates for getUpdates, name chat administrators, and inject
 * each failure the bot must survive. getChatAdministrators answers as Telegram does: a private chat has none (400),
 * and a group no test named administrators for is one the bot is not in (400 chat not found).
 */
public final class FakeTelegramApi implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-token";
    public static final String USERNAME = "ResultsDeskBot";

    /** A failure the next request to a chat (or every getUpdates) gets. */
    public enum Failure {
        BLOCKED(403, "Forbidden: bot was blocked by the user"),
        KICKED(403, "Forbidden: bot was kicked from the group chat"),
        CHAT_NOT_FOUND(400, "Bad Request: chat not found"),
        MIGRATED(400, "Bad Request: group chat was upgraded to a supergroup chat"),
        THROTTLED_DESCRIPTION_ONLY(429, "Too Many Requests: retry after 9"),
        SERVER_ERROR(500, "Internal Server Error"),
        BAD_ENTITIES(400, "Bad Request: can't parse entities: unsupported start tag \"x\" at byte offset 0"),
        GARBAGE(200, "<html>bad gateway</html>"),
        DROP_AFTER_POSTING(0, "connection dropped after the message was posted");

        final int code;
        final String description;

        Failure(int code, String description) {
            this.code = code;
            this.description = description;
        }
    }

    /** A message as the fake stored it. */
    public record Posted(long chatId, int messageId, String text, String parseMode, JsonNode replyMarkup, Instant at) {
    }

    private final HttpServer server;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, List<Posted>> chats = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Instant>> sendsPerChat = new HashMap<>();
    private final Deque<Instant> sendsOverall = new ArrayDeque<>();
    private final Map<Long, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> administrators = new ConcurrentHashMap<>();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<JsonNode> sendRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger(100);
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile boolean down;

    public FakeTelegramApi(Clock clock) throws IOException {
        this.clock = clock;
        // Without TCP_NODELAY the JDK server's small writes meet delayed ACKs: 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public ObjectMapper json() {
        return json;
    }

    public void failNext(long chatId, Failure... failure) {
        failures.computeIfAbsent(chatId, c -> new ArrayDeque<>()).addAll(List.of(failure));
    }

    public void setAdministrators(long chatId, Long... userIds) {
        administrators.put(chatId, Set.of(userIds));
    }

    /** While down, every method answers 502 as Telegram's front end does in an outage. */
    public void setDown(boolean down) {
        this.down = down;
    }

    public synchronized void queueUpdate(ObjectNode update) {
        updates.add(update);
        notifyAll();
    }

    public List<Posted> messages(long chatId) {
        return List.copyOf(chats.getOrDefault(chatId, List.of()));
    }

    public List<Posted> allMessages() {
        List<Posted> all = new ArrayList<>();
        chats.values().forEach(all::addAll);
        return all;
    }

    public int throttledCount() {
        return throttled.get();
    }

    /** The parameters of every sendMessage and editMessageText call, as sent. */
    public List<JsonNode> sendRequests() {
        return List.copyOf(sendRequests);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                reply(exchange, 404, error(404, "Not Found"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            calls.add(method);
            if (down) {
                reply(exchange, 502, error(502, "Bad Gateway"));
                return;
            }
            JsonNode params = params(exchange);
            if (method.equals("sendmessage") || method.equals("editmessagetext")) {
                sendRequests.add(params);
            }
            switch (method) {
                case "getme" -> ok(exchange, json.createObjectNode().put("id", 123456).put("is_bot", true)
                        .put("first_name", "Results Desk").put("username", USERNAME));
                case "getupdates" -> ok(exchange, json.valueToTree(takeUpdates(params)));
                case "sendmessage" -> send(exchange, params);
                case "editmessagetext" -> edit(exchange, params);
                case "answercallbackquery", "setwebhook", "deletewebhook" -> ok(exchange, json.getNodeFactory().booleanNode(true));
                case "getchatadministrators" -> admins(exchange, params.path("chat_id").asLong());
                default -> reply(exchange, 404, error(404, "Not Found: method not found"));
            }
        }
    }

    private void send(HttpExchange exchange, JsonNode params) throws IOException {
        long chatId = params.path("chat_id").asLong();
        Failure failure = nextFailure(chatId);
        if (failure != null && failure != Failure.DROP_AFTER_POSTING) {
            fail(exchange, failure, chatId);
            return;
        }
        String text = params.path("text").asText("");
        String parseMode = params.path("parse_mode").asText("");
        if (parseMode.equalsIgnoreCase("HTML")) {
            var problem = TelegramHtml.error(text);
            if (problem.isPresent()) {
                reply(exchange, 400, error(400, "Bad Request: " + problem.get()));
                return;
            }
        }
        String counted = parseMode.equalsIgnoreCase("HTML") ? TelegramHtml.text(text) : text;
        if (counted.isEmpty()) {
            reply(exchange, 400, error(400, "Bad Request: message text is empty"));
            return;
        }
        if (counted.length() > 4096) {
            reply(exchange, 400, error(400, "Bad Request: message is too long"));
            return;
        }
        long retryAfter = rateLimit(chatId);
        if (retryAfter > 0) {
            throttled.incrementAndGet();
            ObjectNode body = error(429, "Too Many Requests: retry after " + retryAfter);
            body.putObject("parameters").put("retry_after", retryAfter);
            reply(exchange, 429, body);
            return;
        }
        Posted posted = new Posted(chatId, messageIds.incrementAndGet(), text, parseMode, params.get("reply_markup"),
                clock.instant());
        chats.computeIfAbsent(chatId, c -> Collections.synchronizedList(new ArrayList<>())).add(posted);
        if (failure == Failure.DROP_AFTER_POSTING) {
            return; // closed without an answer: the client cannot know the message was posted
        }
        ok(exchange, message(posted));
    }

    private void edit(HttpExchange exchange, JsonNode params) throws IOException {
        long chatId = params.path("chat_id").asLong();
        int id = params.path("message_id").asInt();
        List<Posted> list = chats.getOrDefault(chatId, List.of());
        synchronized (list) {
            for (int i = 0; i < list.size(); i++) {
                Posted p = list.get(i);
                if (p.messageId() == id) {
                    String text = params.path("text").asText("");
                    if (text.equals(p.text())) {
                        reply(exchange, 400, error(400, "Bad Request: message is not modified: specified new message"
                                + " content and reply markup are exactly the same"));
                        return;
                    }
                    if (params.path("parse_mode").asText("").equalsIgnoreCase("HTML")
                            && TelegramHtml.error(text).isPresent()) {
                        reply(exchange, 400, error(400, "Bad Request: " + TelegramHtml.error(text).get()));
                        return;
                    }
                    Posted edited = new Posted(chatId, id, text, params.path("parse_mode").asText(""), p.replyMarkup(),
                            p.at());
                    list.set(i, edited);
                    ok(exchange, message(edited));
                    return;
                }
            }
        }
        reply(exchange, 400, error(400, "Bad Request: message to edit not found"));
    }

    private synchronized long rateLimit(long chatId) {
        Instant now = clock.instant();
        Deque<Instant> mine = sendsPerChat.computeIfAbsent(chatId, c -> new ArrayDeque<>());
        long wait = 0;
        if (!mine.isEmpty() && Duration.between(mine.peekLast(), now).compareTo(Duration.ofSeconds(1)) < 0) {
            wait = 1;
        }
        if (chatId < 0) {
            List<Instant> lastMinute = mine.stream().filter(t -> Duration.between(t, now).toSeconds() < 60).toList();
            if (lastMinute.size() >= 20) {
                wait = Math.max(wait, 60 - Duration.between(lastMinute.get(lastMinute.size() - 20), now).toSeconds());
            }
        }
        long inLastSecond = sendsOverall.stream().filter(t -> Duration.between(t, now).toMillis() < 1000).count();
        if (inLastSecond >= 30) {
            wait = Math.max(wait, 1);
        }
        if (wait == 0) {
            mine.addLast(now);
            sendsOverall.addLast(now);
            while (mine.size() > 40) {
                mine.removeFirst();
            }
            while (sendsOverall.size() > 60) {
                sendsOverall.removeFirst();
            }
        }
        return wait;
    }

    private synchronized List<JsonNode> takeUpdates(JsonNode params) {
        long offset = params.path("offset").asLong(0);
        updates.removeIf(u -> u.path("update_id").asLong() < offset);
        if (updates.isEmpty()) {
            try {
                wait(Math.min(500, params.path("timeout").asLong(0) * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.copyOf(updates);
    }

    private Failure nextFailure(long chatId) {
        Deque<Failure> queue = failures.get(chatId);
        return queue == null ? null : queue.poll();
    }

    private void fail(HttpExchange exchange, Failure failure, long chatId) throws IOException {
        if (failure == Failure.GARBAGE) {
            reply(exchange, 200, failure.description);
            return;
        }
        ObjectNode body = error(failure.code, failure.description);
        if (failure == Failure.MIGRATED) {
            body.putObject("parameters").put("migrate_to_chat_id", chatId - 1_000_000_000_000L);
        }
        reply(exchange, failure.code, body);
    }

    private void admins(HttpExchange exchange, long chatId) throws IOException {
        if (chatId > 0) {
            reply(exchange, 400, error(400, "Bad Request: there are no administrators in the private chat"));
            return;
        }
        Set<Long> ids = administrators.get(chatId);
        if (ids == null) {
            reply(exchange, 400, error(400, "Bad Request: chat not found"));
            return;
        }
        var list = json.createArrayNode();
        ids.forEach(id -> list.addObject().put("status", "administrator").put("can_be_edited", false)
                .put("is_anonymous", false).putObject("user").put("id", id).put("is_bot", false)
                .put("first_name", "Editor " + id));
        ok(exchange, list);
    }

    private ObjectNode message(Posted p) {
        ObjectNode m = json.createObjectNode().put("message_id", p.messageId()).put("date", p.at().getEpochSecond())
                .put("text", TelegramHtml.text(p.text()));
        m.putObject("chat").put("id", p.chatId()).put("type", p.chatId() < 0 ? "supergroup" : "private");
        return m;
    }

    private JsonNode params(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("application/json")) {
            return body.length == 0 ? json.createObjectNode() : json.readTree(body);
        }
        ObjectNode params = json.createObjectNode();
        if (type.startsWith("multipart/form-data")) {
            String boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
            for (String part : new String(body, StandardCharsets.UTF_8).split(java.util.regex.Pattern.quote(boundary))) {
                int name = part.indexOf("name=\"");
                int blank = part.indexOf("\r\n\r\n");
                if (name >= 0 && blank > name) {
                    String key = part.substring(name + 6, part.indexOf('"', name + 6));
                    params.put(key, part.substring(blank + 4).replaceFirst("\r\n$", ""));
                }
            }
            return params;
        }
        String raw = type.startsWith("application/x-www-form-urlencoded") ? new String(body, StandardCharsets.UTF_8)
                : exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private void ok(HttpExchange exchange, JsonNode result) throws IOException {
        ObjectNode body = json.createObjectNode().put("ok", true);
        body.set("result", result);
        reply(exchange, 200, body);
    }

    private ObjectNode error(int code, String description) {
        return json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", body instanceof String ? "text/html" : "application/json");
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
