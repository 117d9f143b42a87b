package org.fellowship.core.store;

import java.util.Map;
import org.fellowship.core.model.ChatUserId;

/**
 * Export and erasure of everything stored about one member, driven by the per-member erasure index that every
 * store writes to.
 *
 * <p><b>Threading:</b> thread-safe. <b>Nullness:</b> non-null arguments and results. <b>Failure:</b>
 * {@link StoreUnavailableException}; an erase that fails part-way can be repeated safely.
 */
public interface MemberDataEraser {

    /** Every stored record about the member, by a stable descriptive name, as stored JSON text. */
    Map<String, String> export(ChatUserId member);

    /**
     * Deletes every record listed for the member, then the index itself.
     *
     * @return how many records were deleted
     */
    int erase(ChatUserId member);

    /** Whether anything is still stored about the member (the proof after {@link #erase}). */
    boolean holdsAnything(ChatUserId member);
}
