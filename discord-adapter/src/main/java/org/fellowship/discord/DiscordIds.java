package org.fellowship.discord;

import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.javacord.api.entity.user.User;

/**
 * How Discord snowflakes become core ids and back: a user is their user id, a conversation its channel id (a DM's is
 * the DM channel id), a community its guild id, all as unsigned decimal strings. Pure and thread-safe.
 */
final class DiscordIds {

    private DiscordIds() {
    }

    static ChatUserId userId(User user) {
        return new ChatUserId(Platform.DISCORD, Long.toUnsignedString(user.getId()));
    }

    static ConversationId conversationId(long channelId) {
        return new ConversationId(Platform.DISCORD, Long.toUnsignedString(channelId));
    }

    static CommunityId communityId(long guildId) {
        return new CommunityId(Platform.DISCORD, Long.toUnsignedString(guildId));
    }

    /** Parses an id the adapter produced; a non-numeric id is a caller error reported as such. */
    static long snowflake(String value, String what) {
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a Discord id");
        }
    }

    /** Refuses ids of another platform handed to the Discord gateway. */
    static void requireDiscord(Platform platform) {
        if (platform != Platform.DISCORD) {
            throw new GatewayException(Reason.INVALID, "a " + platform.lowerName()
                    + " id was handed to the Discord gateway");
        }
    }
}
