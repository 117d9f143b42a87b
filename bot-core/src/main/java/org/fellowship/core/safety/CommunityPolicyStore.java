package org.fellowship.core.safety;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.model.CommunityId;

/**
 * Where each community's {@link CommunityPolicy} is kept.
 *
 * <p><b>Threading:</b> implementations are safe for concurrent use. <b>Nullness:</b> {@link #policy} never returns
 * {@code null} (a community without its own policy gets {@link CommunityPolicy#defaults()}); a {@code null}
 * community (a direct chat) also gets the defaults. <b>Failure:</b> a storage failure throws a
 * {@link RuntimeException}; the crisis screen then uses the defaults for that message rather than skip it.
 */
public interface CommunityPolicyStore {
    CommunityPolicy policy(CommunityId community);

    void save(CommunityId community, CommunityPolicy policy);

    /** An in-memory store (tests and single-process use; production keeps policies in Redis). */
    static CommunityPolicyStore inMemory() {
        Map<CommunityId, CommunityPolicy> policies = new ConcurrentHashMap<>();
        return new CommunityPolicyStore() {
            @Override
            public CommunityPolicy policy(CommunityId community) {
                return community == null ? CommunityPolicy.defaults()
                        : policies.getOrDefault(community, CommunityPolicy.defaults());
            }

            @Override
            public void save(CommunityId community, CommunityPolicy policy) {
                policies.put(community, policy);
            }
        };
    }
}
