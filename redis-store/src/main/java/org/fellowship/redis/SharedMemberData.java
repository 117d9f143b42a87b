package org.fellowship.redis;

import java.util.Map;
import org.fellowship.core.model.ChatUserId;

/**
 * Member data kept as fields of shared hashes (compact buckets) rather than as keys of their own, so the erasure
 * index cannot list it; {@link RedisMemberDataEraser} asks each such store to export and erase it.
 * Thread-safe; failures are {@link org.fellowship.core.store.StoreUnavailableException}; nullness as the eraser's.
 */
interface SharedMemberData {
    Map<String, String> exportShared(ChatUserId member);

    int eraseShared(ChatUserId member);

    boolean holdsShared(ChatUserId member);
}
