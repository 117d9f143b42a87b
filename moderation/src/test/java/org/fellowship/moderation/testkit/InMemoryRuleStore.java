package org.fellowship.moderation.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityStateMover;
import org.fellowship.moderation.ModerationSettings;
import org.fellowship.moderation.Rule;
import org.fellowship.moderation.RuleStore;

/** In-memory fake of {@link RuleStore}. Thread-safe through one lock. */
public final class InMemoryRuleStore implements RuleStore, CommunityStateMover {
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

    /**
     * This fake's part of the one move step: the community's rules, numbering and settings (over Redis they move with
     * the community's keys). Whatever is already under the new id is kept.
     */
    @Override
    public synchronized int move(CommunityId from, CommunityId to) {
        TreeMap<Integer, Rule> moved = rules.remove(from);
        ModerationSettings s = settings.remove(from);
        Integer next = sequence.remove(from);
        Long revision = revisions.remove(from);
        int changed = 0;
        if (moved != null && !rules.containsKey(to)) {
            TreeMap<Integer, Rule> renamed = new TreeMap<>();
            moved.forEach((id, r) -> renamed.put(id, new Rule(to, r.id(), r.kind(), r.pattern(), r.limit(), r.window(),
                    r.action(), r.muteFor(), r.mode(), r.createdBy(), r.createdAt())));
            rules.put(to, renamed);
            changed++;
        }
        if (s != null && !settings.containsKey(to)) {
            settings.put(to, new ModerationSettings(to, s.allowedDomains(), s.exemptChats(), s.exemptMentors(),
                    s.modLog(), s.alertReceivers(), s.rulesText(), s.welcomeText(), s.warningDecay(), s.ladder(),
                    s.gate(), s.raid()));
            changed++;
        }
        if (next != null) {
            sequence.putIfAbsent(to, next);
        }
        if (revision != null) {
            revisions.putIfAbsent(to, revision);
        }
        return changed;
    }

    private void bump(CommunityId community) {
        revisions.merge(community, 1L, Long::sum);
    }
}
