package org.fellowship.discord;

import java.util.List;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.javacord.api.DiscordApi;
import org.javacord.api.entity.channel.Channel;
import org.javacord.api.entity.channel.ServerChannel;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;

/**
 * Finds the channels, servers and members the core's ids name, in the caches of every shard of this process. Reads
 * caches only (no network call); thread-safe. A missing one is a {@link GatewayException} that says what to check.
 */
final class DiscordChannels {
    private final List<DiscordApi> shards;

    DiscordChannels(List<DiscordApi> shards) {
        this.shards = List.copyOf(shards);
        if (this.shards.isEmpty()) {
            throw new IllegalArgumentException("at least one DiscordApi shard is needed");
        }
    }

    /** The first shard: the bot's own user and REST lookups that any shard can make. */
    DiscordApi primary() {
        return shards.get(0);
    }

    TextChannel textChannel(ConversationId id, String operation) {
        DiscordIds.requireDiscord(id.platform());
        Channel channel = channel(DiscordIds.snowflake(id.value(), "channel id")).orElse(null);
        if (channel instanceof TextChannel text) {
            return text;
        }
        throw new GatewayException(Reason.NOT_FOUND, operation + ": channel " + id
                + " is unknown to the bot or not a text channel (is the bot still in the server and can it view it?)");
    }

    /** The server of a channel, or the server itself when the id is a guild id (as for member events). */
    Server server(ConversationId group, String operation) {
        DiscordIds.requireDiscord(group.platform());
        long id = DiscordIds.snowflake(group.value(), "channel id");
        Optional<Channel> channel = channel(id);
        if (channel.isPresent()) {
            if (channel.get() instanceof ServerChannel sc) {
                return sc.getServer();
            }
            throw new GatewayException(Reason.UNSUPPORTED, operation + " works only in a server channel, not in a DM");
        }
        return shards.stream().map(a -> a.getServerById(id)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new GatewayException(Reason.NOT_FOUND, operation
                        + ": channel or server " + group + " is unknown to the bot"));
    }

    User member(Server server, ChatUserId member, String operation) {
        DiscordIds.requireDiscord(member.platform());
        return server.getMemberById(DiscordIds.snowflake(member.value(), "user id")).orElseThrow(() ->
                new GatewayException(Reason.NOT_FOUND, operation + ": member " + member
                        + " is not in this server (left already, or the GUILD_MEMBERS intent is off)"));
    }

    Optional<Channel> channel(long id) {
        for (DiscordApi api : shards) {
            Optional<Channel> found = api.getChannelById(id);
            if (found != null && found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
