package org.fellowship.core.store;

import org.fellowship.core.model.CommunityId;
import org.fellowship.core.port.StoreUnavailableException;

/**
 * The one step that brings what is stored under a community's old id to the id it became, for when a platform
 * renumbers a chat (a Telegram group becoming a supergroup gets a new chat id). Everything else resolves old ids at
 * its edges through {@link org.fellowship.core.port.CommunityAliases}; this step exists only for data written before
 * the alias, so that afterwards everything is found under the new id and nothing is kept twice. Run by
 * {@link CommunityMigration} once the alias is recorded.
 *
 * <p><b>Threading:</b> thread-safe; meant to run once per migration. <b>Nullness:</b> arguments non-null.
 * <b>Failure:</b> {@link StoreUnavailableException} on store outage; repeating a move is safe (what already moved is
 * not found again, and state already present under the new id is kept rather than overwritten).
 */
public interface CommunityStateMover {

    /** @return how many records moved */
    int move(CommunityId from, CommunityId to);
}
