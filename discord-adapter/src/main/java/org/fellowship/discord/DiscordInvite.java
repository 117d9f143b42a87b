package org.fellowship.discord;

import java.util.EnumSet;
import java.util.Set;
import org.javacord.api.entity.permission.PermissionType;

/**
 * The bot's invite URL: scopes {@code bot} and {@code applications.commands} with exactly the permissions the adapter
 * uses ({@link #PERMISSIONS}, integer {@value #PERMISSION_INTEGER}). Pure; thread-safe; no {@code null}s.
 */
final class DiscordInvite {
    /**
     * View Channel, Send Messages (+ in Threads), Attach Files (calendar files), Read Message History, Manage Messages,
     * Manage Channels (slow mode), Kick, Ban, Moderate.
     */
    static final Set<PermissionType> PERMISSIONS = EnumSet.of(PermissionType.VIEW_CHANNEL,
            PermissionType.SEND_MESSAGES, PermissionType.SEND_MESSAGES_IN_THREADS, PermissionType.ATTACH_FILE,
            PermissionType.READ_MESSAGE_HISTORY, PermissionType.MANAGE_MESSAGES, PermissionType.MANAGE_CHANNELS,
            PermissionType.KICK_MEMBERS, PermissionType.BAN_MEMBERS, PermissionType.MODERATE_MEMBERS);
    /** The sum of {@link #PERMISSIONS}, for the developer portal's URL generator. */
    static final long PERMISSION_INTEGER = 1_374_389_644_310L;

    private DiscordInvite() {
    }

    /** {@code https://discord.com/oauth2/authorize?client_id=...&scope=bot%20applications.commands&permissions=...} */
    static String url(long applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + Long.toUnsignedString(applicationId)
                + "&scope=bot%20applications.commands&permissions=" + permissions();
    }

    /** The permission integer computed from {@link #PERMISSIONS}. */
    static long permissions() {
        return PERMISSIONS.stream().mapToLong(PermissionType::getValue).reduce(0L, (a, b) -> a | b);
    }
}
