package org.fellowship.app.local;

import static org.fellowship.app.local.TranscriptFields.chat;
import static org.fellowship.app.local.TranscriptFields.id;
import static org.fellowship.app.local.TranscriptFields.member;
import static org.fellowship.app.local.TranscriptFields.mentions;
import static org.fellowship.app.local.TranscriptFields.optionalInstant;
import static org.fellowship.app.local.TranscriptFields.platform;
import static org.fellowship.app.local.TranscriptFields.requireAt;
import static org.fellowship.app.local.TranscriptFields.requiredInstant;
import static org.fellowship.app.local.TranscriptFields.requiredText;
import static org.fellowship.app.local.TranscriptFields.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MemberJoined;
import org.fellowship.core.event.MemberLeft;
import org.fellowship.core.event.MessageEdited;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;

/**
 * Reads one line of the public transcript format (see the README, "Replay transcripts") into a {@link Step}; its
 * single fields are read by {@link TranscriptFields}. Every problem is a {@link TranscriptException} naming the line.
 */
final class Transcript {
    /** Largest file a transcript line may attach (the bot's own limits are lower; this only guards the runner). */
    static final int MAX_FILE = 20 * 1024 * 1024;
    /** Longest line read (in characters); a longer one stops the run before it is held in memory whole. */
    static final int MAX_LINE = 8 * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private final Path base;

    /** @param base where a file line's relative {@code path} is resolved from (the transcript's own folder) */
    Transcript(Path base) {
        this.base = base;
    }

    Transcript() {
        this(Path.of(""));
    }

    /** What one line asks for. */
    sealed interface Step permits Deliver, Press, Advance, Restart {
        /** The line's {@code at}, or {@code null}. */
        Instant at();
    }

    /**
     * Hand an inbound event to the engine.
     *
     * @param files the bytes of the files it carries, by their {@link Attachment#platformFileRef()}
     */
    record Deliver(Instant at, InboundEvent event, boolean moderator, Map<String, byte[]> files) implements Step {
        Deliver {
            files = Map.copyOf(files);
        }
    }

    /**
     * Press the button with {@code label}: without {@code chat} on the latest message the bot sent {@code member};
     * with {@code chat} on the latest bot message in that chat (a group or channel post, whoever it was for).
     *
     * @param chat the chat named by the line, or {@code null}
     */
    record Press(Instant at, Platform platform, Member member, String label, Conversation chat) implements Step {
    }

    /** Move the clock to {@code to}. */
    record Advance(Instant at, Instant to) implements Step {
    }

    /** Drop in-memory state and rebuild the engine on the same Redis. */
    record Restart(Instant at) implements Step {
    }

    /**
     * Reads one line. Every problem with it, including values the core's own records refuse (ids, times), is a
     * {@link TranscriptException} naming the line.
     */
    Step parse(int number, String text) {
        try {
            return parseObject(number, object(number, text));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw new TranscriptException(number, String.valueOf(e.getMessage()));
        }
    }

