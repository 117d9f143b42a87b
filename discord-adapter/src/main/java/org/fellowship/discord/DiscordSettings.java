package org.fellowship.discord;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the Discord adapter, without the bot token (which is passed to {@link DiscordConnection} only and
 * never stored or logged here).
 *
 * <p><b>Threading:</b> immutable, freely shared. <b>Nullness:</b> sets and durations are never {@code null} after
 * construction ({@code null} collections become empty); {@code commandGuildId} is {@code null} for global slash
 * commands. <b>Failure:</b> the constructor throws {@link IllegalArgumentException} for impossible values.
 *
 * @param moderatorRoleIds      role ids whose holders count as moderators (in addition to Manage Messages,
 *                              Moderate Members and Administrator permissions)
 * @param mentorRoleIds         role ids whose holders count as mentors
 * @param requestMessageContent ask for the privileged Message Content intent (enable it in the developer portal)
 * @param totalShards           shard count; 0 means "one shard" (Javacord's default)
 * @param commandGuildId        register slash commands in this guild only (fast iteration), or {@code null} for global
 * @param requestTimeout        how long a single Discord REST call may block a caller
 * @param interactionWindow     how long after a slash command the bot's replies to that member in that channel are
 *                              delivered as the interaction's response (at most Discord's 15-minute token life)
 */
public record DiscordSettings(Set<Long> moderatorRoleIds, Set<Long> mentorRoleIds, boolean requestMessageContent,
                              int totalShards, Long commandGuildId, Duration requestTimeout,
                              Duration interactionWindow) {
    private static final Duration MAX_INTERACTION_WINDOW = Duration.ofMinutes(14);

    public DiscordSettings {
        moderatorRoleIds = moderatorRoleIds == null ? Set.of() : Set.copyOf(moderatorRoleIds);
        mentorRoleIds = mentorRoleIds == null ? Set.of() : Set.copyOf(mentorRoleIds);
        if (totalShards < 0) {
            throw new IllegalArgumentException("discord totalShards must be 0 (default) or positive");
        }
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        interactionWindow = interactionWindow == null ? Duration.ofMinutes(2) : interactionWindow;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("discord requestTimeout must be positive");
        }
        if (interactionWindow.isNegative() || interactionWindow.compareTo(MAX_INTERACTION_WINDOW) > 0) {
            throw new IllegalArgumentException("discord interactionWindow must be between 0 and 14 minutes");
        }
    }

    /** No extra roles, Message Content requested, one shard, global commands, 10 s timeout, 2 min window. */
    public static DiscordSettings defaults() {
        return new DiscordSettings(Set.of(), Set.of(), true, 0, null, null, null);
    }

    public DiscordSettings withRoles(Set<Long> moderatorRoles, Set<Long> mentorRoles) {
        return new DiscordSettings(moderatorRoles, mentorRoles, requestMessageContent, totalShards, commandGuildId,
                requestTimeout, interactionWindow);
    }

    public DiscordSettings withCommandGuild(Long guildId) {
        return new DiscordSettings(moderatorRoleIds, mentorRoleIds, requestMessageContent, totalShards, guildId,
                requestTimeout, interactionWindow);
    }

    public DiscordSettings withMessageContent(boolean request) {
        return new DiscordSettings(moderatorRoleIds, mentorRoleIds, request, totalShards, commandGuildId,
                requestTimeout, interactionWindow);
    }

    public DiscordSettings withShards(int shards) {
        return new DiscordSettings(moderatorRoleIds, mentorRoleIds, requestMessageContent, shards, commandGuildId,
                requestTimeout, interactionWindow);
    }

    @Override
    public String toString() {
        return "DiscordSettings[moderatorRoles=" + moderatorRoleIds.size() + ", mentorRoles=" + mentorRoleIds.size()
                + ", messageContent=" + requestMessageContent + ", shards=" + totalShards + ", commandGuild="
                + Objects.toString(commandGuildId, "global") + "]";
    }
}
