package org.fellowship.moderation.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityStateMover;
import org.fellowship.moderation.Warning;
import org.fellowship.moderation.WarningStore;

/** In-memory fake of {@link WarningStore}. Thread-safe through one lock. */
public final class InMemoryWarningStore implements WarningStore, CommunityStateMover {
    private final Map<String, List<Warning>> byMember = new HashMap<>();

    private static String key(CommunityId community, ChatUserId member) {
        return community + "|" + member;
    }

    @Override
    public synchronized void add(Warning warning) {
        byMember.computeIfAbsent(key(warning.community(), warning.member()), k -> new ArrayList<>()).add(warning);
    }

    @Override
    public synchronized List<Warning> active(CommunityId community, ChatUserId member, Instant now) {
        List<Warning> all = byMember.getOrDefault(key(community, member), new ArrayList<>());
        all.removeIf(w -> !w.activeAt(now));
        return List.copyOf(all);
    }

    @Override
    public synchronized boolean remove(CommunityId community, ChatUserId member, long id) {
        List<Warning> all = byMember.get(key(community, member));
        return all != null && all.removeIf(w -> w.id() == id);
    }

    /** This fake's part of the one move step: every member's warnings in {@code from} (like the Redis step). */
    @Override
    public synchronized int move(CommunityId from, CommunityId to) {
        int moved = 0;
        String prefix = from + "|";
        for (String key : List.copyOf(byMember.keySet())) {
            if (key.startsWith(prefix)) {
                List<Warning> target = byMember.computeIfAbsent(to + key.substring(from.toString().length()),
                        k -> new ArrayList<>());
                byMember.remove(key).forEach(w -> target.add(new Warning(to, w.member(), w.id(), w.moderator(),
                        w.points(), w.reason(), w.at(), w.expiresAt())));
                moved++;
            }
        }
        return moved;
    }
}
