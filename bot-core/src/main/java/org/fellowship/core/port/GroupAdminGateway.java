package org.fellowship.core.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;

/**
 * Moderation actions in group conversations. Implemented by each adapter; used by moderation and never by
 * anything that handles a message the safety screen flagged.
 *
 * <p><b>Threading:</b> thread-safe, may block up to the adapter's timeout. <b>Nullness:</b> no argument or result is
 * {@code null}. <b>Failure:</b> a {@link GatewayException} whose reason a moderator can act on (missing rights,
 * role hierarchy, Telegram's 48-hour delete window); never swallowed, never partially applied without saying so.
 */
public interface GroupAdminGateway {

    Platform platform();

    /** Deletes a message. */
    void delete(MessageRef message);

    /** Stops a member from writing until {@code until} (Telegram restrict, Discord timeout, at most 28 days). */
    void mute(ConversationId group, ChatUserId member, Instant until);

    /** Lifts a mute early (Telegram: restores the member's permissions; Discord: removes the timeout). */
    void unmute(ConversationId group, ChatUserId member);

    /** Removes a member; they may rejoin. */
    void kick(ConversationId group, ChatUserId member);

    /** Removes a member and prevents rejoining. */
    void ban(ConversationId group, ChatUserId member);

    /** Lifts a ban. */
    void unban(ConversationId group, ChatUserId member);

    /**
     * Sets the slow mode of {@code chat}: each member may send one message per {@code interval};
     * {@link Duration#ZERO} turns it off. Discord: the channel's slowmode, whole seconds up to
     * {@link #MAX_SLOWMODE}. Platforms whose bots cannot set slow mode (Telegram's Bot API has no call for it) throw
     * {@code UNSUPPORTED}, which is the default.
     *
     * @throws GatewayException {@code UNSUPPORTED} where bots cannot set it, {@code INVALID} for an interval the
     *                          platform does not take, {@code FORBIDDEN} without the right to manage the channel
     */
    default void slowmode(ConversationId chat, Duration interval) {
        throw GatewayException.unsupported("slow mode");
    }

    /** The longest slow-mode interval any platform takes (Discord: 6 hours). */
    Duration MAX_SLOWMODE = Duration.ofHours(6);

    /**
     * The name {@code member} goes by in {@code group} right now (Telegram: first and last name from
     * {@code getChatMember}; Discord: the server nickname, else the display name), so moderators read "Sam (id 42)"
     * instead of a bare id. Asked at the moment a record is shown: callers never store or log the name. Empty when the
     * platform cannot say (the member left or is unknown, missing rights, an outage, or an adapter that cannot look
     * members up, which is the default); never throws.
     */
    default Optional<String> memberName(ConversationId group, ChatUserId member) {
        return Optional.empty();
    }

    /** The members the platform recognises as moderators of the group (admins, or holders of moderation rights). */
    Set<ChatUserId> moderators(ConversationId group);

    /**
     * Whether only moderators can read {@code chat} (a channel or topic meant for crisis alerts), asked from the
     * platform now (or its short cache): on Discord, no permission overwrite or role lets {@code @everyone} or a role
     * without moderation rights view the channel; on Telegram, every member of the chat is an administrator.
     *
     * @throws GatewayException when the platform cannot tell (no rights to read members or permissions, outage)
     */
    ChatAudience audience(ConversationId chat);
}
