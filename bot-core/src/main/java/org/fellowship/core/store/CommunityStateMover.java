package org.fellowship.core.store;

import org.fellowship.core.model.CommunityId;
import org.fellowship.core.port.StoreUnavailableException;

/**
 * Moves a community's stored state to a new id, for when a platform renumbers a chat (a Telegram group becoming a
 * supergroup gets a new chat id).
 *
 * <p><b>Threading:</b> thread-safe; meant to run once per migration. <b>Nullness:</b> arguments non-null.
 * <b>Failure:</b> {@link StoreUnavailableException} on store outage; repeating a move is safe (what already moved is
 * not found again, and state already present under the new id is kept rather than overwritten).
 */
public interface CommunityStateMover {

    /** @return how many records moved */
    int move(CommunityId from, CommunityId to);
}
