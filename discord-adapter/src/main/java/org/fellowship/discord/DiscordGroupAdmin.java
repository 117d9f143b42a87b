package org.fellowship.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.core.port.GroupAdminGateway;
import org.javacord.api.entity.channel.ServerTextChannel;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;

/**
 * Moderation actions for {@link DiscordGateway}: delete, timeout (mute) and its removal, kick, ban, unban, channel
 * slowmode, each with
 * {@link #AUDIT_REASON} in the server's audit log, and the moderator list. Missing Permissions and role hierarchy are
 * {@code FORBIDDEN}, unknown members {@code NOT_FOUND}, timeouts over {@link #MAX_TIMEOUT} {@code INVALID}, moderation
 * in a DM {@code UNSUPPORTED} ({@link DiscordFailures}).
 *
 * <p><b>Threading:</b> thread-safe; blocks at most the request timeout per Discord request.
 */
final class DiscordGroupAdmin {
    /** Discord's longest member timeout. */
    static final Duration MAX_TIMEOUT = Duration.ofDays(28);
    static final String AUDIT_REASON = "Fellowship moderation";

    private final DiscordChannels channels;
    private final DiscordRoles roles;
    private final ChannelTransport transport;
    private final Clock clock;
    private final long timeoutMillis;

    DiscordGroupAdmin(DiscordChannels channels, DiscordRoles roles, ChannelTransport transport, Clock clock,
                      long timeoutMillis) {
        this.channels = channels;
        this.roles = roles;
        this.transport = transport;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
    }

    void delete(MessageRef message) {
        TextChannel channel = channels.textChannel(message.conversation(), "delete");
        DiscordFailures.await(transport.delete(channel, DiscordIds.snowflake(message.messageId(), "message id")),
                "delete message", timeoutMillis);
    }

    void mute(ConversationId group, ChatUserId member, Instant until) {
        Duration length = Duration.between(clock.instant(), until);
        if (length.isNegative() || length.isZero()) {
            throw new GatewayException(Reason.INVALID, "timeout: the end time is not in the future");
        }
        if (length.compareTo(MAX_TIMEOUT) > 0) {
            throw new GatewayException(Reason.INVALID, "timeout: Discord timeouts last at most 28 days; "
                    + "choose a shorter timeout or a ban");
        }
        Server server = channels.server(group, "timeout");
        User user = channels.member(server, member, "timeout");
        DiscordFailures.await(server.timeoutUser(user, until, AUDIT_REASON), "timeout member", timeoutMillis);
    }

    void unmute(ConversationId group, ChatUserId member) {
        Server server = channels.server(group, "remove timeout");
        User user = channels.member(server, member, "remove timeout");
        DiscordFailures.await(server.removeUserTimeout(user, AUDIT_REASON), "remove timeout", timeoutMillis);
    }

    void kick(ConversationId group, ChatUserId member) {
        Server server = channels.server(group, "kick");
        User user = channels.member(server, member, "kick");
        DiscordFailures.await(server.kickUser(user, AUDIT_REASON), "kick member", timeoutMillis);
    }

    void ban(ConversationId group, ChatUserId member) {
        Server server = channels.server(group, "ban");
        DiscordIds.requireDiscord(member.platform());
        DiscordFailures.await(server.banUser(member.value(), 0, TimeUnit.SECONDS, AUDIT_REASON), "ban member",
                timeoutMillis);
    }

    void unban(ConversationId group, ChatUserId member) {
        Server server = channels.server(group, "unban");
        DiscordFailures.await(server.unbanUser(DiscordIds.snowflake(member.value(), "user id"), AUDIT_REASON),
                "unban member", timeoutMillis);
    }

    /** Sets a server text channel's slowmode in whole seconds (0 turns it off); Discord takes up to 6 hours. */
    void slowmode(ConversationId chat, Duration interval) {
        if (interval.isNegative() || interval.compareTo(GroupAdminGateway.MAX_SLOWMODE) > 0) {
            throw new GatewayException(Reason.INVALID, "slowmode: Discord takes 0 seconds to 6 hours");
        }
        TextChannel channel = channels.textChannel(chat, "slowmode");
        if (!(channel instanceof ServerTextChannel serverChannel)) {
            throw new GatewayException(Reason.UNSUPPORTED, "slowmode works only in a server text channel");
        }
        DiscordFailures.await(serverChannel.updateSlowmodeDelayInSeconds((int) interval.toSeconds()), "set slowmode",
                timeoutMillis);
    }

    /** The member's server nickname, else display name, from Javacord's member cache; empty when not there. */
    Optional<String> memberName(ConversationId group, ChatUserId member) {
        try {
            Server server = channels.server(group, "member name");
            return Optional.of(channels.member(server, member, "member name").getDisplayName(server))
                    .filter(name -> !name.isBlank());
        } catch (GatewayException | IllegalArgumentException e) {
            return Optional.empty(); // not a server channel, not a Discord id, or the member is gone
        }
    }

    /** Members with Manage Messages, Moderate Members, Administrator or a moderator role (needs GUILD_MEMBERS). */
    Set<ChatUserId> moderators(ConversationId group) {
        Server server = channels.server(group, "list moderators");
        return server.getMembers().stream()
                .filter(u -> !u.isBot() && roles.isModerator(server, u))
                .map(DiscordIds::userId)
                .collect(Collectors.toUnmodifiableSet());
    }
}
