package org.fellowship.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.model.CommunityId;

/**
 * The rule store as moderation sees it, with each community's compiled {@link RuleSet} remembered. Every message
 * needs the compiled set, so the store's revision is read at most once per {@link #REVISION_CHECK} per community
 * (not once per message): a change made through this instance applies at once (writes go through here and forget
 * the compiled set), a change made through another instance within about a second. Thread-safe; two threads
 * compiling the same revision at once is harmless.
 */
final class RuleCache implements RuleStore {
    /** How stale another instance's rule change may be here. */
    static final Duration REVISION_CHECK = Duration.ofSeconds(1);

    private record Entry(long revision, RuleSet rules, long checkedAtNanos) {
    }

    private final RuleStore store;
    private final Map<CommunityId, Entry> compiled = new ConcurrentHashMap<>();

    RuleCache(RuleStore store) {
        this.store = store;
    }

    /** The community's compiled rules. */
    RuleSet compiled(CommunityId community) {
        Entry entry = compiled.get(community);
        long now = System.nanoTime();
        if (entry != null && now - entry.checkedAtNanos() < REVISION_CHECK.toNanos()) {
            return entry.rules();
        }
        long revision = store.revision(community);
        if (entry == null || entry.revision() != revision) {
            entry = new Entry(revision, RuleSet.compile(store.rules(community), store.settings(community)), now);
        } else {
            entry = new Entry(revision, entry.rules(), now);
        }
        compiled.put(community, entry);
        return entry.rules();
    }

    @Override
    public long revision(CommunityId community) {
        return store.revision(community);
    }

    @Override
    public List<Rule> rules(CommunityId community) {
        return store.rules(community);
    }

    @Override
    public Rule add(Rule draft) {
        try {
            return store.add(draft);
        } finally {
            compiled.remove(draft.community());
        }
    }

    @Override
    public Optional<Rule> replace(Rule rule) {
        try {
            return store.replace(rule);
        } finally {
            compiled.remove(rule.community());
        }
    }

    @Override
    public boolean remove(CommunityId community, int id) {
        try {
            return store.remove(community, id);
        } finally {
            compiled.remove(community);
        }
    }

    @Override
    public ModerationSettings settings(CommunityId community) {
        return store.settings(community);
    }

    @Override
    public void saveSettings(ModerationSettings settings) {
        try {
            store.saveSettings(settings);
        } finally {
            compiled.remove(settings.community());
        }
    }
}
