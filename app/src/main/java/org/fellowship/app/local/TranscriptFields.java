package org.fellowship.app.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.Platform;

/**
 * The fields of one transcript line, read and checked: each value {@link Transcript} needs, or a
 * {@link TranscriptException} naming the line and the field. Stateless.
 */
final class TranscriptFields {
    private static final int MAX_TEXT = 64 * 1024;
    /** Times a transcript may name: the simulated clock and every date computed from it stay representable. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final int MAX_MENTIONS = 1000;

    private TranscriptFields() {
    }

    /** How many members a message mentions: a whole number from 0 to {@value #MAX_MENTIONS}, 0 when absent. */
    static int mentions(int number, JsonNode node) {
        JsonNode value = node.get("mentions");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > MAX_MENTIONS) {
            throw new TranscriptException(number, "'mentions' must be a whole number from 0 to " + MAX_MENTIONS);
        }
        return value.asInt();
    }

    /** An event id the line names: what the platform ids allow (1-128 characters, no spaces, braces or controls). */
    static String id(int number, JsonNode node, String field) {
        String value = requiredText(number, node, field);
        if (value.isBlank()) {
            throw new TranscriptException(number, "'" + field + "' must not be blank");
        }
        if (value.length() > 128 || value.chars().anyMatch(c -> c <= ' ' || c == '{' || c == '}' || c == 0x7f)) {
            throw new TranscriptException(number, "'" + field + "' must be at most 128 characters without spaces, "
                    + "braces or control characters");
        }
        return value;
    }

    static String text(int number, JsonNode node) {
        String text = requiredText(number, node, "text");
        if (text.length() > MAX_TEXT) {
            throw new TranscriptException(number, "text is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }

    static Platform platform(int number, JsonNode node) {
        try {
            return Platform.parse(requiredText(number, node, "platform"));
        } catch (IllegalArgumentException e) {
            throw new TranscriptException(number, e.getMessage());
        }
    }

    static Member member(int number, JsonNode node, Platform platform) {
        JsonNode user = node.get("user");
        if (user == null || !user.isObject()) {
            throw new TranscriptException(number, "missing object 'user' ({\"id\":...,\"name\":...})");
        }
        try {
            return new Member(new ChatUserId(platform, requiredText(number, user, "id")),
                    user.path("name").asText(null), flag(number, user, "moderator"), flag(number, user, "mentor"),
                    flag(number, user, "bot"));
        } catch (IllegalArgumentException e) {
            throw new TranscriptException(number, "user: " + e.getMessage());
        }
    }

    static Conversation chat(int number, JsonNode node, Platform platform) {
        JsonNode chat = node.get("chat");
        if (chat == null || !chat.isObject()) {
            throw new TranscriptException(number, "missing object 'chat' ({\"id\":...,\"kind\":\"group\"|\"direct\"})");
        }
        String id = requiredText(number, chat, "id");
        String kind = requiredText(number, chat, "kind").toLowerCase(Locale.ROOT);
        try {
            ConversationId conversationId = new ConversationId(platform, id);
            return switch (kind) {
                case "direct" -> new Conversation(conversationId, ChatKind.DIRECT, null, null);
                case "group" -> new Conversation(conversationId, ChatKind.GROUP, new CommunityId(platform, id),
                        chat.path("title").asText(null));
                default -> throw new TranscriptException(number, "chat.kind must be 'group' or 'direct', not '" + kind + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new TranscriptException(number, "chat: " + e.getMessage());
        }
    }

    static boolean flag(int number, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new TranscriptException(number, "'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    static String requiredText(int number, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new TranscriptException(number, "missing field '" + field + "'");
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new TranscriptException(number, "'" + field + "' must be a string");
        }
        return value.asText();
    }

    static Instant requireAt(int number, Instant at) {
        if (at == null) {
            throw new TranscriptException(number, "missing field 'at'");
        }
        return at;
    }

    static Instant requiredInstant(int number, JsonNode node, String field) {
        Instant value = optionalInstant(number, node, field);
        if (value == null) {
            throw new TranscriptException(number, "missing field '" + field + "'");
        }
        return value;
    }

    static Instant optionalInstant(int number, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new TranscriptException(number, "'" + field + "' is not an ISO-8601 instant like "
                    + "2026-03-08T09:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new TranscriptException(number, "'" + field + "' must be between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }
}
