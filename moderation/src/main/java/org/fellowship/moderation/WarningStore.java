package org.fellowship.moderation;

import java.time.Instant;
import java.util.List;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/**
 * Warnings per member and community. Warnings are moderation records about a member: a store lists them for
 * {@code /export}, and {@code /forget} leaves them, so a member cannot wipe warnings and restart the ladder.
 *
 * <p><b>Threading:</b> thread-safe; adding and removing are atomic. <b>Nullness:</b> arguments non-null; results
 * never {@code null}. <b>Failure:</b> {@link org.fellowship.core.port.StoreUnavailableException} on store outage.
 */
public interface WarningStore {

    void add(Warning warning);

    /** The member's warnings that still count at {@code now}, oldest first; expired ones may be dropped for good. */
    List<Warning> active(CommunityId community, ChatUserId member, Instant now);

    /** Removes the warning with that id; {@code false} when there was none. */
    boolean remove(CommunityId community, ChatUserId member, long id);
}