    /** The line's one JSON object: nothing but whitespace may follow it, and no field may appear twice. */
    private JsonNode object(int number, String text) {
        JsonNode node;
        try (JsonParser parser = json.createParser(text)) {
            node = json.readTree(parser);
            JsonToken after;
            try {
                after = parser.nextToken();
            } catch (JsonProcessingException e) {
                after = JsonToken.NOT_AVAILABLE;
            }
            if (after != null) {
                throw new TranscriptException(number, "one JSON object per line: there is more after the object");
            }
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage();
            if (problem != null && problem.startsWith("Duplicate field")) {
                problem = "duplicate field" + problem.substring("Duplicate field".length());
            }
            throw new TranscriptException(number, "not valid JSON (" + problem + ")");
        } catch (IOException e) {
            throw new TranscriptException(number, "not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new TranscriptException(number, "expected one JSON object");
        }
        return node;
    }

    private Step parseObject(int number, JsonNode node) {
        String type = requiredText(number, node, "type");
        Instant at = optionalInstant(number, node, "at");
        switch (type) {
            case "advance":
                return new Advance(at, requiredInstant(number, node, "to"));
            case "restart":
                return new Restart(at);
            case "press":
                Platform platform = platform(number, node);
                return new Press(requireAt(number, at), platform, member(number, node, platform),
                        requiredText(number, node, "label"), node.hasNonNull("chat") ? chat(number, node, platform)
                        : null);
            case "message":
            case "edit":
            case "join":
            case "leave":
                return deliver(number, node, type, requireAt(number, at));
            default:
                throw new TranscriptException(number, "unknown type '" + type
                        + "' (expected message, edit, join, leave, press, advance or restart)");
        }
    }

    private Deliver deliver(int number, JsonNode node, String type, Instant at) {
        Platform platform = platform(number, node);
        Member member = member(number, node, platform);
        Conversation chat = chat(number, node, platform);
        String eventId = "line" + number;
        InboundEvent event;
        Map<String, byte[]> files = Map.of();
        switch (type) {
            case "message" -> {
                String id = requiredText(number, node, "id");
                // Platforms number messages per chat, so the event id is chat plus message id.
                // Optional: "replyTo": {"id": message id, "user": its author's id}, "mentions": how many it mentions.
                JsonNode reply = node.get("replyTo");
                MessageRef replyTo = null;
                ChatUserId replyAuthor = null;
                if (reply != null && reply.isObject()) {
                    try {
                        replyTo = new MessageRef(chat.id(), requiredText(number, reply, "id"));
                        replyAuthor = new ChatUserId(platform, requiredText(number, reply, "user"));
                    } catch (IllegalArgumentException e) {
                        throw new TranscriptException(number, "replyTo: " + e.getMessage());
                    }
                }
                int mentions = mentions(number, node);
                // Optional: "file": {"name", "type"?, and "path" (relative to the transcript) or "content" (text)}.
                List<Attachment> attachments = List.of();
                JsonNode fileNode = node.get("file");
                if (fileNode != null && !fileNode.isNull()) {
                    String ref = "replay-file-" + number;
                    byte[] bytes = fileBytes(number, fileNode);
                    files = Map.of(ref, bytes);
                    attachments = List.of(new Attachment(requiredText(number, fileNode, "name"),
                            fileNode.hasNonNull("type") ? fileNode.get("type").asText() : null, bytes.length, ref));
                }
                event = new MessageReceived(chat.id().value() + ":" + id, chat, member, at,
                        new MessageRef(chat.id(), id), text(number, node), replyTo, replyAuthor, mentions,
                        attachments, List.of());
            }
            case "edit" -> {
                String id = requiredText(number, node, "id");
                event = new MessageEdited("edit:" + id + ":" + number, chat, member, at,
                        new MessageRef(chat.id(), id), text(number, node));
            }
            case "join" -> event = new MemberJoined(node.hasNonNull("id") ? id(number, node, "id") : eventId, chat,
                    member, at);
            default -> event = new MemberLeft(node.hasNonNull("id") ? id(number, node, "id") : eventId, chat,
                    member, at);
        }
        return new Deliver(at, event, member.moderator(), files);
    }

    /** A file line's bytes: its {@code content} as UTF-8, or the file at {@code path}. */
    private byte[] fileBytes(int number, JsonNode file) {
        if (!file.isObject()) {
            throw new TranscriptException(number, "'file' must be an object with name and path or content");
        }
        if (file.hasNonNull("content")) {
            return file.get("content").asText().getBytes(StandardCharsets.UTF_8);
        }
        String path = requiredText(number, file, "path");
        Path resolved;
        try {
            resolved = base.resolve(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new TranscriptException(number, "file.path is not a usable path");
        }
        if (Files.exists(resolved) && !Files.isRegularFile(resolved)) {
            // a device such as /dev/zero never ends, a folder has no bytes
            throw new TranscriptException(number, "file " + path + " is not a regular file");
        }
        try (java.io.InputStream in = Files.newInputStream(resolved)) {
            byte[] bytes = in.readNBytes(MAX_FILE + 1);
            if (bytes.length > MAX_FILE) {
                throw new TranscriptException(number, "file " + path + " is larger than " + MAX_FILE + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new TranscriptException(number, "file " + path + " cannot be read (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /** A press turned into the event the platform would send. */
    static ButtonPressed pressEvent(String eventId, Conversation where, Member member, Instant at, MessageRef ref,
                                    String token) {
        return new ButtonPressed(eventId, where, member, at, ref, token, eventId);
    }
}
