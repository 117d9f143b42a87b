package org.fellowship.moderation.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fellowship.core.model.CommunityId;
import org.fellowship.moderation.ModerationSettings;
import org.fellowship.moderation.Rule;
import org.fellowship.moderation.RuleStore;

/** In-memory fake of {@link RuleStore}. Thread-safe through one lock. */
public final class InMemoryRuleStore implements RuleStore {
    private final Map<CommunityId, TreeMap<Integer, Rule>> rules = new HashMap<>();
    private final Map<CommunityId, Integer> sequence = new HashMap<>();
    private final Map<CommunityId, Long> revisions = new HashMap<>();
    private final Map<CommunityId, ModerationSettings> settings = new HashMap<>();

    @Override
    public synchronized long revision(CommunityId community) {
        return revisions.getOrDefault(community, 0L);
    }

    @Override
    public synchronized List<Rule> rules(CommunityId community) {
        return new ArrayList<>(rules.getOrDefault(community, new TreeMap<>()).values());
    }

    @Override
    public synchronized Rule add(Rule draft) {
        int id = sequence.merge(draft.community(), 1, Integer::sum);
        Rule rule = draft.withId(id);
        rules.computeIfAbsent(draft.community(), c -> new TreeMap<>()).put(id, rule);
        bump(draft.community());
        return rule;
    }

    @Override
    public synchronized Optional<Rule> replace(Rule rule) {
        TreeMap<Integer, Rule> map = rules.get(rule.community());
        if (map == null || !map.containsKey(rule.id())) {
            return Optional.empty();
        }
        map.put(rule.id(), rule);
        bump(rule.community());
        return Optional.of(rule);
    }

    @Override
    public synchronized boolean remove(CommunityId community, int id) {
        TreeMap<Integer, Rule> map = rules.get(community);
        boolean removed = map != null && map.remove(id) != null;
        if (removed) {
            bump(community);
        }
        return removed;
    }

    @Override
    public synchronized ModerationSettings settings(CommunityId community) {
        return settings.getOrDefault(community, ModerationSettings.defaults(community));
    }

    @Override
    public synchronized void saveSettings(ModerationSettings value) {
        settings.put(value.community(), value);
        bump(value.community());
    }

    private void bump(CommunityId community) {
        revisions.merge(community, 1L, Long::sum);
    }
}
