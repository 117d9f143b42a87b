package org.fellowship.core.testkit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.port.CommunityAliases;

/** Fake {@link CommunityAliases}: the steps in a map, checked and followed under one lock. */
public final class InMemoryCommunityAliases implements CommunityAliases {
    private final Map<CommunityId, CommunityId> next = new HashMap<>();

    @Override
    public synchronized boolean record(CommunityId from, CommunityId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.platform() != to.platform()) {
            throw new IllegalArgumentException("a community keeps its platform");
        }
        CommunityId recorded = next.get(from);
        if (recorded != null) {
            return recorded.equals(to);
        }
        if (from.equals(to) || current(to).equals(from)) {
            return false;
        }
        next.put(from, to);
        return true;
    }

    @Override
    public synchronized CommunityId current(CommunityId community) {
        CommunityId now = Objects.requireNonNull(community, "community");
        Set<CommunityId> seen = new HashSet<>();
        while (next.containsKey(now) && seen.add(now)) {
            now = next.get(now);
        }
        return now;
    }
}
