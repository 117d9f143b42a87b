package org.fellowship.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.javacord.api.entity.channel.Channel;
import org.javacord.api.entity.channel.RegularServerChannel;
import org.javacord.api.entity.channel.ServerThreadChannel;
import org.javacord.api.entity.permission.PermissionState;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.permission.Permissions;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;

/**
 * Who can read a Discord channel, for {@link DiscordGateway#audience}: worked out from the channel's permission
 * overwrites and the server's roles in Javacord's cache (no network call). Thread-safe.
 */
final class DiscordChannelAudience {
    private final DiscordChannels channels;
    private final DiscordRoles moderation;

    DiscordChannelAudience(DiscordChannels channels, DiscordRoles moderation) {
        this.channels = channels;
        this.moderation = moderation;
    }

    /**
     * Only moderators read a channel (a thread: its parent channel) when, after the channel's permission overwrites,
     * neither {@code @everyone} nor any role without moderation rights ({@link DiscordRoles#isModeratorRole}) can view
     * it, and no member who is not a moderator has an overwrite of their own that lets them view it. The bot itself and
     * a role held only by the bot (its integration role) do not count. Read from Javacord's cache of the server, its
     * roles and members (needs the GUILD_MEMBERS intent, as the moderator list does).
     */
    ChatAudience audience(ConversationId chat) {
        DiscordIds.requireDiscord(chat.platform());
        Channel found = channels.channel(DiscordIds.snowflake(chat.value(), "channel id")).orElseThrow(() ->
                new GatewayException(Reason.NOT_FOUND, "audience: channel " + chat + " is unknown to the bot"));
        RegularServerChannel target;
        if (found instanceof ServerThreadChannel thread) {
            target = thread.getParent(); // a thread is readable by whoever can view its parent
        } else if (found instanceof RegularServerChannel regular) {
            target = regular;
        } else {
            throw new GatewayException(Reason.UNSUPPORTED, "audience: " + chat + " is not a server channel");
        }
        try {
            return audience(target);
        } catch (GatewayException e) {
            throw e;
        } catch (RuntimeException e) {
            // an incomplete cache (a role or the server missing) means we cannot tell
            throw new GatewayException(Reason.UNAVAILABLE, "audience: the permissions of " + chat
                    + " could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private ChatAudience audience(RegularServerChannel channel) {
        Server server = channel.getServer();
        Role everyone = server.getEveryoneRole();
        Map<Long, Permissions> roleOverwrites = channel.getOverwrittenRolePermissions();
        PermissionState everyoneOverwrite = viewState(roleOverwrites.get(everyone.getId()));
        boolean everyoneBase = grantsView(everyone.getPermissions());
        if (isAllowed(everyone.getPermissions(), PermissionType.ADMINISTRATOR)
                || canView(everyoneBase, everyoneOverwrite, PermissionState.UNSET)) {
            return ChatAudience.wider("@everyone can view this channel: deny View Channel for @everyone (and for "
                    + "roles without moderation rights) in the channel's permissions.");
        }
        long me = channels.primary().getYourself().getId();
        List<String> roles = new ArrayList<>();
        for (Role role : server.getRoles()) {
            if (role.getId() == everyone.getId() || moderation.isModeratorRole(role) || heldOnlyBy(role, me)) {
                continue;
            }
            // Roles add up, but one role's allow or server-wide View Channel is enough on its own, so role by role
            // finds every way in.
            boolean base = everyoneBase || grantsView(role.getPermissions());
            if (canView(base, everyoneOverwrite, viewState(roleOverwrites.get(role.getId())))) {
                roles.add("@" + role.getName());
            }
        }
        if (!roles.isEmpty()) {
            return ChatAudience.wider((roles.size() == 1 ? "the role " + roles.get(0) + ", which has"
                    : "the roles " + String.join(", ", roles) + ", which have")
                    + " no moderation rights, can view this channel: deny View Channel for "
                    + (roles.size() == 1 ? "it" : "them") + " in the channel's permissions.");
        }
        List<String> members = new ArrayList<>();
        for (Map.Entry<Long, Permissions> e : channel.getOverwrittenUserPermissions().entrySet()) {
            if (e.getKey() == me || viewState(e.getValue()) != PermissionState.ALLOWED) {
                continue;
            }
            // a member the cache does not know is counted: the overwrite is there, and removing it is the fix
            Optional<User> user = server.getMemberById(e.getKey());
            if (user.isEmpty() || !moderation.isModerator(server, user.get())) {
                members.add(Long.toUnsignedString(e.getKey()));
            }
        }
        if (!members.isEmpty()) {
            return ChatAudience.wider(members.size() + (members.size() == 1 ? " member who is not a moderator"
                    : " members who are not moderators") + " (user id " + String.join(", ", members)
                    + ") can view this channel through their own permission overwrite: remove View Channel from it "
                    + "in the channel's permissions.");
        }
        return ChatAudience.onlyModerators();
    }

    /** What the overwrite says about View Channel; unset when there is none. */
    private static PermissionState viewState(Permissions overwrite) {
        return overwrite == null ? PermissionState.UNSET : overwrite.getState(PermissionType.VIEW_CHANNEL);
    }

    private static boolean grantsView(Permissions rolePermissions) {
        return isAllowed(rolePermissions, PermissionType.VIEW_CHANNEL);
    }

    private static boolean isAllowed(Permissions permissions, PermissionType type) {
        return permissions != null && permissions.getState(type) == PermissionState.ALLOWED;
    }

    /**
     * Discord's order: server-wide permissions, then the channel's {@code @everyone} overwrite, then the role
     * overwrites (deny, then allow).
     */
    private static boolean canView(boolean serverWide, PermissionState everyoneOverwrite, PermissionState roleOverwrite) {
        if (roleOverwrite != PermissionState.UNSET) {
            return roleOverwrite == PermissionState.ALLOWED;
        }
        if (everyoneOverwrite != PermissionState.UNSET) {
            return everyoneOverwrite == PermissionState.ALLOWED;
        }
        return serverWide;
    }

    private static boolean heldOnlyBy(Role role, long userId) {
        Set<User> holders = role.getUsers();
        return holders != null && !holders.isEmpty() && holders.stream().allMatch(u -> u.getId() == userId);
    }
}
