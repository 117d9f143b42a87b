package org.fellowship.telegram;

import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.port.GatewayException;

/**
 * How Telegram ids become core ids. A chat is its chat id ({@code "-1001234"}); a forum topic is chat id and thread id
 * joined by {@value #TOPIC_SEPARATOR} ({@code "-1001234:77"}); a direct chat is the user's id; the community is the
 * group's chat id. Pure and thread-safe.
 */
final class TelegramIds {
    /** Separates chat id and forum thread id in a topic's conversation id. */
    static final char TOPIC_SEPARATOR = ':';

    private TelegramIds() {
    }

    /** The core id of a Telegram user. */
    static ChatUserId user(long userId) {
        return new ChatUserId(Platform.TELEGRAM, Long.toString(userId));
    }

    /** The core id of a whole chat. */
    static ConversationId chat(long chatId) {
        return new ConversationId(Platform.TELEGRAM, Long.toString(chatId));
    }

    /** The core id of a forum topic, or of the chat when {@code threadId} is {@code null}. */
    static ConversationId topic(long chatId, Integer threadId) {
        return threadId == null ? chat(chatId)
                : new ConversationId(Platform.TELEGRAM, Long.toString(chatId) + TOPIC_SEPARATOR + threadId);
    }

    /** The community of a group chat. */
    static CommunityId community(long chatId) {
        return new CommunityId(Platform.TELEGRAM, Long.toString(chatId));
    }

    /** The Telegram chat id part of a conversation id, as the Bot API wants it ({@code chat_id} string). */
    static String chatId(ConversationId conversation) {
        requireTelegram(conversation.platform());
        String v = conversation.value();
        int sep = v.indexOf(TOPIC_SEPARATOR);
        return sep < 0 ? v : v.substring(0, sep);
    }

    /** The forum thread id of a topic conversation, or {@code null} for a whole chat. */
    static Integer threadId(ConversationId conversation) {
        String v = conversation.value();
        int sep = v.indexOf(TOPIC_SEPARATOR);
        if (sep < 0) {
            return null;
        }
        try {
            return Integer.valueOf(v.substring(sep + 1));
        } catch (NumberFormatException e) {
            throw new GatewayException(GatewayException.Reason.INVALID, "not a Telegram topic id: " + conversation);
        }
    }

    /**
     * A link members of the chat can open to a message: {@code https://t.me/c/<id>/<message>} for a supergroup or
     * channel (chat id {@code -100<id>}), with the thread for a forum topic; empty for private chats and basic groups,
     * which have no message links.
     */
    static Optional<String> messageLink(MessageRef message) {
        String chat = chatId(message.conversation());
        if (!chat.startsWith("-100") || chat.length() <= 4 || !chat.substring(4).chars().allMatch(Character::isDigit)
                || !message.messageId().chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        Integer thread = threadId(message.conversation());
        return Optional.of("https://t.me/c/" + chat.substring(4) + "/" + (thread == null ? "" : thread + "/")
                + message.messageId());
    }

    /** A Telegram user id as a number. */
    static long userId(ChatUserId user) {
        requireTelegram(user.platform());
        try {
            return Long.parseLong(user.value());
        } catch (NumberFormatException e) {
            throw new GatewayException(GatewayException.Reason.INVALID, "not a Telegram user id: " + user);
        }
    }

    /** A Telegram message id as a number. */
    static int messageId(String messageId) {
        try {
            return Integer.parseInt(messageId);
        } catch (NumberFormatException e) {
            throw new GatewayException(GatewayException.Reason.INVALID, "not a Telegram message id: " + messageId);
        }
    }

    private static void requireTelegram(Platform platform) {
        if (platform != Platform.TELEGRAM) {
            throw new GatewayException(GatewayException.Reason.INVALID, "not a Telegram id: " + platform);
        }
    }
}
