package org.fellowship.core.store;

import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.port.StoreUnavailableException;

/**
 * Which members have a private chat open with the bot, where a platform only lets a bot write to members who wrote
 * first (Telegram). Shared by all instances and kept across restarts; listed in the member's erasure index.
 *
 * <p><b>Threading:</b> thread-safe. <b>Nullness:</b> arguments non-null. <b>Failure:</b>
 * {@link StoreUnavailableException} on store outage (callers then treat the member as not reachable).
 */
public interface DirectChatRegistry {

    /** Whether the member has opened a private chat with the bot and not closed it since. */
    boolean isOpen(ChatUserId member);

    /** The member wrote to the bot privately. */
    void opened(ChatUserId member);

    /** The member blocked the bot, or the platform refused a private message. */
    void closed(ChatUserId member);
}
