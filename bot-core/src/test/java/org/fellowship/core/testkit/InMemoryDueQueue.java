package org.fellowship.core.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.fellowship.core.schedule.ClaimedItem;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.DueQueue;

/** In-memory fake of {@link DueQueue} with the same lease semantics as the Redis one. */
public final class InMemoryDueQueue implements DueQueue {
    private static final class Entry {
        DueItem item;
        Instant score;
        String leaseToken;
        int attempts;
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Set<String> done = new HashSet<>();

    @Override
    public synchronized boolean schedule(DueItem item) {
        if (entries.containsKey(item.id()) || done.contains(item.id())) {
            return false;
        }
        Entry e = new Entry();
        e.item = item;
        e.score = item.dueAt();
        entries.put(item.id(), e);
        return true;
    }

    @Override
    public synchronized boolean reschedule(String id, Instant dueAt) {
        Entry e = entries.get(id);
        if (e == null || e.leaseToken != null) {
            return false;
        }
        e.item = e.item.at(dueAt);
        e.score = dueAt;
        return true;
    }

    @Override
    public synchronized boolean cancel(String id) {
        Entry e = entries.get(id);
        if (e == null || e.leaseToken != null) {
            return false;
        }
        entries.remove(id);
        return true;
    }

    @Override
    public synchronized List<ClaimedItem> claim(DueLane lane, Instant now, int max, Duration lease) {
        List<Entry> due = entries.values().stream().filter(e -> e.item.lane() == lane && !e.score.isAfter(now))
                .sorted(Comparator.comparing((Entry e) -> e.score).thenComparing(e -> e.item.id()))
                .limit(max).toList();
        List<ClaimedItem> claimed = new ArrayList<>();
        for (Entry e : due) {
            e.leaseToken = UUID.randomUUID().toString();
            e.score = now.plus(lease);
            e.attempts++;
            claimed.add(new ClaimedItem(e.item, e.leaseToken, e.score, e.attempts));
        }
        return claimed;
    }

    @Override
    public synchronized boolean renew(ClaimedItem claimed, Instant until) {
        Entry e = entries.get(claimed.item().id());
        if (e == null || !claimed.leaseToken().equals(e.leaseToken)) {
            return false;
        }
        e.score = until;
        return true;
    }

    @Override
    public synchronized boolean complete(ClaimedItem claimed) {
        Entry e = entries.get(claimed.item().id());
        if (e == null || !claimed.leaseToken().equals(e.leaseToken)) {
            return false;
        }
        entries.remove(claimed.item().id());
        done.add(claimed.item().id());
        return true;
    }

    @Override
    public synchronized boolean retry(ClaimedItem claimed, Instant retryAt) {
        Entry e = entries.get(claimed.item().id());
        if (e == null || !claimed.leaseToken().equals(e.leaseToken)) {
            return false;
        }
        e.leaseToken = null;
        e.score = retryAt;
        e.item = e.item.at(retryAt);
        return true;
    }

    @Override
    public synchronized boolean isDone(String id) {
        return done.contains(id);
    }

    @Override
    public synchronized Optional<Instant> nextDueAt() {
        return entries.values().stream().map(e -> e.score).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized long size() {
        return entries.size();
    }

    @Override
    public synchronized List<DueItem> about(org.fellowship.core.model.ChatUserId member) {
        return entries.values().stream().map(e -> e.item).filter(i -> member.equals(i.subject())).toList();
    }

    @Override
    public synchronized int forget(org.fellowship.core.model.ChatUserId member) {
        List<String> ids = about(member).stream().map(DueItem::id).toList();
        ids.forEach(entries::remove);
        return ids.size();
    }
}
