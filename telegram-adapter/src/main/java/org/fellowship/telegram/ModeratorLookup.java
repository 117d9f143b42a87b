package org.fellowship.telegram;

import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;

/**
 * Tells the mapper whether a member is a moderator (Telegram admin or owner) or a mentor of a group, so that the
 * core's {@link org.fellowship.core.model.Member#moderator()} and {@code mentor()} come from the platform's own admin
 * list.
 *
 * <p><b>Threading:</b> called from receiving threads; must be thread-safe and fast (cached).
 * <b>Nullness:</b> arguments are never {@code null}. <b>Failure:</b> must not throw; answer {@code false} when unsure.
 */
@FunctionalInterface
public interface ModeratorLookup {

    /** Nobody is a moderator (tests, or an app without moderation). */
    ModeratorLookup NONE = (group, member) -> false;

    boolean isModerator(ConversationId group, ChatUserId member);

    /**
     * Whether {@code member} is a mentor of {@code group}: on Telegram, an administrator whose custom title names
     * them a mentor (the platform's own admin list, never self-claimed). Same contract as {@link #isModerator}.
     */
    default boolean isMentor(ConversationId group, ChatUserId member) {
        return false;
    }
}
