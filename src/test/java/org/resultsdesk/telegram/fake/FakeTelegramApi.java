package org.resultsdesk.telegram.fake;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * An in-process Telegram Bot API for tests, reached by the real TelegramBots client through its base URL. Like the
 * real one it routes method names case-insensitively, takes JSON or form bodies, keeps messages per chat, checks HTML
 * entities and the 4,096-character limit, and enforces 1 message a second per chat, 20 a minute per group and 30 a
 * second overall with 429 and retry_after. Tests queue updates for getUpdates, name chat administrators, and inject
 * each failure the bot must survive. getChatAdministrators answers as Telegram does: a private chat has none (400),
 * and a group no test named administrators for is one the bot is not in (400 chat not found). Photos (sendPhoto,
 * editMessageMedia) must come as multipart uploads: the file is decoded as an image and held to Telegram's rules
 * (10 MB, width + height at most 10,000, ratio at most 20, a caption of at most 1,024 characters after entity
 * parsing); photos count against the same limits as text.
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
    public record Posted(long chatId, int messageId, String text, String parseMode, JsonNode replyMarkup, Instant at) {}

    /** A photo as uploaded: its bytes decoded, and the caption (also the {@link Posted#text()} of its message). */
    public record Photo(String fileName, byte[] png, int width, int height, String caption) {}

    /** A file part of a multipart body. */
    private record FilePart(String fileName, byte[] bytes) {}

    /** A request's fields, and its uploaded files by field name. */
    private record Body(JsonNode params, Map<String, FilePart> files) {}

    public static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    public static final int MAX_CAPTION = 1024;

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
    private final List<JsonNode> callbackAnswers = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger(100);
    private final AtomicInteger throttled = new AtomicInteger();
    private final Map<Integer, Photo> photos = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> repliesTo = new ConcurrentHashMap<>();
    private final List<Integer> mediaEdits = new CopyOnWriteArrayList<>();
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

    /** The photo a message carries now (after any editMessageMedia), if it is a photo. */
    public java.util.Optional<Photo> photo(int messageId) {
        return java.util.Optional.ofNullable(photos.get(messageId));
    }

    /** The message this one was sent in reply to, if any. */
    public java.util.Optional<Integer> replyTo(int messageId) {
        return java.util.Optional.ofNullable(repliesTo.get(messageId));
    }

    /** Message ids whose media was replaced, in order. */
    public List<Integer> mediaEdits() {
        return List.copyOf(mediaEdits);
    }

    public int throttledCount() {
        return throttled.get();
    }

    /** The parameters of every sendMessage and editMessageText call, as sent. */
    public List<JsonNode> sendRequests() {
        return List.copyOf(sendRequests);
    }

    /** The parameters of every answerCallbackQuery call: the query answered, and any text shown to the presser. */
    public List<JsonNode> callbackAnswers() {
        return List.copyOf(callbackAnswers);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                // As Telegram answers: a well-formed token it does not know is 401, anything else 404.
                boolean aToken = path.matches("/bot\\d+:[A-Za-z0-9_-]+/.*");
                reply(exchange, aToken ? 401 : 404, aToken ? error(401, "Unauthorized") : error(404, "Not Found"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            calls.add(method);
            if (down) {
                reply(exchange, 502, error(502, "Bad Gateway"));
                return;
            }
            Body body = body(exchange);
            JsonNode params = body.params();
            if (method.equals("sendmessage") || method.equals("editmessagetext")) {
                sendRequests.add(params);
            }
            switch (method) {
                case "getme" ->
                    ok(
                            exchange,
                            json.createObjectNode()
                                    .put("id", 123456)
                                    .put("is_bot", true)
                                    .put("first_name", "Results Desk")
                                    .put("username", USERNAME));
                case "getupdates" -> ok(exchange, json.valueToTree(takeUpdates(params)));
                case "sendmessage" -> send(exchange, params);
                case "editmessagetext" -> edit(exchange, params);
                case "sendphoto" -> sendPhoto(exchange, body);
                case "editmessagemedia" -> editMedia(exchange, body);
                case "answercallbackquery" -> {
                    callbackAnswers.add(params);
                    ok(exchange, json.getNodeFactory().booleanNode(true));
                }
                case "setwebhook", "deletewebhook" ->
                    ok(exchange, json.getNodeFactory().booleanNode(true));
                case "getchatadministrators" ->
                    admins(exchange, params.path("chat_id").asLong());
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
        Posted posted = new Posted(
                chatId, messageIds.incrementAndGet(), text, parseMode, params.get("reply_markup"), clock.instant());
        chats.computeIfAbsent(chatId, c -> Collections.synchronizedList(new ArrayList<>()))
                .add(posted);
        replyToOf(params).ifPresent(id -> repliesTo.put(posted.messageId(), id));
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
                        reply(
                                exchange,
                                400,
                                error(
                                        400,
                                        "Bad Request: message is not modified: specified new message"
                                                + " content and reply markup are exactly the same"));
                        return;
                    }
                    if (params.path("parse_mode").asText("").equalsIgnoreCase("HTML")
                            && TelegramHtml.error(text).isPresent()) {
                        reply(
                                exchange,
                                400,
                                error(
                                        400,
                                        "Bad Request: "
                                                + TelegramHtml.error(text).get()));
                        return;
                    }
                    Posted edited = new Posted(
                            chatId, id, text, params.path("parse_mode").asText(""), p.replyMarkup(), p.at());
                    list.set(i, edited);
                    ok(exchange, message(edited));
                    return;
                }
            }
        }
        reply(exchange, 400, error(400, "Bad Request: message to edit not found"));
    }

    private void sendPhoto(HttpExchange exchange, Body body) throws IOException {
        JsonNode params = body.params();
        long chatId = params.path("chat_id").asLong();
        Failure failure = nextFailure(chatId);
        if (failure != null && failure != Failure.DROP_AFTER_POSTING) {
            fail(exchange, failure, chatId);
            return;
        }
        FilePart file = body.files().get("photo");
        String attached = params.path("photo").asText("");
        if (file == null && attached.startsWith("attach://")) {
            file = body.files().get(attached.substring("attach://".length()));
        }
        if (file == null) {
            reply(exchange, 400, error(400, "Bad Request: there is no photo in the request"));
            return;
        }
        String caption = params.path("caption").asText("");
        String parseMode = params.path("parse_mode").asText("");
        Object problem = photoProblem(file, caption, parseMode);
        if (problem instanceof String description) {
            reply(exchange, 400, error(400, description));
            return;
        }
        Photo photo = (Photo) problem;
        long retryAfter = rateLimit(chatId);
        if (retryAfter > 0) {
            throttled.incrementAndGet();
            ObjectNode error = error(429, "Too Many Requests: retry after " + retryAfter);
            error.putObject("parameters").put("retry_after", retryAfter);
            reply(exchange, 429, error);
            return;
        }
        Posted posted = new Posted(
                chatId,
                messageIds.incrementAndGet(),
                caption,
                parseMode,
                params.has("reply_markup")
                        ? json.readTree(params.path("reply_markup").asText())
                        : null,
                clock.instant());
        photos.put(posted.messageId(), photo);
        chats.computeIfAbsent(chatId, c -> Collections.synchronizedList(new ArrayList<>()))
                .add(posted);
        if (failure == Failure.DROP_AFTER_POSTING) {
            return;
        }
        ok(exchange, photoMessage(posted, photo));
    }

    private void editMedia(HttpExchange exchange, Body body) throws IOException {
        JsonNode params = body.params();
        long chatId = params.path("chat_id").asLong();
        int id = params.path("message_id").asInt();
        JsonNode media = json.readTree(params.path("media").asText("{}"));
        String attach = media.path("media").asText("");
        if (!media.path("type").asText().equals("photo") || !attach.startsWith("attach://")) {
            reply(exchange, 400, error(400, "Bad Request: media must be a photo uploaded as attach://<name>"));
            return;
        }
        FilePart file = body.files().get(attach.substring("attach://".length()));
        if (file == null) {
            reply(exchange, 400, error(400, "Bad Request: attached file not found in the request"));
            return;
        }
        String caption = media.path("caption").asText("");
        String parseMode = media.path("parse_mode").asText("");
        Object problem = photoProblem(file, caption, parseMode);
        if (problem instanceof String description) {
            reply(exchange, 400, error(400, description));
            return;
        }
        List<Posted> list = chats.getOrDefault(chatId, List.of());
        synchronized (list) {
            for (int i = 0; i < list.size(); i++) {
                Posted p = list.get(i);
                if (p.messageId() == id && photos.containsKey(id)) {
                    Posted edited = new Posted(chatId, id, caption, parseMode, p.replyMarkup(), p.at());
                    list.set(i, edited);
                    photos.put(id, (Photo) problem);
                    mediaEdits.add(id);
                    ok(exchange, photoMessage(edited, (Photo) problem));
                    return;
                }
                if (p.messageId() == id) {
                    reply(exchange, 400, error(400, "Bad Request: there is no media in the message to edit"));
                    return;
                }
            }
        }
        reply(exchange, 400, error(400, "Bad Request: message to edit not found"));
    }

    /** The decoded photo, or the description of the 400 Telegram would answer. */
    private static Object photoProblem(FilePart file, String caption, String parseMode) {
        if (file.bytes().length > MAX_PHOTO_BYTES) {
            return "Bad Request: file is too big";
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(file.bytes()));
        } catch (IOException e) {
            image = null;
        }
        if (image == null) {
            return "Bad Request: IMAGE_PROCESS_FAILED";
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (w + h > 10_000 || Math.max(w, h) > 20 * Math.min(w, h)) {
            return "Bad Request: PHOTO_INVALID_DIMENSIONS";
        }
        if (parseMode.equalsIgnoreCase("HTML") && TelegramHtml.error(caption).isPresent()) {
            return "Bad Request: " + TelegramHtml.error(caption).get();
        }
        String counted = parseMode.equalsIgnoreCase("HTML") ? TelegramHtml.text(caption) : caption;
        if (counted.length() > MAX_CAPTION) {
            return "Bad Request: message caption is too long";
        }
        return new Photo(file.fileName(), file.bytes(), w, h, caption);
    }

    private ObjectNode photoMessage(Posted p, Photo photo) {
        ObjectNode m = message(p);
        m.remove("text");
        m.put("caption", TelegramHtml.text(p.text()));
        m.putArray("photo")
                .addObject()
                .put("file_id", "photo-" + p.messageId())
                .put("file_unique_id", "u" + p.messageId())
                .put("width", photo.width())
                .put("height", photo.height())
                .put("file_size", photo.png().length);
        return m;
    }

    private java.util.Optional<Integer> replyToOf(JsonNode params) {
        if (params.has("reply_to_message_id")) {
            return java.util.Optional.of(params.path("reply_to_message_id").asInt());
        }
        JsonNode parameters = params.path("reply_parameters");
        if (parameters.isTextual()) {
            try {
                parameters = json.readTree(parameters.asText());
            } catch (IOException e) {
                return java.util.Optional.empty();
            }
        }
        return parameters.has("message_id")
                ? java.util.Optional.of(parameters.path("message_id").asInt())
                : java.util.Optional.empty();
    }

    private synchronized long rateLimit(long chatId) {
        Instant now = clock.instant();
        Deque<Instant> mine = sendsPerChat.computeIfAbsent(chatId, c -> new ArrayDeque<>());
        long wait = 0;
        if (!mine.isEmpty() && Duration.between(mine.peekLast(), now).compareTo(Duration.ofSeconds(1)) < 0) {
            wait = 1;
        }
        if (chatId < 0) {
            List<Instant> lastMinute = mine.stream()
                    .filter(t -> Duration.between(t, now).toSeconds() < 60)
                    .toList();
            if (lastMinute.size() >= 20) {
                wait = Math.max(
                        wait,
                        60
                                - Duration.between(lastMinute.get(lastMinute.size() - 20), now)
                                        .toSeconds());
            }
        }
        long inLastSecond = sendsOverall.stream()
                .filter(t -> Duration.between(t, now).toMillis() < 1000)
                .count();
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
        ids.forEach(id -> list.addObject()
                .put("status", "administrator")
                .put("can_be_edited", false)
                .put("is_anonymous", false)
                .putObject("user")
                .put("id", id)
                .put("is_bot", false)
                .put("first_name", "Editor " + id));
        ok(exchange, list);
    }

    private ObjectNode message(Posted p) {
        ObjectNode m = json.createObjectNode()
                .put("message_id", p.messageId())
                .put("date", p.at().getEpochSecond())
                .put("text", TelegramHtml.text(p.text()));
        m.putObject("chat").put("id", p.chatId()).put("type", p.chatId() < 0 ? "supergroup" : "private");
        return m;
    }

    private Body body(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("application/json")) {
            return new Body(body.length == 0 ? json.createObjectNode() : json.readTree(body), Map.of());
        }
        ObjectNode params = json.createObjectNode();
        if (type.startsWith("multipart/form-data")) {
            String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length())
                    .replace("\"", "")
                    .split(";")[0]
                    .strip();
            Map<String, FilePart> files = new HashMap<>();
            for (byte[] part : Multipart.parts(body, boundary)) {
                int blank = Multipart.indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
                if (blank < 0) {
                    continue;
                }
                String headers = new String(part, 0, blank, StandardCharsets.UTF_8);
                byte[] content = java.util.Arrays.copyOfRange(part, blank + 4, part.length);
                String name = Multipart.attribute(headers, "name");
                String fileName = Multipart.attribute(headers, "filename");
                if (name == null) {
                    continue;
                }
                if (fileName != null) {
                    files.put(name, new FilePart(fileName, content));
                } else {
                    params.put(name, new String(content, StandardCharsets.UTF_8));
                }
            }
            return new Body(params, files);
        }
        String raw = type.startsWith("application/x-www-form-urlencoded")
                ? new String(body, StandardCharsets.UTF_8)
                : exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new Body(params, Map.of());
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
