package org.fellowship.moderation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.model.CommunityId;

/**
 * Compiled rules per community, rebuilt only when the store's revision moves: one cheap read per message instead of
 * reading and compiling every rule. Thread-safe; two threads compiling the same revision at once is harmless.
 */
final class RuleCache {
    private record Entry(long revision, RuleSet rules) {
    }

    private final RuleStore store;
    private final Map<CommunityId, Entry> compiled = new ConcurrentHashMap<>();

    RuleCache(RuleStore store) {
        this.store = store;
    }

    RuleSet get(CommunityId community) {
        long revision = store.revision(community);
        Entry entry = compiled.get(community);
        if (entry == null || entry.revision != revision) {
            entry = new Entry(revision, RuleSet.compile(store.rules(community), store.settings(community)));
            compiled.put(community, entry);
        }
        return entry.rules;
    }
}
