package org.fellowship.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fellowship.core.testkit.Eventually;

/**
 * A loopback fake of the Telegram Bot API for tests: records every request, serves queued updates to
 * {@code getUpdates} (holding an empty poll briefly, like the real long poll), answers canned successes, and can be told
 * to answer the next call of a method with an error (429 with {@code retry_after}, 403, 400, 5xx). Multipart sends
 * ({@code sendDocument}) are parsed: text parts form the recorded body, file parts are kept as {@link Upload}s;
 * {@link #serveFile} files answer {@code getFile} and the {@code /file/bot<token>/<path>} download.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final String TOKEN = "123456:TEST-token";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded call: lower-case method name and its JSON body. */
    public record Call(String method, JsonNode body, long atNanos) {
        public String text(String field) {
            JsonNode n = body.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }
    }

    private record Canned(int status, String json) {
    }

    /** A file part of a multipart request ({@code sendDocument}): form field, file name and bytes. */
    public record Upload(String method, String field, String fileName, byte[] bytes) {
        public String content() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private record Served(String path, byte[] bytes) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final Map<String, Deque<Canned>> scripted = new HashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(1000);
    private final AtomicInteger updateIds = new AtomicInteger(500);
    private volatile String adminsJson = "[]";
    /** {@code getChatMemberCount}'s answer; {@code -1}: as many as there are administrators. */
    private volatile int memberCount = -1;
    private volatile boolean enforceLimits;
    private final Deque<Long> sendTimes = new ArrayDeque<>();
    private final Map<String, Long> lastPrivateSend = new HashMap<>();
    private final Map<String, Deque<Long>> groupSends = new HashMap<>();
    private final AtomicInteger rejections = new AtomicInteger();
    private final Duration emptyPollHold;
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final Map<String, Served> files = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> downloads = new CopyOnWriteArrayList<>();

    public FakeBotApi() throws IOException {
        this(Duration.ofMillis(200));
    }

    public FakeBotApi(Duration emptyPollHold) throws IOException {
        this.emptyPollHold = emptyPollHold;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public TelegramConfig config() {
        return TelegramConfig.of(TOKEN).withApiUrl(url()).withPollTimeout(Duration.ofSeconds(1));
    }

    /** Queues an update (its update_id is assigned if missing) and returns its update_id. */
    public int queueUpdate(String json) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(json);
            if (!node.has("update_id")) {
                node.put("update_id", updateIds.incrementAndGet());
            }
            synchronized (updates) {
                updates.add(node);
                updates.notifyAll();
            }
            return node.get("update_id").asInt();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The next call of {@code method} gets this HTTP status and Bot API error. */
    public void failNext(String method, int status, String description, Integer retryAfter) {
        ObjectNode err = JSON.createObjectNode();
        err.put("ok", false);
        err.put("error_code", status);
        err.put("description", description);
        if (retryAfter != null) {
            err.putObject("parameters").put("retry_after", retryAfter);
        }
        script(method, status, err.toString());
    }

    /** The next call of {@code method} gets exactly this body. */
    public void script(String method, int status, String body) {
        synchronized (scripted) {
            scripted.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>())
                    .add(new Canned(status, body));
        }
    }

    /**
     * Makes {@code sendMessage} behave like Telegram's limits: more than 30 in any sliding second for the bot, two to
     * one private chat within a second, or more than 20 to one group in any sliding minute, is answered 429 with
     * {@code retry_after=1}. Times are taken when the request arrives, as Telegram does.
     */
    public void enforceTelegramLimits() {
        enforceLimits = true;
    }

    /** How many sends the enforced limits rejected. */
    public int rejections() {
        return rejections.get();
    }

    private boolean overLimit(JsonNode body) {
        long now = System.nanoTime();
        String chat = body.path("chat_id").asText();
        synchronized (sendTimes) {
            while (!sendTimes.isEmpty() && now - sendTimes.peekFirst() >= 1_000_000_000L) {
                sendTimes.pollFirst();
            }
            Long last = lastPrivateSend.get(chat);
            boolean privateChat = !chat.startsWith("-");
            Deque<Long> group = privateChat ? null : groupSends.computeIfAbsent(chat, k -> new ArrayDeque<>());
            while (group != null && !group.isEmpty() && now - group.peekFirst() >= 60_000_000_000L) {
                group.pollFirst();
            }
            if (sendTimes.size() >= 30 || (privateChat && last != null && now - last < 1_000_000_000L)
                    || (group != null && group.size() >= 20)) {
                rejections.incrementAndGet();
                return true;
            }
            sendTimes.addLast(now);
            if (privateChat) {
                lastPrivateSend.put(chat, now);
            } else {
                group.addLast(now);
            }
            return false;
        }
    }

    public void setAdmins(long... userIds) {
        ArrayNode list = JSON.createArrayNode();
        for (long id : userIds) {
            ObjectNode m = list.addObject();
            m.put("status", "administrator");
            m.putObject("user").put("id", id).put("is_bot", false).put("first_name", "Admin");
            m.put("can_be_edited", false);
            m.put("is_anonymous", false);
        }
        adminsJson = list.toString();
    }

    /** Adds a bot (the one {@code getMe} describes is 777) to the administrators. */
    public void addBotAdmin(long botId) {
        try {
            ArrayNode list = (ArrayNode) JSON.readTree(adminsJson);
            ObjectNode m = list.addObject();
            m.put("status", "administrator");
            m.putObject("user").put("id", botId).put("is_bot", true).put("first_name", "Bot");
            m.put("can_be_edited", false);
            m.put("is_anonymous", false);
            m.put("can_delete_messages", true);
            adminsJson = list.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code getChatMemberCount} answers (by default: the number of administrators). */
    public void setMemberCount(int count) {
        memberCount = count;
    }

    /** Adds an administrator with a custom title and, optionally, the right to delete messages. */
    public void addTitledAdmin(long userId, String customTitle, boolean canDeleteMessages) {
        try {
            ArrayNode list = (ArrayNode) JSON.readTree(adminsJson);
            ObjectNode m = list.addObject();
            m.put("status", "administrator");
            m.putObject("user").put("id", userId).put("is_bot", false).put("first_name", "Admin");
            m.put("can_be_edited", false);
            m.put("is_anonymous", false);
            m.put("custom_title", customTitle);
            m.put("can_delete_messages", canDeleteMessages);
            m.put("can_restrict_members", false);
            adminsJson = list.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes a file known to {@code getFile} (with its true size and a {@code file_path}) and downloadable at
     * {@code /file/bot<token>/<file_path>}, like a document a member sent.
     */
    public void serveFile(String fileId, byte[] bytes) {
        files.put(fileId, new Served("documents/file_" + files.size() + ".json", bytes.clone()));
    }

    /** File parts received by multipart methods, in order. */
    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** Paths of file downloads served, in order. */
    public List<String> downloads() {
        return List.copyOf(downloads);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits (see {@link Eventually}) until {@code method} was called {@code count} times. */
    public List<Call> await(String method, int count) {
        Eventually.until(count + " " + method + " calls", () -> calls(method).size() >= count);
        return calls(method);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String filePrefix = "/file/bot" + TOKEN + "/";
            if (path.startsWith(filePrefix)) {
                serveDownload(ex, path.substring(filePrefix.length()));
                return;
            }
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                reply(ex, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body;
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            try {
                if (contentType != null && contentType.startsWith("multipart/form-data") && method.startsWith("send")) {
                    body = multipart(method, contentType, raw);
                } else {
                    body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
                }
            } catch (IOException notJson) {
                // multipart (setWebhook): keep the raw text for assertions
                body = JSON.createObjectNode().put("raw", new String(raw, StandardCharsets.UTF_8));
            }
            calls.add(new Call(method, body, System.nanoTime()));
            Canned canned;
            synchronized (scripted) {
                Deque<Canned> q = scripted.get(method);
                canned = q == null ? null : q.poll();
            }
            if (canned != null) {
                reply(ex, canned.status(), canned.json());
                return;
            }
            if (enforceLimits && method.equals("sendmessage") && overLimit(body)) {
                reply(ex, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                        + "\"parameters\":{\"retry_after\":1}}");
                return;
            }
            reply(ex, 200, "{\"ok\":true,\"result\":" + result(method, body) + "}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String result(String method, JsonNode body) throws InterruptedException {
        return switch (method) {
            case "getupdates" -> pollUpdates(body);
            case "getme" -> "{\"id\":777,\"is_bot\":true,\"first_name\":\"Fellowship\",\"username\":\"fellowship_bot\","
                    + "\"can_join_groups\":true,\"can_read_all_group_messages\":true,\"supports_inline_queries\":false}";
            case "sendmessage", "editmessagetext", "senddocument" -> message(body);
            case "getfile" -> file(body);
            case "getchatadministrators" -> adminsJson;
            case "getchatmembercount" -> Integer.toString(memberCount >= 0 ? memberCount : adminCount());
            default -> "true";
        };
    }

    private int adminCount() {
        try {
            return JSON.readTree(adminsJson).size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String message(JsonNode body) {
        long chatId = Long.parseLong(body.get("chat_id").asText());
        int id = body.has("message_id") ? body.get("message_id").asInt() : messageIds.incrementAndGet();
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", id);
        m.put("date", 1700000000);
        ObjectNode chat = m.putObject("chat");
        chat.put("id", chatId);
        chat.put("type", chatId < 0 ? "supergroup" : "private");
        m.put("text", body.path("text").asText(""));
        return m.toString();
    }

    private String file(JsonNode body) {
        String id = body.path("file_id").asText();
        Served served = files.get(id);
        ObjectNode f = JSON.createObjectNode();
        f.put("file_id", id);
        f.put("file_unique_id", "u" + id);
        if (served != null) {
            f.put("file_size", served.bytes().length);
            f.put("file_path", served.path());
        }
        return f.toString();
    }

    private void serveDownload(HttpExchange ex, String path) throws IOException {
        try (ex) {
            downloads.add(path);
            for (Served served : files.values()) {
                if (served.path().equals(path)) {
                    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    ex.sendResponseHeaders(200, served.bytes().length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(served.bytes());
                    }
                    return;
                }
            }
            ex.sendResponseHeaders(404, -1);
        }
    }

    /** Text parts become the JSON body (as the client would send them as JSON); file parts are recorded. */
    private ObjectNode multipart(String method, String contentType, byte[] raw) {
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "").trim();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        ObjectNode body = JSON.createObjectNode();
        int at = indexOf(raw, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 2 <= raw.length && raw[start] == '-' && raw[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(raw, delimiter, start);
            if (next < 0) {
                break;
            }
            int headersEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String headers = new String(raw, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(raw, headersEnd + 4, next - 2); // CRLF before delimiter
            String name = headerParam(headers, "name");
            String fileName = headerParam(headers, "filename");
            if (fileName != null) {
                uploads.add(new Upload(method, name, fileName, content));
                body.put(name, "attach://" + fileName);
            } else if (name != null) {
                body.put(name, new String(content, StandardCharsets.UTF_8));
            }
            at = next;
        }
        return body;
    }

    private static String headerParam(String headers, String param) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)[; ]" + param + "=\"([^\"]*)\"")
                .matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private String pollUpdates(JsonNode body) throws InterruptedException {
        long offset = body.path("offset").asLong(0);
        long holdMillis = Math.min(emptyPollHold.toMillis(), body.path("timeout").asLong(0) * 1000);
        // Holds an empty poll briefly like Telegram does (else the client loops fast); not a test's decision.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMillis);
        synchronized (updates) {
            updates.removeIf(u -> u.get("update_id").asLong() < offset);
            long left;
            while (updates.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                updates.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            ArrayNode out = JSON.createArrayNode();
            updates.forEach(out::add);
            return out.toString();
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
