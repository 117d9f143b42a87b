package org.fellowship.discord;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.javacord.api.entity.permission.PermissionState;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.permission.Permissions;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;

/**
 * Who moderates or mentors in a Discord server: moderation permissions or a configured moderator role make a
 * moderator, a configured mentor role a mentor. Reads Javacord's cache of the server only; immutable and thread-safe.
 */
final class DiscordRoles {
    private final DiscordSettings settings;

    DiscordRoles(DiscordSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Manage Messages, Moderate Members, Administrator, or one of the configured moderator roles. */
    boolean isModerator(Server server, User user) {
        return server.isAdmin(user)
                || server.hasPermission(user, PermissionType.ADMINISTRATOR)
                || server.hasPermission(user, PermissionType.MANAGE_MESSAGES)
                || server.hasPermission(user, PermissionType.MODERATE_MEMBERS)
                || hasAnyRole(server, user, settings.moderatorRoleIds());
    }

    /** One of the configured mentor roles. */
    boolean isMentor(Server server, User user) {
        return hasAnyRole(server, user, settings.mentorRoleIds());
    }

    /**
     * Whether holding {@code role} makes a member a moderator by {@link #isModerator}: it grants Administrator, Manage
     * Messages or Moderate Members server-wide, or is a configured moderator role.
     */
    boolean isModeratorRole(Role role) {
        if (settings.moderatorRoleIds().contains(role.getId())) {
            return true;
        }
        Permissions p = role.getPermissions();
        return p != null && (p.getState(PermissionType.ADMINISTRATOR) == PermissionState.ALLOWED
                || p.getState(PermissionType.MANAGE_MESSAGES) == PermissionState.ALLOWED
                || p.getState(PermissionType.MODERATE_MEMBERS) == PermissionState.ALLOWED);
    }

    private static boolean hasAnyRole(Server server, User user, Set<Long> roleIds) {
        if (roleIds.isEmpty()) {
            return false;
        }
        List<Role> roles = user.getRoles(server);
        return roles != null && roles.stream().anyMatch(r -> roleIds.contains(r.getId()));
    }
}
